package workflows

import (
	_ "embed"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
)

//go:embed testdata/definitions/melding-clock.yaml
var meldingClockDef string

// sevenWeeksAgo is a melding received as a date seven weeks before testStart.
var sevenWeeksAgo = time.Date(2026, 1, 12, 0, 0, 0, 0, amsterdam)

// clockInput is a case of melding-clock.yaml whose melding came in at received.
func clockInput(t *testing.T, received time.Time) CaseInput {
	in := input(def(t, meldingClockDef), nil)
	in.Received = received
	return in
}

// countEvents counts the trail entries of an event at a step.
func countEvents(v CaseView, event Event, step string) int {
	n := 0
	for _, e := range v.Trail {
		if e.Event == event && e.Step == step {
			n++
		}
	}
	return n
}

// A melding received seven weeks ago is past its six-week term from the first moment,
// during the triage: in the view, WijkDeadline and the trail. When the onderzoek opens
// its task takes the term over (overdue, reported once), escalates at once, and the
// case's escalation level falls back when that task is done.
func TestCaseClockOverdueAtOnce(t *testing.T) {
	h := newHarness(t)
	due := law.Due("nl", sevenWeeksAgo, law.Duration{N: 6, Unit: law.Week})
	h.at(time.Minute, func() {
		v := h.view()
		if len(v.Clocks) != 2 {
			t.Fatalf("clocks %+v, want the deadline and the norm of the onderzoek", v.Clocks)
		}
		k := v.Clocks[0]
		if k.Kind != alarmDeadline || k.Title != "onderzoek" || k.Law != "Wmo 2015 art. 2.3.2 lid 1" || !k.Due.Equal(due) || !k.Overdue {
			t.Errorf("deadline clock %+v, want overdue at %v", k, due)
		}
		if n := v.Clocks[1]; n.Kind != alarmNorm || n.Overdue {
			t.Errorf("norm clock %+v: a passed norm is not overdue", n)
		}
		if v.Deadline == nil || !v.Deadline.Equal(due) || h.sa["WijkDeadline"] != due {
			t.Errorf("deadline %v, WijkDeadline %v, want %v", v.Deadline, h.sa["WijkDeadline"], due)
		}
		if countEvents(v, EventDeadlinePassed, "onderzoek") != 1 || countEvents(v, EventNormPassed, "onderzoek") != 1 {
			t.Errorf("trail %s, want the deadline and the norm passed once", events(v))
		}
		if d := h.details(); !strings.Contains(d, "**Termijn vanaf de melding**: onderzoek") || !strings.Contains(d, "te laat") {
			t.Errorf("details %q", d)
		}
		h.update(UpdateComplete, "triage", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "melding-1",
			Data: map[string]any{"urgentie": "regulier"}})
	})
	h.at(2*time.Minute, func() {
		v := h.view()
		if len(v.Clocks) != 0 || taskIDs(v) != "onderzoek-1" {
			t.Fatalf("after the triage: clocks %+v, tasks %s", v.Clocks, taskIDs(v))
		}
		tk := v.Tasks[0]
		if !tk.Overdue || tk.Deadline == nil || !tk.Deadline.Equal(due) {
			t.Errorf("onderzoek-1 overdue %v, deadline %v, want overdue at %v", tk.Overdue, tk.Deadline, due)
		}
		if n := countEvents(v, EventDeadlinePassed, "onderzoek"); n != 1 {
			t.Errorf("deadline passed %d times, want once", n)
		}
		if v.EscalationLevel != 1 || h.sa["WijkEscalation"] != int64(1) {
			t.Errorf("escalation %d, WijkEscalation %v, want 1", v.EscalationLevel, h.sa["WijkEscalation"])
		}
		h.update(UpdateComplete, "onderzoek", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "onderzoek-1",
			Data: map[string]any{"verslag": "…"}})
	})
	h.at(3*time.Minute, func() {
		v := h.view()
		if taskIDs(v) != "plan-1" || v.EscalationLevel != 0 || h.sa["WijkEscalation"] != int64(0) {
			t.Errorf("after the late task: tasks %s, escalation %d, WijkEscalation %v, want plan-1 and 0",
				taskIDs(v), v.EscalationLevel, h.sa["WijkEscalation"])
		}
		h.stop()
	})
	h.run(clockInput(t, sevenWeeksAgo))
}

// A melding received today: the term shows from the start and passes, during the
// triage, at the end of its sixth week.
func TestCaseClockPassesDuringTriage(t *testing.T) {
	h := newHarness(t)
	today := time.Date(2026, 3, 2, 0, 0, 0, 0, amsterdam)
	due := law.Due("nl", today, law.Duration{N: 6, Unit: law.Week})
	h.at(time.Minute, func() {
		v := h.view()
		if len(v.Clocks) != 2 || v.Clocks[0].Overdue || !v.Clocks[0].Due.Equal(due) {
			t.Errorf("clocks %+v, want a running deadline to %v", v.Clocks, due)
		}
	})
	h.at(due.Sub(testStart)-time.Minute, func() {
		if v := h.view(); v.Clocks[0].Overdue {
			t.Errorf("overdue a minute before %v", due)
		}
	})
	h.at(due.Sub(testStart)+time.Minute, func() {
		v := h.view()
		if !v.Clocks[0].Overdue {
			t.Errorf("not overdue a minute after %v", due)
		}
		if at := trailAtStep(v, EventDeadlinePassed, "onderzoek"); !at.Equal(due) {
			t.Errorf("deadline passed at %v, want %v", at, due)
		}
		h.stop()
	})
	h.run(clockInput(t, today))
}

// trailAtStep is when the first entry of an event at a step was made.
func trailAtStep(v CaseView, event Event, step string) time.Time {
	for _, e := range v.Trail {
		if e.Event == event && e.Step == step {
			return e.At
		}
	}
	return time.Time{}
}

// A crisis skips the onderzoek: its term from the melding stops showing.
func TestCaseClockEndsOffPath(t *testing.T) {
	h := newHarness(t)
	h.at(time.Minute, func() {
		h.update(UpdateComplete, "triage", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "melding-1",
			Data: map[string]any{"urgentie": "crisis"}})
	})
	h.at(2*time.Minute, func() {
		v := h.view()
		if taskIDs(v) != "plan-1" || len(v.Clocks) != 0 || v.Deadline != nil || h.sa["WijkDeadline"] != nil {
			t.Errorf("after a crisis: tasks %s, clocks %+v, deadline %v, WijkDeadline %v", taskIDs(v), v.Clocks, v.Deadline, h.sa["WijkDeadline"])
		}
		h.stop()
	})
	h.run(clockInput(t, sevenWeeksAgo))
}

// The escalation level falls back when the escalated task is done (ladder.yaml: the
// rung to the teamleider after 6h).
func TestEscalationResetsWhenDone(t *testing.T) {
	h := newHarness(t)
	h.at(7*time.Hour, func() {
		if v := h.view(); v.EscalationLevel != 1 || h.sa["WijkEscalation"] != int64(1) {
			t.Errorf("escalated: level %d, WijkEscalation %v", v.EscalationLevel, h.sa["WijkEscalation"])
		}
		h.update(UpdateComplete, "done", CompleteRequest{Actor: worker("w1", "teamleider"), TaskID: "gesprek-1",
			Data: map[string]any{"verslag": "…"}})
	})
	h.run(input(def(t, ladderDef), nil))
	if h.sa["WijkEscalation"] != int64(0) {
		t.Errorf("after the late task was done: WijkEscalation %v, want 0", h.sa["WijkEscalation"])
	}
}

// dalfsenLate is the Dalfsen path of a melding received seven weeks ago (recorded as
// case-clocks-dalfsen-late): the six weeks of Wmo 2015 art. 2.3.2 lid 1 have passed
// before the triage; the persoonlijk plan's seven days too, so its ladder goes on to the
// keukentafelgesprek at once, which opens overdue and escalated, and the escalation
// level falls back when it is done.
func dalfsenLate(id string, own definitions.Definition, related []definitions.Definition) liveCase {
	lc := dalfsenCase(id, own, related)
	in := lc.input.(CaseInput)
	y, m, d := time.Now().In(amsterdam).AddDate(0, 0, -49).Date()
	in.Received = time.Date(y, m, d, 0, 0, 0, 0, amsterdam)
	lc.input = in
	steps := dalfsenSteps()
	ktg := steps[2]
	ktg.await = true
	lc.steps = append([]liveStep{steps[0], ktg}, steps[3:]...)
	return lc
}
