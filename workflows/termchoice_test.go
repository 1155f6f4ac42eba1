package workflows

import (
	_ "embed"
	"strings"
	"testing"
	"time"
)

// aanvraagDef: a term counted from a date in a form, chosen by a condition (Wgs art.
// 4a), and a hersteltermijn that stops it (Awb 4:15 lid 1 a) before its task opens.
//
//go:embed testdata/definitions/aanvraag.yaml
var aanvraagDef string

func TestTermFromADateFieldChosenByACondition(t *testing.T) {
	tests := []struct {
		name     string
		crisis   bool
		compleet bool
		want     time.Time
		law      string
		trail    string
	}{
		// Received Friday 27-02: 4w to Fri 27-03; the hersteltermijn ran from Mon 02-03
		// to Sat 07-03, so the 25 days that remained then count from 07-03: Wed 01-04.
		{"4 weken with a hersteltermijn before", false, false, ams(2026, 4, 2, 0, 0, 0, 0), "Wgs art. 4a lid 1", "4w (Wgs art. 4a lid 1), no case applies"},
		// In a crisis: 3 werkdagen after Friday 27-02: 02, 03, 04 March.
		{"3 werkdagen in a crisis", true, true, ams(2026, 3, 5, 0, 0, 0, 0), "Wgs art. 4a lid 2", "3wd (Wgs art. 4a lid 2), when crisis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			w := worker("w1", "wijkcoach")
			var v CaseView
			h.at(time.Hour, func() {
				h.update(UpdateComplete, "a", CompleteRequest{Actor: w, TaskID: "aanvraag-1",
					Data: map[string]any{"ontvangen_op": "2026-02-27", "compleet": tt.compleet}})
			})
			h.at(5*24*time.Hour+time.Hour, func() {
				if !tt.compleet {
					h.update(UpdateComplete, "b", CompleteRequest{Actor: w, TaskID: "aanvullen-1", Data: map[string]any{"aangevuld": true}})
				}
			})
			h.at(5*24*time.Hour+2*time.Hour, func() { v = h.view(); h.stop() })
			h.run(input(def(t, aanvraagDef), map[string]any{"crisis": tt.crisis}))
			if taskIDs(v) != "besluit-1" {
				t.Fatalf("tasks %s, trail %s", taskIDs(v), events(v))
			}
			tk := v.Tasks[0]
			if tk.Deadline == nil || !tk.Deadline.Equal(tt.want) || tk.Law != tt.law {
				t.Errorf("deadline %v (%s), want %v (%s)", tk.Deadline, tk.Law, tt.want, tt.law)
			}
			if d := trailDetail(v, "term-chosen"); d != tt.trail {
				t.Errorf("term-chosen %q, want %q", d, tt.trail)
			}
			if !tt.compleet && trailDetail(v, "clock-stopped") != "" {
				t.Errorf("no clock was open to stop, yet: %s", events(v))
			}
		})
	}
}

// herstelDef: the beslistermijn runs while a hersteltermijn opens beside it.
//
//go:embed testdata/definitions/herstel.yaml
var herstelDef string

// TestHersteltermijnStopsTheBeslistermijn: while the hersteltermijn's task is open the
// beslistermijn stands still (in the trail); when the hersteltermijn passes unused it
// runs again, its rest counted in whole days.
func TestHersteltermijnStopsTheBeslistermijn(t *testing.T) {
	h := newHarness(t)
	day := 24 * time.Hour
	h.at(5*day, func() {
		v := h.view()
		if b := v.Tasks[0]; b.ID != "besluit-1" || !b.ClockStopped || b.ClockStoppedBy != "aanvullen-1" {
			t.Errorf("during the hersteltermijn: %+v", b)
		}
		if d := trailDetail(v, "clock-stopped"); d != "hersteltermijn aanvullen-1 (Awb 4:15 lid 1 a)" {
			t.Errorf("clock-stopped %q", d)
		}
	})
	h.at(8*day+16*time.Hour, func() {
		v := h.view()
		b := v.Tasks[0]
		// Stopped Mon 02-03 with 28 days left; the hersteltermijn passed at the end of
		// Mon 09-03, so 10-03 + 28 days = Tue 07-04.
		if b.ClockStopped || b.Deadline == nil || !b.Deadline.Equal(ams(2026, 4, 8, 0, 0, 0, 0)) {
			t.Errorf("after the hersteltermijn: stopped %v, deadline %v", b.ClockStopped, b.Deadline)
		}
		if d := trailDetail(v, "clock-restarted"); !strings.HasPrefix(d, "hersteltermijn verstreken") {
			t.Errorf("clock-restarted %q", d)
		}
		h.stop()
	})
	h.run(input(def(t, herstelDef), nil))
}
