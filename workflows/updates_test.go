package workflows

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestUpdateRejections(t *testing.T) {
	w1 := worker("w1", "wijkcoach")
	other := worker("w9", "wijkcoach")
	other.Teams = []string{"zuid"}
	elsewhere := worker("w8", "wijkcoach")
	elsewhere.Gemeente = "anders"
	for _, tc := range []struct {
		name, update, wantType, wantMsg string
		req                             any
	}{
		{"unknown task", UpdateComplete, ErrNotOpen, `task "nope-1" is not open`,
			CompleteRequest{Actor: w1, TaskID: "nope-1", Data: map[string]any{"verslag": "x"}}},
		{"wrong team", UpdateComplete, ErrForbidden, "the case belongs to team noord",
			CompleteRequest{Actor: other, TaskID: "gesprek-1", Data: map[string]any{"verslag": "x"}}},
		{"wrong gemeente", UpdateClaim, ErrForbidden, "the case belongs to another gemeente",
			ClaimRequest{Actor: elsewhere, TaskID: "gesprek-1"}},
		{"wrong role", UpdateComplete, ErrForbidden, "task gesprek-1 is for role wijkcoach",
			CompleteRequest{Actor: worker("j1", "jeugdconsulent"), TaskID: "gesprek-1", Data: map[string]any{"verslag": "x"}}},
		{"claimed by another", UpdateComplete, ErrForbidden, "task gesprek-1 is claimed by another user",
			CompleteRequest{Actor: worker("w2", "wijkcoach"), TaskID: "gesprek-1", Data: map[string]any{"verslag": "x"}}},
		{"claim taken", UpdateClaim, ErrConflict, "task gesprek-1 is already claimed by another user",
			ClaimRequest{Actor: worker("w2", "wijkcoach"), TaskID: "gesprek-1"}},
		{"reassign by another worker", UpdateReassign, ErrForbidden, "only the lead or the task's assignee may reassign it",
			ReassignRequest{Actor: worker("w2", "wijkcoach"), TaskID: "gesprek-1", Assignee: "w2"}},
		{"reassign to the current assignee", UpdateReassign, ErrConflict, "task gesprek-1 is already assigned to w1",
			ReassignRequest{Actor: w1, TaskID: "gesprek-1", Assignee: "w1"}},
		{"invalid data", UpdateComplete, ErrInvalid, "invalid data: verslag: is required",
			CompleteRequest{Actor: w1, TaskID: "gesprek-1", Data: map[string]any{"naam": "Jansen"}}},
		{"resume when running", UpdateResume, ErrConflict, "the case is not suspended",
			ResumeRequest{Actor: w1}},
		{"suspend without reason", UpdateSuspend, ErrInvalid, "invalid data: reason: is required",
			SuspendRequest{Actor: w1}},
		{"extend unknown task", UpdateExtend, ErrNotOpen, `task "plan-1" is not open`,
			ExtendRequest{Actor: w1, TaskID: "plan-1", Reason: "x", By: "1h"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			var before, after CaseView
			var got *outcome
			// all before the first rung (2h), so only the update could change the case
			h.at(30*time.Minute, func() { h.update(UpdateClaim, "claim", ClaimRequest{Actor: w1, TaskID: "gesprek-1"}) })
			h.at(time.Hour, func() {
				before = h.view()
				upserts := h.upserts
				got = h.update(tc.update, "bad", tc.req)
				if h.upserts != upserts {
					t.Error("a rejected update upserted search attributes")
				}
			})
			h.at(90*time.Minute, func() {
				after = h.view()
				h.stop()
			})
			h.run(input(def(t, ladderDef), nil))
			if !got.done || errType(got.err) != tc.wantType {
				t.Fatalf("got %v, want %s", got.err, tc.wantType)
			}
			if msg := got.err.Error(); !strings.HasPrefix(msg, tc.wantMsg) {
				t.Errorf("message %q, want prefix %q", msg, tc.wantMsg)
			}
			if !reflect.DeepEqual(before, after) {
				t.Errorf("a rejected update changed the case: trail %s; tasks %+v", events(after), after.Tasks)
			}
		})
	}
}

func TestInvalidDataFieldErrors(t *testing.T) {
	h := newHarness(t)
	var got *outcome
	h.at(time.Hour, func() {
		got = h.update(UpdateComplete, "bad", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "gesprek-1",
			Data: map[string]any{"verslag": 12.0, "bsn": "123456782"}})
		h.at(time.Minute, h.stop)
	})
	h.run(input(def(t, ladderDef), nil))
	fe := fieldErrors(t, got.err)
	if len(fe) != 2 || fe[0].Field != "verslag" || fe[1].Field != "bsn" {
		t.Fatalf("field errors = %+v, want verslag then bsn", fe)
	}
	for _, e := range fe {
		if strings.Contains(e.Message, "123456782") {
			t.Errorf("a field error repeats the submitted value: %q", e.Message)
		}
	}
}

func TestLeadCompletesClaimedTask(t *testing.T) {
	h := newHarness(t)
	var lead *outcome
	// specialist-1 opens at 3h, when the goto rung closes gesprek-1
	h.at(4*time.Hour, func() {
		h.update(UpdateClaim, "c", ClaimRequest{Actor: worker("s1", "specialist"), TaskID: "specialist-1"})
	})
	h.at(5*time.Hour, func() {
		lead = h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("tl", "teamleider"), TaskID: "specialist-1",
			Data: map[string]any{"advies": "doorgaan"}})
	})
	h.run(input(def(t, gotoLeadDef), nil))
	h.endsWith("klaar")
	if lead.err != nil {
		t.Fatalf("the lead may complete a task claimed by someone else: %v", lead.err)
	}
}

// gotoLeadDef is gotoDef with a lead role.
var gotoLeadDef = strings.Replace(gotoDef, "specialist: Specialist}", "specialist: Specialist, teamleider: Teamleider}\nlead: teamleider", 1)

func TestCompletedTwice(t *testing.T) {
	h := newHarness(t)
	var first, second *outcome
	h.at(time.Hour, func() {
		first = h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "wmo-1"})
	})
	h.at(2*time.Hour, func() {
		second = h.update(UpdateComplete, "u2", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "wmo-1"})
	})
	h.at(3*time.Hour, h.stop)
	h.run(input(def(t, parallelDef), nil))
	if first.err != nil || errType(second.err) != ErrNotOpen {
		t.Errorf("first %v, second %v (want %s)", first.err, second.err, ErrNotOpen)
	}
}

func TestSameUpdateIDOneEffect(t *testing.T) {
	h := newHarness(t)
	var first, second *outcome
	req := CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "wmo-1"}
	h.at(time.Hour, func() { first = h.update(UpdateComplete, "same", req) })
	h.at(2*time.Hour, func() { second = h.update(UpdateComplete, "same", req) })
	h.at(3*time.Hour, h.stop)
	h.run(input(def(t, parallelDef), nil))
	if first.err != nil || second.err != nil {
		t.Fatalf("first %v, second %v", first.err, second.err)
	}
	if n := strings.Count(events(second.view), "task-completed"); n != 1 {
		t.Errorf("task-completed %d times: %s", n, events(second.view))
	}
}
