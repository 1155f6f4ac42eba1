package workflows

import (
	_ "embed"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
)

// migrateV1 is the version a case starts on; the variants below change one thing each.
//
//go:embed testdata/definitions/migrate-v1.yaml
var migrateV1 string

// migrateVariant returns migrateV1 with old replaced by new.
func migrateVariant(t *testing.T, old, new string) definitions.Definition {
	t.Helper()
	if !strings.Contains(migrateV1, old) {
		t.Fatalf("variant: %q not in migrateV1", old)
	}
	return def(t, strings.Replace(migrateV1, old, new, 1))
}

var lead = Actor{UserID: "tl1", Gemeente: "testgem", Teams: []string{"noord"}, Roles: []string{"teamleider"}}

func TestMigrateRecomputesTheClockAndRunsOnTheNewVersion(t *testing.T) {
	v1 := def(t, migrateV1)
	// Three weeks instead of two, and a new field with its own route.
	v2 := migrateVariant(t, `    deadline: 2w
    suspendable: true
    escalate:
      - {after: 1d, remind: assignee}
    form:
      verslag: {type: text, required: true}
    next: [{goto: klaar}]`, `    deadline: 3w
    suspendable: true
    escalate:
      - {after: 1d, remind: assignee}
    form:
      verslag: {type: text, required: true}
      doorverwijzen: {type: bool, required: true}
    next:
      - {when: doorverwijzen, goto: verwezen}
      - goto: klaar
  verwezen: {kind: end, result: verwezen}`)
	h := newHarness(t)
	var moved, done *outcome
	var plan MigrationPlan
	h.at(2*24*time.Hour, func() { // after the reminder fired, before the deadline
		plan = query[MigrationPlan](h, QueryMigration, MigrateRequest{Actor: lead, To: v2})
		moved = h.update(UpdateMigrate, "m1", MigrateRequest{Actor: lead, To: v2})
	})
	h.at(3*24*time.Hour, func() {
		if v := h.view(); v.DefinitionVersion != v2.Version {
			t.Errorf("version after the move = %s, want %s", v.DefinitionVersion, v2.Version)
		}
		done = h.update(UpdateComplete, "c1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "gesprek-1",
			Data: map[string]any{"verslag": "x", "doorverwijzen": true}})
	})
	h.run(input(v1, nil))
	if r := h.result(); r.Result != "verwezen" {
		t.Fatalf("result = %+v, want verwezen (a route only the new version has)", r)
	}
	if moved.err != nil || done.err != nil {
		t.Fatalf("migrate: %v, complete: %v", moved.err, done.err)
	}
	want := time.Date(2026, 3, 24, 0, 0, 0, 0, amsterdam) // 3w: the end of the day three weeks on
	if !plan.OK || len(plan.Tasks) != 1 || plan.Tasks[0].Clock != "recomputed" || !plan.Tasks[0].NewDeadline.Equal(want) ||
		!plan.Tasks[0].Deadline.Equal(time.Date(2026, 3, 17, 0, 0, 0, 0, amsterdam)) {
		t.Fatalf("plan = %+v", plan)
	}
	tv := moved.view.Tasks[0]
	if !tv.Deadline.Equal(want) {
		t.Errorf("deadline after the move = %v, want %v (3w from the task's opening, as the new term says)", tv.Deadline, want)
	}
	if d := trailDetail(moved.view, "migrated"); !strings.Contains(d, shortVersion(v1.Version)+" → "+shortVersion(v2.Version)) ||
		!strings.Contains(d, "clock recomputed: gesprek-1") {
		t.Errorf("trail detail = %q", d)
	}
	if h.sa["WijkDefinitionVersion"] != v2.Version {
		t.Errorf("search attribute WijkDefinitionVersion = %v, want %s", h.sa["WijkDefinitionVersion"], v2.Version)
	}
	if n := len(h.notes); n != 1 {
		t.Errorf("%d reminders, want 1: a rung that fired before the move is not repeated", n)
	}
}

func TestMigrateKeepsTheClockWhenTheTermsStay(t *testing.T) {
	v1 := def(t, migrateV1)
	v2 := migrateVariant(t, "title: Gesprek", "title: Keukentafelgesprek")
	moved, before := migrateAfterOpschorting(t, v1, v2)
	tv := moved.view.Tasks[0]
	if !tv.Deadline.Equal(before) || tv.Title != "Keukentafelgesprek" {
		t.Errorf("task after the move: deadline %v (want %v, as before the move), title %q", tv.Deadline, before, tv.Title)
	}
	if d := trailDetail(moved.view, "migrated"); !strings.Contains(d, "clock kept: gesprek-1") {
		t.Errorf("trail detail = %q", d)
	}
}

func TestMigrateRecomputedClockKeepsTheTimeItStoodStill(t *testing.T) {
	v1 := def(t, migrateV1)
	v2 := migrateVariant(t, "deadline: 2w", "deadline: 3w")
	moved, before := migrateAfterOpschorting(t, v1, v2)
	// The new term from the task's opening, moved on as far as opschorting moved the old.
	stood := before.Sub(time.Date(2026, 3, 17, 0, 0, 0, 0, amsterdam))
	want := time.Date(2026, 3, 24, 0, 0, 0, 0, amsterdam).Add(stood)
	if got := moved.view.Tasks[0].Deadline; !got.Equal(want) {
		t.Errorf("deadline after the move = %v, want %v", got, want)
	}
}

// migrateAfterOpschorting runs a case on v1 whose clock stands still for two days
// (opschorting), migrates it to v2, and returns the answer and the deadline before.
func migrateAfterOpschorting(t *testing.T, v1, v2 definitions.Definition) (*outcome, time.Time) {
	t.Helper()
	h := newHarness(t)
	var moved *outcome
	var before time.Time
	h.at(time.Hour, func() { h.update(UpdateSuspend, "s1", SuspendRequest{Actor: lead, Reason: "wacht op stukken"}) })
	h.at(49*time.Hour, func() { h.update(UpdateResume, "r1", ResumeRequest{Actor: lead}) })
	h.at(50*time.Hour, func() {
		before = *h.view().Tasks[0].Deadline
		moved = h.update(UpdateMigrate, "m1", MigrateRequest{Actor: lead, To: v2})
	})
	h.at(51*time.Hour, func() { h.stop() })
	h.run(input(v1, nil))
	if moved == nil || moved.err != nil {
		t.Fatalf("migrate: %+v", moved)
	}
	if before.Equal(time.Date(2026, 3, 17, 0, 0, 0, 0, amsterdam)) {
		t.Fatal("opschorting did not move the deadline; the test would prove nothing")
	}
	return moved, before
}

func TestMigrateRefusals(t *testing.T) {
	v1 := def(t, migrateV1)
	other := def(t, strings.Replace(migrateV1, "process: basis", "process: anders", 1))
	tampered := migrateVariant(t, "title: Gesprek", "title: Ander")
	tampered.Title = "niet wat de hash zegt"
	extendV1 := strings.Replace(migrateV1, "    deadline: 2w\n", "    deadline: 2w\n    extendable: 1w\n", 1)
	for _, tc := range []struct {
		name     string
		start    string // definition source, default migrateV1
		to       definitions.Definition
		actor    Actor
		before   func(h *harness)
		wantType string
		wantMsg  string
	}{
		{name: "role changes", to: migrateVariant(t, "    role: wijkcoach\n    deadline", "    role: teamleider\n    deadline"),
			wantType: ErrConflict, wantMsg: "task gesprek-1: the role changes from wijkcoach to teamleider"},
		{name: "open step gone", to: migrateVariant(t, "start: gesprek\nsteps:\n  gesprek:", "start: intake\nsteps:\n  intake:"),
			wantType: ErrConflict, wantMsg: `task gesprek-1: step "gesprek" is open in the case but not in the new version`},
		{name: "field changes type", to: migrateVariant(t, "verslag: {type: text, required: true}", "verslag: {type: bool, required: true}"),
			wantType: ErrConflict, wantMsg: "task gesprek-1: form field verslag changes type from text to bool"},
		{name: "referral without its process", to: migrateVariant(t, "    next: [{goto: klaar}]\n  klaar:",
			"    next: [{goto: verwijzing}]\n  verwijzing: {kind: referral, process: jeugdhulp, next: [{goto: klaar}]}\n  klaar:"),
			wantType: ErrConflict, wantMsg: `step "verwijzing" refers to process "jeugdhulp", which was not sent along with the new version`},
		{name: "other process", to: other, wantType: ErrConflict, wantMsg: "is of testgem/anders, the case runs testgem/basis"},
		{name: "same version", to: v1, wantType: ErrConflict, wantMsg: "the case already runs on version"},
		{name: "hash does not match", to: tampered, wantType: ErrConflict, wantMsg: "does not match its version hash"},
		{name: "not the lead", to: migrateVariant(t, "title: Gesprek", "title: X"), actor: worker("w1", "wijkcoach"),
			wantType: ErrForbidden, wantMsg: "only a beheerder or the lead may migrate a case"},
		{name: "extended task with new terms", start: extendV1,
			to: def(t, strings.Replace(extendV1, "deadline: 2w", "deadline: 3w", 1)),
			before: func(h *harness) {
				h.update(UpdateExtend, "e1", ExtendRequest{Actor: lead, TaskID: "gesprek-1", Reason: "complex", By: "1w"})
			},
			wantType: ErrConflict, wantMsg: "its deadline was extended (Awb 4:14)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			start := v1
			if tc.start != "" {
				start = def(t, tc.start)
			}
			actor := tc.actor
			if actor.UserID == "" {
				actor = lead
			}
			var got *outcome
			var before CaseView
			if tc.before != nil {
				h.at(30*time.Minute, func() { tc.before(h) })
			}
			h.at(time.Hour, func() {
				before = h.view()
				got = h.update(UpdateMigrate, "m1", MigrateRequest{Actor: actor, To: tc.to})
			})
			h.at(2*time.Hour, func() {
				after := h.view()
				if after.DefinitionVersion != start.Version || len(after.Trail) != len(before.Trail) {
					t.Errorf("a refused migration changed the case: version %s, trail %s", after.DefinitionVersion, events(after))
				}
				h.stop()
			})
			h.run(input(start, nil))
			if got == nil || got.err == nil {
				t.Fatal("migration accepted, want refused")
			}
			if errType(got.err) != tc.wantType || !strings.Contains(got.err.Error(), tc.wantMsg) {
				t.Errorf("error = %v (%s), want %s containing %q", got.err, errType(got.err), tc.wantType, tc.wantMsg)
			}
		})
	}
}

func TestMigratedCaseContinuesAsNewOnTheNewVersion(t *testing.T) {
	v1 := def(t, migrateV1)
	v2 := migrateVariant(t, "title: Gesprek", "title: Nieuw")
	h := newHarness(t)
	h.at(time.Hour, func() { h.update(UpdateMigrate, "m1", MigrateRequest{Actor: lead, To: v2}) })
	h.at(2*time.Hour, func() { h.env.SetContinueAsNewSuggested(true) })
	h.run(input(v1, nil))
	next := continuedInput(t, h.env.GetWorkflowError())
	if next.Definition.Version != v2.Version || next.Carried == nil {
		t.Fatalf("continued on %s, want %s", next.Definition.Version, v2.Version)
	}
}

// TestBeheerderMigratesAnyTeam: a beheerder of the gemeente may move a case of a team
// they are not in; of another gemeente, not.
func TestBeheerderMigratesAnyTeam(t *testing.T) {
	v1 := def(t, migrateV1)
	v2 := migrateVariant(t, "title: Gesprek", "title: Nieuw")
	beheerder := Actor{UserID: "fb1", Gemeente: "testgem", Teams: []string{"zuid"}, Roles: []string{AdminRole}}
	elsewhere := beheerder
	elsewhere.Gemeente = "anders"
	h := newHarness(t)
	var refused, moved *outcome
	h.at(time.Hour, func() { refused = h.update(UpdateMigrate, "m0", MigrateRequest{Actor: elsewhere, To: v2}) })
	h.at(2*time.Hour, func() { moved = h.update(UpdateMigrate, "m1", MigrateRequest{Actor: beheerder, To: v2}) })
	h.at(3*time.Hour, func() { h.stop() })
	h.run(input(v1, nil))
	if refused == nil || errType(refused.err) != ErrForbidden {
		t.Errorf("a beheerder of another gemeente: %+v", refused)
	}
	if moved == nil || moved.err != nil || moved.view.DefinitionVersion != v2.Version {
		t.Errorf("a beheerder of the gemeente: %+v", moved)
	}
}

// TestMigrateRecomputedClockCountsWholeDaysAcrossDST: the clock stood still from a
// Wednesday to the Monday after, over the switch to summer time (last Sunday of March)
// or back to winter time (last Sunday of October). The recomputed day term moves on by
// those five whole days (Awb 4:15), not by the 119 or 121 hours between the old ends,
// and still ends at the end of a day in Amsterdam, the Atw shift included. An hour term
// moves on by exactly the time it stood still.
func TestMigrateRecomputedClockCountsWholeDaysAcrossDST(t *testing.T) {
	day := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, amsterdam) }
	for _, tc := range []struct {
		name string
		// opened is a Monday; the clock stands still from Wednesday 10:00 to Monday 10:00.
		opened, suspend, resume time.Time
		to                      string // the new deadline
		// fresh is where the old 3d term alone ends, before the old deadline after the
		// resume (one day was left: it ends with the Tuesday after the resume).
		fresh, before time.Time
		want          func(stood time.Duration) time.Time
	}{
		{name: "summer time, 3w", opened: day(3, 23, 9), suspend: day(3, 25, 10), resume: day(3, 30, 10), to: "3w",
			fresh: day(3, 27, 0), before: day(4, 1, 0),
			// 3w ends with Monday 13 April; five days on is Saturday 18 April, which the Atw
			// (art. 1) moves to Monday 20 April. 119 hours would give Saturday 23:00.
			want: func(time.Duration) time.Time { return day(4, 21, 0) }},
		{name: "winter time, 3w", opened: day(10, 19, 9), suspend: day(10, 21, 10), resume: day(10, 26, 10), to: "3w",
			fresh: day(10, 23, 0), before: day(10, 28, 0),
			// 3w ends with Monday 9 November; five days on is Saturday 14 November, moved to
			// Monday 16 November. 121 hours would give Sunday 15 November 01:00.
			want: func(time.Duration) time.Time { return day(11, 17, 0) }},
		{name: "winter time, 10wd", opened: day(10, 19, 9), suspend: day(10, 21, 10), resume: day(10, 26, 10), to: "10wd",
			fresh: day(10, 23, 0), before: day(10, 28, 0),
			// 10wd ends with Monday 2 November; counted again as if it stood still five
			// days from the opening: ten working days after Saturday 24 October.
			want: func(time.Duration) time.Time { return day(11, 7, 0) }},
		{name: "summer time, 100h", opened: day(3, 23, 9), suspend: day(3, 25, 10), resume: day(3, 30, 10), to: "100h",
			fresh: day(3, 27, 0), before: day(4, 1, 0),
			want: func(stood time.Duration) time.Time { return day(3, 23, 9).Add(100*time.Hour + stood) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v1 := migrateVariant(t, "deadline: 2w", "deadline: 3d")
			v2 := migrateVariant(t, "deadline: 2w", "deadline: "+tc.to)
			h := newHarness(t)
			h.env.SetStartTime(tc.opened)
			var plan MigrationPlan
			var before time.Time
			var moved *outcome
			h.at(tc.suspend.Sub(tc.opened), func() {
				h.update(UpdateSuspend, "s1", SuspendRequest{Actor: lead, Reason: "wacht op stukken"})
			})
			h.at(tc.resume.Sub(tc.opened), func() { h.update(UpdateResume, "r1", ResumeRequest{Actor: lead}) })
			h.at(tc.resume.Sub(tc.opened)+time.Hour, func() {
				before = *h.view().Tasks[0].Deadline
				plan = query[MigrationPlan](h, QueryMigration, MigrateRequest{Actor: lead, To: v2})
				moved = h.update(UpdateMigrate, "m1", MigrateRequest{Actor: lead, To: v2})
			})
			h.at(tc.resume.Sub(tc.opened)+2*time.Hour, func() { h.stop() })
			h.run(input(v1, nil))
			if moved == nil || moved.err != nil {
				t.Fatalf("migrate: %+v", moved)
			}
			if !before.Equal(tc.before) {
				t.Fatalf("deadline before the move = %v, want %v", before, tc.before)
			}
			want := tc.want(tc.before.Sub(tc.fresh))
			if got := moved.view.Tasks[0].Deadline; got == nil || !got.Equal(want) {
				t.Errorf("deadline after the move = %v, want %v", got, want)
			}
			if len(plan.Tasks) != 1 || plan.Tasks[0].NewDeadline == nil || !plan.Tasks[0].NewDeadline.Equal(want) {
				t.Errorf("dry run = %+v, want new deadline %v", plan, want)
			}
			if d := trailDetail(moved.view, "migrated"); !strings.Contains(d, "clock recomputed: gesprek-1") {
				t.Errorf("trail detail = %q", d)
			}
		})
	}
}
