package workflows

import (
	_ "embed"
	"slices"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/activities"
)

//go:embed testdata/definitions/ladder.yaml
var ladderDef string

func TestEscalationLadder(t *testing.T) {
	h := newHarness(t)
	note := func(kind, to, assignee string) activities.NotifyInput {
		return activities.NotifyInput{CaseID: "case-1", Gemeente: "testgem", Process: "ladder", Team: "noord",
			Step: "gesprek", TaskID: "gesprek-1", Kind: kind, To: to, Assignee: assignee}
	}
	h.at(time.Hour, func() {
		h.update(UpdateClaim, "claim", ClaimRequest{Actor: worker("w1", "wijkcoach"), TaskID: "gesprek-1"})
	})
	h.at(3*time.Hour, func() {
		if want := []activities.NotifyInput{note("remind", "assignee", "w1")}; !slices.Equal(h.notes, want) {
			t.Errorf("after rung 1: notes %+v, want %+v", h.notes, want)
		}
	})
	h.at(5*time.Hour, func() {
		if len(h.notes) != 2 || h.notes[1] != note("remind", "teamleider", "") {
			t.Errorf("after rung 2: notes %+v", h.notes)
		}
	})
	h.at(7*time.Hour, func() {
		v := h.view()
		if tk := v.Tasks[0]; !slices.Equal(tk.Roles, []string{"wijkcoach", "teamleider"}) || tk.EscalationLevel != 1 || v.EscalationLevel != 1 {
			t.Errorf("after rung 3: roles %v, task level %d, case level %d", tk.Roles, tk.EscalationLevel, v.EscalationLevel)
		}
		if len(h.notes) != 3 || h.notes[2] != note("escalate", "teamleider", "") {
			t.Errorf("after rung 3: notes %+v", h.notes)
		}
		if h.sa["WijkEscalation"] != int64(1) || v.Stalled {
			t.Errorf("after rung 3: WijkEscalation %v, stalled %v", h.sa["WijkEscalation"], v.Stalled)
		}
	})
	h.at(9*time.Hour, func() {
		v := h.view()
		if !v.Stalled || v.Tasks[0].Overdue || h.sa["WijkStalled"] != true {
			t.Errorf("after rung 4: stalled %v, overdue %v, WijkStalled %v", v.Stalled, v.Tasks[0].Overdue, h.sa["WijkStalled"])
		}
	})
	h.at(11*time.Hour, func() {
		v := h.view()
		if !v.Tasks[0].Overdue || !v.Stalled {
			t.Errorf("after deadline: overdue %v, stalled %v", v.Tasks[0].Overdue, v.Stalled)
		}
		if at := trailAt(t, v, "deadline-passed", "gesprek-1"); !at.Equal(testStart.Add(10 * time.Hour)) {
			t.Errorf("deadline passed at %v, want %v", at, testStart.Add(10*time.Hour))
		}
		if d := trailDetail(v, "deadline-passed"); d != "Verordening art. 3" {
			t.Errorf("deadline-passed detail = %q", d)
		}
		h.stop()
	})
	h.run(input(def(t, ladderDef), nil))
}

//go:embed testdata/definitions/goto.yaml
var gotoDef string

func TestEscalationGoto(t *testing.T) {
	h := newHarness(t)
	h.at(6*time.Hour, func() {
		v := h.view()
		if got := taskIDs(v); got != "specialist-1" {
			t.Errorf("after goto rung: open %q, want specialist-1", got)
		}
		if at := trailAt(t, v, "task-closed", "gesprek-1"); !at.Equal(testStart.Add(3 * time.Hour)) {
			t.Errorf("task closed at %v", at)
		}
		h.stop()
	})
	h.run(input(def(t, gotoDef), nil))
	if len(h.notes) != 0 {
		t.Errorf("the remind rung of a closed task must not fire: %+v", h.notes)
	}
}

//go:embed testdata/definitions/suspend.yaml
var suspendDef string

func TestSuspensionShiftsDeadlineByExactlyTheSuspendedTime(t *testing.T) {
	h := newHarness(t)
	lead := worker("tl", "teamleider")
	var suspended, resumed *outcome
	h.at(3*time.Hour, func() {
		suspended = h.update(UpdateSuspend, "s", SuspendRequest{Actor: lead, Reason: "wacht op gegevens"})
	})
	h.at(6*time.Hour, func() {
		v := h.view()
		if !v.Suspended || h.sa["WijkSuspended"] != true {
			t.Errorf("during suspension: suspended %v, WijkSuspended %v", v.Suspended, h.sa["WijkSuspended"])
		}
		if len(h.notes) != 1 {
			t.Errorf("the 4h rung fired while suspended: %+v", h.notes)
		}
		for _, tk := range v.Tasks {
			if want := tk.ID == "gesprek-1"; tk.ClockStopped != want {
				t.Errorf("during suspension %s: clockStopped %v, want %v", tk.ID, tk.ClockStopped, want)
			}
		}
		if at := trailAt(t, v, "deadline-passed", "administratie-1"); !at.Equal(testStart.Add(5 * time.Hour)) {
			t.Errorf("a clock that is not suspendable runs on: passed at %v", at)
		}
	})
	h.at(7*time.Hour+30*time.Minute, func() { resumed = h.update(UpdateResume, "r", ResumeRequest{Actor: lead}) })
	h.at(20*time.Hour, func() {
		v := h.view()
		want := testStart.Add(10*time.Hour + 4*time.Hour + 30*time.Minute)
		if at := trailAt(t, v, "deadline-passed", "gesprek-1"); !at.Equal(want) {
			t.Errorf("suspendable deadline passed at %v, want %v", at, want)
		}
		if at := trailAt(t, v, "notified", "gesprek-1"); !at.Equal(testStart.Add(2 * time.Hour)) {
			t.Errorf("first reminder at %v", at)
		}
		if len(h.notes) != 2 {
			t.Errorf("notes %+v", h.notes)
		}
		h.stop()
	})
	h.run(input(def(t, suspendDef), nil))
	if suspended.err != nil || resumed.err != nil {
		t.Fatalf("suspend %v, resume %v", suspended.err, resumed.err)
	}
	if d := resumed.view.Tasks[0].Deadline; d == nil || !d.Equal(testStart.Add(14*time.Hour+30*time.Minute)) {
		t.Errorf("deadline after resume = %v", d)
	}
	if resumed.view.Tasks[0].ClockStopped {
		t.Error("clock still stopped after resume")
	}
	if trailDetail(suspended.view, "suspended") != "wacht op gegevens" || resumed.view.Suspended {
		t.Errorf("resume answer: %s", events(resumed.view))
	}
}

func TestExtendOnce(t *testing.T) {
	h := newHarness(t)
	w := worker("w1", "wijkcoach")
	var tooLong, noReason, first, second *outcome
	h.at(time.Hour, func() {
		tooLong = h.update(UpdateExtend, "e0", ExtendRequest{Actor: w, TaskID: "gesprek-1", Reason: "complex", By: "6h"})
		noReason = h.update(UpdateExtend, "e1", ExtendRequest{Actor: w, By: "2h"})
	})
	h.at(2*time.Hour, func() {
		first = h.update(UpdateExtend, "e2", ExtendRequest{Actor: w, Reason: "complexe situatie", By: "5h"})
	})
	h.at(3*time.Hour, func() {
		second = h.update(UpdateExtend, "e3", ExtendRequest{Actor: w, TaskID: "gesprek-1", Reason: "nog eens", By: "1h"})
	})
	h.at(16*time.Hour, func() {
		if at := trailAt(t, h.view(), "deadline-passed", "gesprek-1"); !at.Equal(testStart.Add(15 * time.Hour)) {
			t.Errorf("extended deadline passed at %v, want 15h", at)
		}
		h.stop()
	})
	h.run(input(def(t, ladderDef), nil))
	if errType(tooLong.err) != ErrInvalid || !sameProblem(fieldErrors(t, tooLong.err)[0], "by", "may be at most 5h", "mag hoogstens 5 uur zijn") {
		t.Errorf("too long: %v", tooLong.err)
	}
	if errType(noReason.err) != ErrInvalid || !sameProblem(fieldErrors(t, noReason.err)[0], "reason", "is required", "is verplicht") {
		t.Errorf("no reason: %v", noReason.err)
	}
	if first.err != nil {
		t.Fatalf("first extension: %v", first.err)
	}
	if tk := first.view.Tasks[0]; !tk.Extended || !tk.Deadline.Equal(testStart.Add(15*time.Hour)) {
		t.Errorf("after extension: extended %v, deadline %v", tk.Extended, tk.Deadline)
	}
	if errType(second.err) != ErrConflict {
		t.Errorf("second extension: %v, want %s", second.err, ErrConflict)
	}
}

// workingDaysDef is one task whose deadline (%s) counts on the nl calendar.
//
//go:embed testdata/definitions/working-days.yaml
var workingDaysDef string

func TestDeadlineOnDutchCalendar(t *testing.T) {
	for _, tc := range []struct {
		name            string
		start, received time.Time
		deadline        string
		want            time.Time
	}{
		{"3wd over Koningsdag", time.Date(2026, 4, 24, 10, 0, 0, 0, amsterdam), time.Time{}, "3wd",
			time.Date(2026, 5, 1, 0, 0, 0, 0, amsterdam)},
		{"3wd over Kerst", time.Date(2026, 12, 23, 10, 0, 0, 0, amsterdam), time.Time{}, "3wd",
			time.Date(2026, 12, 30, 0, 0, 0, 0, amsterdam)},
		{"6w from the melding ends on Kerst: Atw shift", time.Date(2026, 11, 20, 10, 0, 0, 0, amsterdam),
			time.Date(2026, 11, 13, 10, 0, 0, 0, amsterdam), "{within: 6w, from: case}",
			time.Date(2026, 12, 29, 0, 0, 0, 0, amsterdam)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.env.SetStartTime(tc.start)
			h.at(time.Minute, func() {
				v := h.view()
				if d := v.Tasks[0].Deadline; d == nil || !d.Equal(tc.want) {
					t.Errorf("deadline = %v, want %v", d, tc.want)
				}
				if d, ok := h.sa["WijkDeadline"].(time.Time); !ok || !d.Equal(tc.want) {
					t.Errorf("WijkDeadline = %v", h.sa["WijkDeadline"])
				}
				h.stop()
			})
			in := input(def(t, sprintf(workingDaysDef, tc.deadline)), nil)
			in.Received = tc.received
			h.run(in)
		})
	}
}

const twoDeadlinesDef = `
gemeente: testgem
process: klokken
title: Klokken
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: a
steps:
  a: {kind: task, role: wijkcoach, deadline: 10h, form: {ok: {type: bool}}, next: [{goto: b}]}
  b: {kind: task, role: wijkcoach, deadline: 5h, form: {ok: {type: bool}}, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

func TestOneTimerAtATime(t *testing.T) {
	h := newHarness(t)
	var scheduled []time.Duration
	var fired, canceled int
	h.env.SetOnTimerScheduledListener(func(_ string, d time.Duration) { scheduled = append(scheduled, d) })
	h.env.SetOnTimerFiredListener(func(string) { fired++ })
	h.env.SetOnTimerCanceledListener(func(string) { canceled++ })
	h.at(time.Hour, func() {
		h.update(UpdateComplete, "u", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "a-1"})
	})
	h.at(12*time.Hour, h.stop)
	h.run(input(def(t, twoDeadlinesDef), nil))
	want := []time.Duration{10 * time.Hour, 5 * time.Hour}
	if !slices.Equal(scheduled, want) || canceled != 1 {
		t.Errorf("timers scheduled %v, canceled %d; want %v and the 10h deadline of a-1 cancelled", scheduled, canceled, want)
	}
	if fired != 1 { // b-1's deadline at 6h; a-1's stopped timer never fires
		t.Errorf("timers fired = %d, want 1", fired)
	}
}
