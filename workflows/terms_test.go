package workflows

import (
	_ "embed"
	"testing"
	"time"
)

// termsDef has one suspendable task whose term (filled in) counts from the melding.
//
//go:embed testdata/definitions/terms.yaml
var termsDef string

// ams is a wall-clock time in Amsterdam.
func ams(y int, m time.Month, d, h, min, s, ns int) time.Time {
	return time.Date(y, m, d, h, min, s, ns, amsterdam)
}

// TestTermsFromDateOnlyAndTimestampReceived: a melding received as a date and one
// received at a time of that day give the same deadline, counted from the day after
// (Atw art. 1), before and after a multi-day opschorting (Awb 4:15) whose rest is
// counted again in whole days: no nanoseconds, always the end of a day.
func TestTermsFromDateOnlyAndTimestampReceived(t *testing.T) {
	melding := ams(2026, 4, 13, 0, 0, 0, 0) // "2026-04-13" as the API reads a date
	tests := []struct {
		name               string
		within, norm, rung string
		received           []time.Time // as a date, and at a time of that day: the same terms
		suspend, resume    time.Time
		before, after      time.Time // the deadline before the suspension and after the resume
		rungAfter          time.Time
		normAfter          time.Time
	}{
		// 6w end on Mon 25-05, moved to 26-05 (tweede Pinksterdag); on 20-04, 35 days
		// remained to 25-05, counted again from 30-04: Thu 04-06.
		{"6w across Pinksteren", "6w", "3w", "5w", []time.Time{melding, ams(2026, 4, 13, 15, 42, 0, 0)},
			ams(2026, 4, 20, 14, 0, 0, 0), ams(2026, 4, 30, 9, 13, 17, 123456789),
			ams(2026, 5, 27, 0, 0, 0, 0), ams(2026, 6, 5, 0, 0, 0, 0), ams(2026, 5, 29, 0, 0, 0, 0), ams(2026, 5, 16, 0, 0, 0, 0)},
		{"10wd across Koningsdag and Bevrijdingsdag", "10wd", "5wd", "8wd", []time.Time{melding, ams(2026, 4, 13, 23, 59, 59, 0)},
			ams(2026, 4, 15, 11, 0, 0, 0), ams(2026, 4, 22, 16, 45, 0, 500),
			ams(2026, 4, 29, 0, 0, 0, 0), ams(2026, 5, 7, 0, 0, 0, 0), ams(2026, 5, 2, 0, 0, 0, 0), ams(2026, 4, 29, 0, 0, 0, 0)},
		{"3w across Kerst and the year end", "3w", "1w", "2w", []time.Time{ams(2026, 12, 14, 0, 0, 0, 0)},
			ams(2026, 12, 21, 10, 0, 0, 0), ams(2026, 12, 28, 8, 0, 0, 1),
			ams(2027, 1, 5, 0, 0, 0, 0), ams(2027, 1, 12, 0, 0, 0, 0), ams(2027, 1, 5, 0, 0, 0, 0), ams(2026, 12, 29, 0, 0, 0, 0)},
		{"5d ending on Hemelvaart, resumed on it", "5d", "2d", "3d", []time.Time{ams(2026, 5, 8, 0, 0, 0, 0)},
			ams(2026, 5, 11, 9, 0, 0, 0), ams(2026, 5, 14, 12, 0, 0, 0),
			ams(2026, 5, 14, 0, 0, 0, 0), ams(2026, 5, 19, 0, 0, 0, 0), ams(2026, 5, 16, 0, 0, 0, 0), ams(2026, 5, 16, 0, 0, 0, 0)},
	}
	for _, tt := range tests {
		for _, received := range tt.received {
			t.Run(tt.name+", received "+received.Format("2006-01-02 15:04:05"), func(t *testing.T) {
				h := newHarness(t)
				start := received.Add(time.Hour)
				h.env.SetStartTime(start)
				lead := worker("tl", "teamleider")
				var first CaseView
				var resumed *outcome
				h.at(time.Minute, func() { first = h.view() })
				h.at(tt.suspend.Sub(start), func() {
					h.update(UpdateSuspend, "s", SuspendRequest{Actor: lead, Reason: "wacht op gegevens"})
				})
				h.at(tt.resume.Sub(start), func() { resumed = h.update(UpdateResume, "r", ResumeRequest{Actor: lead}) })
				h.at(tt.after.Sub(start)+time.Hour, func() {
					v := h.view()
					if at := trailAt(t, v, "deadline-passed", "onderzoek-1"); !at.Equal(tt.after) {
						t.Errorf("deadline passed at %v, want %v", at.In(amsterdam), tt.after)
					}
					if at := trailAt(t, v, "notified", "onderzoek-1"); !at.Equal(tt.rungAfter) {
						t.Errorf("reminder at %v, want %v", at.In(amsterdam), tt.rungAfter)
					}
					if at := trailAt(t, v, "norm-passed", "onderzoek-1"); !at.Equal(tt.normAfter) {
						t.Errorf("norm passed at %v, want %v", at.In(amsterdam), tt.normAfter)
					}
					h.stop()
				})
				in := input(def(t, sprintf(termsDef, tt.within, tt.norm, tt.rung)), nil)
				in.Received = received
				h.run(in)
				if d := first.Tasks[0].Deadline; d == nil || !d.Equal(tt.before) {
					t.Errorf("deadline before the suspension = %v, want %v", d, tt.before)
				}
				if !first.Received.Equal(received) || !first.Tasks[0].Received.Equal(received) {
					t.Errorf("received in view %v, in task %v, want %v", first.Received, first.Tasks[0].Received, received)
				}
				if resumed == nil || resumed.err != nil {
					t.Fatalf("resume: %+v", resumed)
				}
				d := resumed.view.Tasks[0].Deadline
				if d == nil || !d.Equal(tt.after) || d.Nanosecond() != 0 {
					t.Errorf("deadline after the resume = %v, want %v", d, tt.after)
				}
			})
		}
	}
}

// opschortingDef has two suspendable tasks at once, for two roles, then a third.
//
//go:embed testdata/definitions/opschorting.yaml
var opschortingDef string

// TestOpschortingEndsWithTheAwaitedTask: completing the last task whose clock was
// stopped ends the opschorting by itself (in the trail), so the next step opens with a
// running clock; the worker who suspended may resume although no open task is theirs
// any more; another worker of the same role may not.
func TestOpschortingEndsWithTheAwaitedTask(t *testing.T) {
	h := newHarness(t)
	w1, w2, j1 := worker("w1", "wijkcoach"), worker("w2", "wijkcoach"), worker("j1", "jeugdconsulent")
	var byOther, bySuspender *outcome
	day := 24 * time.Hour
	h.at(time.Hour, func() {
		h.update(UpdateSuspend, "s1", SuspendRequest{Actor: w1, Reason: "wacht op gegevens"})
	})
	h.at(2*time.Hour, func() {
		h.update(UpdateComplete, "c1", CompleteRequest{Actor: w1, TaskID: "gesprek-1", Data: map[string]any{"verslag": "x"}})
	})
	h.at(3*time.Hour, func() {
		if v := h.view(); !v.Suspended || taskIDs(v) != "jeugd-1" {
			t.Errorf("one stopped clock remains: suspended %v, tasks %s", v.Suspended, taskIDs(v))
		}
		byOther = h.update(UpdateResume, "r1", ResumeRequest{Actor: w2})
		bySuspender = h.update(UpdateResume, "r2", ResumeRequest{Actor: w1})
	})
	h.at(2*day, func() {
		h.update(UpdateSuspend, "s2", SuspendRequest{Actor: j1, Reason: "wacht op school"})
	})
	h.at(3*day, func() {
		h.update(UpdateComplete, "c2", CompleteRequest{Actor: j1, TaskID: "jeugd-1", Data: map[string]any{"verslag": "y"}})
	})
	h.at(3*day+time.Hour, func() {
		v := h.view()
		if v.Suspended || h.sa["WijkSuspended"] != false || taskIDs(v) != "besluit-1" || v.Tasks[0].ClockStopped {
			t.Errorf("after the awaited task: suspended %v, WijkSuspended %v, tasks %s", v.Suspended, h.sa["WijkSuspended"], taskIDs(v))
		}
		// Its length in whole days, as people count it, never a Go duration.
		if d := trailDetail(v, "resumed"); d != "task jeugd-1 completed, suspended 1 day" {
			t.Errorf("resumed detail %q", d)
		}
		// Opened on day 3 (a Thursday) with a running clock: 2w to the end of Thu 19 March.
		if d := v.Tasks[0].Deadline; d == nil || !d.Equal(ams(2026, 3, 20, 0, 0, 0, 0)) {
			t.Errorf("next task's deadline %v", d)
		}
		h.stop()
	})
	h.run(input(def(t, opschortingDef), nil))
	if errType(byOther.err) != ErrForbidden {
		t.Errorf("resume by another wijkcoach: %v, want Forbidden", byOther.err)
	}
	if bySuspender.err != nil || bySuspender.view.Suspended {
		t.Errorf("resume by who suspended: %v", bySuspender.err)
	}
}
