package workflows

import (
	_ "embed"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/activities"
)

//go:embed testdata/definitions/routing.yaml
var routingDef string

func TestDecisionConditions(t *testing.T) {
	for _, tc := range []struct {
		name      string
		data      map[string]any
		result    string
		condError bool
	}{
		{"first that holds", map[string]any{"risico": "hoog", "leeftijd": 12.0}, "crisis", false},
		{"second", map[string]any{"risico": "geen", "leeftijd": 12.0}, "jeugd", false},
		{"default", map[string]any{"risico": "geen", "leeftijd": 40.0}, "gewoon", false},
		{"missing fields count as zero", map[string]any{}, "jeugd", false},
		{"a value of the wrong type counts as missing", map[string]any{"risico": 3.0, "leeftijd": 40.0}, "gewoon", false},
		{"a condition that fails is not guessed on", map[string]any{"fout": true, "risico": "hoog", "leeftijd": 40.0}, "gewoon", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			src := routingDef
			if tc.data["fout"] == true { // a condition that fails at run time: division by zero
				src = strings.Replace(src, `{when: risico == "hoog", goto: crisis}`, `{when: int(leeftijd) / 0 == 1, goto: crisis}`, 1)
				delete(tc.data, "fout")
			}
			h.run(input(def(t, src), tc.data))
			if r := h.result(); r.Result != tc.result {
				t.Errorf("result %q, want %q", r.Result, tc.result)
			}
			v := h.view()
			if got := strings.Contains(events(v), "condition-error:kies"); got != tc.condError {
				t.Errorf("condition-error in trail = %v, want %v: %s", got, tc.condError, events(v))
			}
		})
	}
}

func TestStuckCaseIsStalled(t *testing.T) {
	h := newHarness(t)
	h.at(time.Hour, func() {
		v := h.view()
		want := "process specialist is not in the case's related definitions"
		if !v.Stalled || v.Status != StatusOpen || h.sa["WijkStalled"] != true || trailDetail(v, "stuck") != want {
			t.Errorf("stalled %v status %s WijkStalled %v trail %s", v.Stalled, v.Status, h.sa["WijkStalled"], events(v))
		}
		h.stop()
	})
	h.run(input(def(t, sprintf(parentDef, "true")), nil)) // no related definitions given
}

func TestNormPassed(t *testing.T) {
	src := strings.Replace(ladderDef, "    suspendable: true\n", "    suspendable: true\n    norm: 3h\n", 1)
	h := newHarness(t)
	h.at(4*time.Hour, func() {
		v := h.view()
		if at := trailAt(t, v, "norm-passed", "gesprek-1"); !at.Equal(testStart.Add(3 * time.Hour)) {
			t.Errorf("norm passed at %v", at)
		}
		if n := v.Tasks[0].Norm; n == nil || !n.Equal(testStart.Add(3*time.Hour)) || v.Stalled {
			t.Errorf("norm %v, stalled %v (a norm does not stall)", n, v.Stalled)
		}
		h.stop()
	})
	h.run(input(def(t, src), nil))
}

func TestFailedNotificationDoesNotHoldTheCase(t *testing.T) {
	h := newHarness(t)
	h.env.OnActivity(activities.NotifyName, mock.Anything, mock.Anything).Return(
		temporal.NewNonRetryableApplicationError("410 Gone", activities.ErrRejected, nil))
	h.run(input(def(t, notifyDef), nil))
	h.endsWith("klaar")
	if v := h.view(); !strings.Contains(events(v), "notify-failed:bericht") {
		t.Errorf("trail %s", events(v))
	}
}

//go:embed testdata/definitions/slow-notify.yaml
var slowNotifyDef string

// TestSlowNotificationDoesNotHoldTheAnswer: a completion whose next step notifies is
// answered at once, with the next task open, while the webhook takes two hours; and the
// case still waits for that notification before it ends.
func TestSlowNotificationDoesNotHoldTheAnswer(t *testing.T) {
	h := newHarness(t)
	h.env.OnActivity(activities.NotifyName, mock.Anything, mock.Anything).Return(nil).After(2 * time.Hour)
	var first, second *outcome
	var answeredAt time.Time
	h.at(time.Minute, func() {
		first = h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "eerst-1", Data: map[string]any{"gezien": true}})
	})
	h.at(2*time.Minute, func() {
		answeredAt = h.env.Now()
		second = h.update(UpdateComplete, "u2", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "daarna-1", Data: map[string]any{"klaar": true}})
	})
	start := h.env.Now()
	h.run(input(def(t, slowNotifyDef), nil))
	h.endsWith("afgerond")
	if first == nil || !first.done || first.err != nil || taskIDs(first.view) != "daarna-1" {
		t.Fatalf("first completion: %+v", first)
	}
	if strings.Contains(events(first.view), "notified") {
		t.Errorf("the answer waited for the notification: trail %s", events(first.view))
	}
	if second == nil || !second.done || second.err != nil {
		t.Fatalf("second completion (sent at %v): %+v", answeredAt.Sub(start), second)
	}
	v := h.view()
	if !strings.Contains(events(v), "notified:bericht") {
		t.Errorf("the case ended before its notification: trail %s", events(v))
	}
	if at := trailAt(t, v, "notified", ""); at.Sub(start) < 2*time.Hour {
		t.Errorf("notified after %v, want the webhook's two hours", at.Sub(start))
	}
}
