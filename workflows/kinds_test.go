package workflows

import (
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// kindPause is a step kind that exists only in this test: it holds the case for an hour,
// then goes on. It proves that a kind is one type and one registration line: the
// interpreter enters it, shows where it holds the case, wakes it on time and lets an
// end step drop it, without a line changed elsewhere.
const kindPause definitions.Kind = "pause"

// pauseKind keeps its pending pauses itself (a real kind keeps them in CaseState, which
// continue-as-new carries); by case id, as the test environment runs one case at a time.
type pauseKind struct {
	until map[string]pause
}

type pause struct {
	step string
	due  time.Time
}

var _ stepKind = (*pauseKind)(nil)

func (k *pauseKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	k.until[c.st.CaseID] = pause{step: step.ID, due: workflow.Now(ctx).Add(time.Hour)}
}

func (k *pauseKind) holds(c *caseRun) []string {
	if p, ok := k.until[c.st.CaseID]; ok {
		return []string{p.step}
	}
	return nil
}

func (k *pauseKind) show(*caseRun, *CaseView) {}

func (k *pauseKind) describe(c *caseRun, b *strings.Builder) {
	if p, ok := k.until[c.st.CaseID]; ok {
		b.WriteString("**Pauze**: " + p.step + "\n\n")
	}
}

func (k *pauseKind) stalled(*caseRun) bool { return false }

func (k *pauseKind) next(c *caseRun) moment {
	p, ok := k.until[c.st.CaseID]
	return moment{due: p.due, ok: ok, name: func() string { return "pauze " + p.step }}
}

func (k *pauseKind) wake(ctx workflow.Context, c *caseRun, now time.Time) {
	p, ok := k.until[c.st.CaseID]
	if !ok || p.due.After(now) {
		return
	}
	delete(k.until, c.st.CaseID)
	c.addTrail(ctx, TrailEntry{Event: "pause-over", Step: p.step})
	c.route(ctx, c.def.Steps.Step(p.step))
}

func (k *pauseKind) busy(*caseRun) bool                                 { return false }
func (k *pauseKind) pinned(*caseRun) bool                               { return false }
func (k *pauseKind) unmovable(*caseRun, *definitions.Definition) string { return "" }
func (k *pauseKind) close(_ workflow.Context, c *caseRun)               { delete(k.until, c.st.CaseID) }

// withKind registers a kind for one test.
func withKind(t *testing.T, k definitions.Kind, run stepKind) {
	saved := stepKinds
	stepKinds = append(slices.Clone(stepKinds), kindEntry{k, run}) // the one registration line
	t.Cleanup(func() { stepKinds = saved })
}

func TestAddedStepKind(t *testing.T) {
	k := &pauseKind{until: map[string]pause{}}
	withKind(t, kindPause, k)
	// Built in Go, past the validator, which does not know the kind.
	d := definitions.Definition{
		Gemeente: "testgem", Process: "pauze", Start: "wacht-even", Teams: []string{"noord"},
		Steps: definitions.Steps{
			{ID: "wacht-even", Kind: kindPause, Next: []definitions.Transition{{Goto: "klaar"}}},
			{ID: "klaar", Kind: definitions.KindEnd, Result: "uitgerust"},
		},
	}
	h := newHarness(t)
	var during CaseView
	var details string
	var steps any
	h.at(30*time.Minute, func() { during, details, steps = h.view(), h.details(), h.sa[SAStep.GetName()] })
	h.run(input(d, nil))

	if got := strings.Join(during.ActiveSteps, ","); got != "wacht-even" {
		t.Errorf("after 30 minutes the case waits at %q, want wacht-even", got)
	}
	if got, _ := steps.([]string); !slices.Equal(got, []string{"wacht-even"}) {
		t.Errorf("after 30 minutes WijkStep = %v, want [wacht-even]", steps)
	}
	if !strings.Contains(details, "**Pauze**: wacht-even") {
		t.Errorf("details do not show the pause:\n%s", details)
	}
	if r := h.result(); r.Result != "uitgerust" || r.Step != "klaar" {
		t.Errorf("result = %+v, want uitgerust at klaar", r)
	}
	end := h.view()
	want := "case-started: step-entered:wacht-even pause-over:wacht-even step-entered:klaar case-closed:klaar"
	if got := events(end); got != want {
		t.Errorf("trail = %s, want %s", got, want)
	}
	if over, closed := trailAt(t, end, "pause-over", ""), trailAt(t, end, "case-closed", ""); !over.Equal(testStart.Add(time.Hour)) || !closed.Equal(over) {
		t.Errorf("pause over at %v, case closed at %v; want both an hour after %v", over, closed, testStart)
	}
	if len(k.until) != 0 {
		t.Errorf("pauses left after the case ended: %v", k.until)
	}
}

// TestKindsRegistered checks that every kind of the definitions has its run-time
// behaviour here, in the same order, so nothing a definition may say is left out.
func TestKindsRegistered(t *testing.T) {
	var got []definitions.Kind
	for _, e := range stepKinds {
		got = append(got, e.kind)
	}
	if !slices.Equal(got, definitions.Kinds) {
		t.Errorf("registered kinds %v, want definitions.Kinds %v", got, definitions.Kinds)
	}
}
