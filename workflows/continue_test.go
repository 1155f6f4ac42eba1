package workflows

import (
	"strings"
	"testing"
	"time"
)

func TestContinueAsNewKeepsStateAndOpenTasks(t *testing.T) {
	// Run 1: a claim, an unassign, then Temporal suggests a new run; the next timer
	// (the 4h rung) wakes the case, which continues as new.
	h := newHarness(t)
	w1 := worker("w1", "wijkcoach")
	h.at(time.Hour, func() { h.update(UpdateClaim, "c1", ClaimRequest{Actor: w1, TaskID: "gesprek-1"}) })
	h.at(90*time.Minute, func() {
		h.update(UpdateReassign, "r1", ReassignRequest{Actor: worker("tl", "teamleider"), TaskID: "gesprek-1", Assignee: ""})
	})
	h.at(3*time.Hour, func() { h.env.SetContinueAsNewSuggested(true) })
	h.run(input(def(t, ladderDef), map[string]any{"x": "intake"}))
	if !h.env.IsWorkflowCompleted() {
		t.Fatal("run 1 did not end")
	}
	next := continuedInput(t, h.env.GetWorkflowError())
	st := next.Carried
	if st == nil || len(st.Tasks) != 1 || st.Tasks[0].ID != "gesprek-1" || st.Data["x"] != "intake" {
		t.Fatalf("carried state: %+v", st)
	}
	if len(st.Updates) != 2 || st.Updates[0].ID != "c1" || !strings.Contains(events(CaseView{Trail: st.Trail}), "continued-as-new") {
		t.Errorf("carried updates %+v, trail %s", st.Updates, events(CaseView{Trail: st.Trail}))
	}
	canAt := testStart.Add(4 * time.Hour)

	// Run 2 starts where run 1 stopped.
	h2 := newHarness(t)
	h2.env.SetStartTime(canAt)
	var repeat, fresh *outcome
	h2.at(time.Minute, func() {
		v := h2.view()
		if taskIDs(v) != "gesprek-1" || v.Tasks[0].Assignee != "" || v.Tasks[0].Deadline == nil ||
			!v.Tasks[0].Deadline.Equal(testStart.Add(10*time.Hour)) {
			t.Errorf("run 2 view: tasks %+v", v.Tasks)
		}
		// the same update id as run 1's claim: answered, but no second effect
		repeat = h2.update(UpdateClaim, "c1", ClaimRequest{Actor: w1, TaskID: "gesprek-1"})
	})
	h2.at(2*time.Minute, func() {
		fresh = h2.update(UpdateClaim, "c2", ClaimRequest{Actor: worker("w2", "wijkcoach"), TaskID: "gesprek-1"})
	})
	h2.at(7*time.Hour, func() {
		v := h2.view()
		if at := trailAt(t, v, "deadline-passed", "gesprek-1"); !at.Equal(testStart.Add(10 * time.Hour)) {
			t.Errorf("carried deadline passed at %v", at)
		}
		if at := trailAt(t, v, "escalated", "gesprek-1"); !at.Equal(testStart.Add(6 * time.Hour)) {
			t.Errorf("carried rung fired at %v", at)
		}
		h2.stop()
	})
	h2.run(next)
	if repeat.err != nil || repeat.view.Tasks[0].Assignee != "" {
		t.Errorf("repeated update id: err %v, assignee %q (want no second claim)", repeat.err, repeat.view.Tasks[0].Assignee)
	}
	if fresh.err != nil || fresh.view.Tasks[0].Assignee != "w2" {
		t.Errorf("new claim after continue-as-new: %v %+v", fresh.err, fresh.view.Tasks)
	}
	// two reminders in run 1 (2h, 4h), none repeated in run 2
	if n := len(h.notes) + len(h2.notes); n != 3 {
		t.Errorf("notifications over both runs = %d, want 3 (2 reminders, 1 escalation)", n)
	}
}
