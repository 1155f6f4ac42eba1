package workflows

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// Migration of a running case to another version of its definition. The move is one
// Update, so it lands in history (and is replayed) like any other action, and it is
// only made when it is safe:
//
//   - the new version is of the same gemeente and process, its hash matches its
//     content, and the case's team is one of its teams;
//   - every open task's step exists in the new version as a task with the same role,
//     every role the task escalated to still exists, and every form field that both
//     versions have keeps its type; a suspended task's step stays suspendable;
//   - every pending wait, awaited referral and half-arrived join exists there with the
//     same kind.
//
// Clock rule. A task whose step keeps its terms (deadline, norm, escalation ladder) on
// the same calendar keeps its clock exactly as it is, extension and opschorting
// included. Otherwise the clock is recomputed from the new terms, counted from the same
// origin (the task's opening, the case's receipt, or the other step's start), and moved
// on by the time it already stood still (opschorting, Awb 4:15): a d, w or wd term by the
// whole days it stood still, counted as resume counts them (the rest counts again from
// the day after, the Algemene termijnenwet moves the end anew), so it still ends at the
// end of a day in Amsterdam, also across a daylight-saving switch; an s, m or h term by
// exactly the time it stood still (see migrateWholeDays); a rung that already
// fired stays fired and is not repeated; a deadline or norm of the new clock that lies
// in the past counts as passed (a deadline not yet passed under the old clock fires
// right after the move); one that now lies in the future is pending again, and the task
// is no longer overdue. An extended task (verlenging, Awb 4:14) moves only when its
// terms stay, since an extension granted on the old term has no meaning on a new one.

// Names of the migration update and its dry run.
const (
	// UpdateMigrate moves the case to another version (MigrateRequest → CaseView).
	UpdateMigrate = "migrate"
	// QueryMigration says what UpdateMigrate would do, changing nothing
	// (MigrateRequest → MigrationPlan).
	QueryMigration = "migration"
	// AdminRole (functioneel beheerder) may migrate every case of its gemeente; the
	// definition's lead role may migrate the cases of its own teams.
	AdminRole = "beheerder"
	// migrateChange names the GetVersion marker of the migration's behaviour.
	migrateChange = "migrate"
)

// The versions of migrateChange; migrateVersion is the newest, the rule a plan (and
// its dry run) follows.
//
//   - migrateFirst (1): a recomputed clock moves on by the time it stood still as a
//     plain duration; across a daylight-saving switch a day term then ended at 01:00 or
//     23:00.
//   - migrateWholeDays (2): a recomputed d, w or wd term moves on by the whole days it
//     stood still, as resume counts them (Awb 4:15, Atw), so it ends at the end of a
//     day; a fixed (s, m, h) term keeps the plain duration.
const (
	migrateFirst     workflow.Version = 1
	migrateWholeDays workflow.Version = 2
	migrateVersion                    = migrateWholeDays
)

// MigrateRequest asks to move the case to the definition To.
type MigrateRequest struct {
	Actor Actor `json:"actor"`
	// To is the full snapshot of the target version, as the API loaded it.
	To definitions.Definition `json:"to"`
	// Related are the target set's other processes of the gemeente, for referrals.
	Related []definitions.Definition `json:"related,omitempty"`
}

// MigrationPlan is what a migration does, or why it cannot be done.
type MigrationPlan struct {
	CaseID string `json:"caseId"`
	From   string `json:"from"`
	To     string `json:"to"`
	// OK: the move is safe; otherwise Reason says why not.
	OK     bool       `json:"ok"`
	Reason string     `json:"reason,omitempty"`
	Tasks  []TaskMove `json:"tasks"`
}

// TaskMove is what happens to one open task's clock.
type TaskMove struct {
	Task string `json:"task"`
	Step string `json:"step"`
	// Clock is "kept" or "recomputed".
	Clock       string     `json:"clock"`
	Deadline    *time.Time `json:"deadline,omitempty"`
	NewDeadline *time.Time `json:"newDeadline,omitempty"`
	// Overdue after the move.
	Overdue bool `json:"overdue"`

	alarms []*Alarm // the new clock when recomputed
}

// migration moves a running case to another version of its definition: the plan (what
// happens to each open task's clock, or why the move is refused) and the move itself.
type migration struct{ *caseRun }

// registerMigration adds the migration's update and dry-run query. Neither leaves a
// trace in a history that does not use them, so registering them changes no replay.
func (c *handlers) registerMigration(ctx workflow.Context) error {
	if err := workflow.SetQueryHandler(ctx, QueryMigration, func(req MigrateRequest) (MigrationPlan, error) {
		return c.migration.planMigration(req, workflow.Now(ctx), migrateVersion), nil
	}); err != nil {
		return err
	}
	return workflow.SetUpdateHandlerWithOptions(ctx, UpdateMigrate, c.onMigrate,
		workflow.UpdateHandlerOptions{Validator: c.validateMigrate})
}

func (c *handlers) validateMigrate(ctx workflow.Context, req MigrateRequest) error {
	return c.validate(ctx, func() error { _, err := c.checkMigrate(ctx, req); return err })
}

func (c *handlers) onMigrate(ctx workflow.Context, req MigrateRequest) (CaseView, error) {
	return handleFound(c, ctx, "", func() (MigrationPlan, error) { return c.checkMigrate(ctx, req) },
		func(plan MigrationPlan) { c.migration.migrate(ctx, req, plan) })
}

// checkMigrate checks who asks and whether the move is safe.
func (c *guard) checkMigrate(ctx workflow.Context, req MigrateRequest) (MigrationPlan, error) {
	if c.st.Status != StatusOpen {
		return MigrationPlan{}, notOpen(words.Msg(words.RefuseCaseClosed, "case", c.st.CaseID))
	}
	if err := c.mayMigrate(req.Actor); err != nil {
		return MigrationPlan{}, err
	}
	plan := c.migration.planMigration(req, workflow.Now(ctx), migrateVersion)
	if !plan.OK {
		return plan, conflict(words.Msg(words.RefuseUnsafeMigration, "reason", plan.Reason))
	}
	return plan, nil
}

// mayMigrate: a beheerder of the case's gemeente, or the lead in the case's team.
func (c *guard) mayMigrate(a Actor) error {
	if a.Gemeente != "" && a.Gemeente != c.def.Gemeente {
		return forbidden(words.Msg(words.RefuseOtherGemeente))
	}
	if slices.Contains(a.Roles, AdminRole) {
		return nil
	}
	if err := c.inTeam(a); err != nil {
		return err
	}
	if !c.isLead(a) {
		return forbidden(words.Msg(words.RefuseMigrateRole, "admin", AdminRole))
	}
	return nil
}

// planMigration works out the move to req.To at now by the rule of version v of
// migrateChange, changing nothing.
func (c *migration) planMigration(req MigrateRequest, now time.Time, v workflow.Version) MigrationPlan {
	to := req.To
	p := MigrationPlan{CaseID: c.st.CaseID, From: c.def.Version, To: to.Version, Tasks: []TaskMove{}}
	reason := c.migrationBlock(&to)
	if reason == "" {
		reason = missingReferral(&to, c.relatedAfter(req))
	}
	if reason != "" {
		p.Reason = reason
		return p
	}
	next := (&caseRun{def: &to, st: c.st, terms: c.terms}).wire()
	for _, t := range c.st.Tasks {
		m, reason := c.moveTask(next, t, now, v)
		if reason != "" {
			p.Reason = "task " + t.ID + ": " + reason
			p.Tasks = nil
			return p
		}
		p.Tasks = append(p.Tasks, m)
	}
	p.OK = true
	return p
}

// migrationBlock is the reason the case as a whole cannot move to to, or "".
func (c *migration) migrationBlock(to *definitions.Definition) string {
	switch {
	case c.st.Status != StatusOpen:
		return "the case is closed"
	case to.Gemeente != c.def.Gemeente || to.Process != c.def.Process:
		return fmt.Sprintf("version %s is of %s/%s, the case runs %s/%s", to.Version, to.Gemeente, to.Process, c.def.Gemeente, c.def.Process)
	case to.Version == c.def.Version:
		return "the case already runs on version " + to.Version
	case to.Version == "" || to.ComputeVersion() != to.Version:
		return "the target definition does not match its version hash"
	case to.Steps.Step(to.Start) == nil:
		return "the target definition has no start step"
	case !slices.Contains(to.Teams, c.st.Team):
		return "team " + c.st.Team + " is not one of the new version's teams"
	}
	if _, err := conditionsFor(to); err != nil {
		return "the target definition's conditions do not compile: " + err.Error()
	}
	for _, e := range stepKinds {
		if reason := e.run.unmovable(c.caseRun, to); reason != "" {
			return reason
		}
	}
	return ""
}

// relatedAfter is the referral targets the case has after the move: those sent along,
// or else the ones it has.
func (c *migration) relatedAfter(req MigrateRequest) []definitions.Definition {
	if len(req.Related) > 0 {
		return req.Related
	}
	return c.in.Related
}

// missingReferral says which referral of to would find no process to start, or "".
func missingReferral(to *definitions.Definition, related []definitions.Definition) string {
	for _, s := range to.Steps {
		if s.Kind != definitions.KindReferral || s.Process == "" {
			continue
		}
		if !slices.ContainsFunc(related, func(d definitions.Definition) bool { return d.Gemeente == to.Gemeente && d.Process == s.Process }) {
			return fmt.Sprintf("step %q refers to process %q, which was not sent along with the new version", s.ID, s.Process)
		}
	}
	return ""
}

// sameKind says why step id is not a step of kind k in to, or "".
func sameKind(to *definitions.Definition, id string, k definitions.Kind) string {
	s := to.Steps.Step(id)
	switch {
	case s == nil:
		return fmt.Sprintf("step %q is open in the case but not in the new version", id)
	case s.Kind != k:
		return fmt.Sprintf("step %q is a %s in the case but a %s in the new version", id, k, s.Kind)
	}
	return ""
}

// moveTask works out one open task's move to next's definition, or why it cannot move.
func (c *migration) moveTask(next *caseRun, t *Task, now time.Time, v workflow.Version) (TaskMove, string) {
	old := c.def.Steps.Step(t.Step)
	step := next.def.Steps.Step(t.Step)
	if reason := sameKind(next.def, t.Step, definitions.KindTask); reason != "" {
		return TaskMove{}, reason
	}
	if old != nil && old.Role != step.Role {
		return TaskMove{}, fmt.Sprintf("the role changes from %s to %s; the worker on it could no longer act", old.Role, step.Role)
	}
	for _, r := range t.Roles {
		if _, ok := next.def.Roles[r]; !ok {
			return TaskMove{}, "role " + r + " is not a role of the new version"
		}
	}
	if old != nil {
		for _, f := range old.Form {
			if nf := step.Form.Field(f.Name); nf != nil && nf.Type != f.Type {
				return TaskMove{}, fmt.Sprintf("form field %s changes type from %s to %s", f.Name, f.Type, nf.Type)
			}
		}
	}
	if !t.FrozenAt.IsZero() && !step.Suspendable {
		return TaskMove{}, "its clock is suspended but the new step is not suspendable; resume the case first"
	}
	m := TaskMove{Task: t.ID, Step: t.Step, Clock: "kept", Deadline: t.deadline(), Overdue: t.Overdue}
	m.NewDeadline = m.Deadline
	if old != nil && sameTerms(old, step) && c.clocks.calendar() == next.clocks.calendar() {
		return m, ""
	}
	if t.Extended {
		return TaskMove{}, "its deadline was extended (Awb 4:14); it moves only to a version that keeps the step's terms"
	}
	m.Clock = "recomputed"
	m.alarms = c.recomputeClock(next, old, step, t, now, v)
	m.NewDeadline, m.Overdue = nil, false
	for _, a := range m.alarms {
		if a.What == alarmDeadline {
			d := a.Due
			m.NewDeadline = &d
			m.Overdue = !a.Due.After(now)
		}
	}
	return m, ""
}

// sameTerms reports whether two versions of a step have the same clock terms.
func sameTerms(a, b *definitions.Step) bool {
	return reflect.DeepEqual(a.Deadline, b.Deadline) && reflect.DeepEqual(a.Norm, b.Norm) &&
		reflect.DeepEqual(a.Escalate, b.Escalate)
}

// recomputeClock builds the task's clock under the new step's terms (see the clock rule
// above), by the rule of version v of migrateChange. The time the clock already stood
// still is read from the old deadline (or another pending alarm): its distance from
// where the old terms alone would put it.
func (c *migration) recomputeClock(next *caseRun, old, step *definitions.Step, t *Task, now time.Time, v workflow.Version) []*Alarm {
	var stood time.Duration
	days := 0
	if old != nil {
		fresh := c.clocks.alarms(old, t.Opened)
		for _, a := range t.Alarms {
			if f := matching(fresh, a); f != nil {
				stood, days = a.Due.Sub(f.Due), daysStood(a, f)
				if a.What == alarmDeadline {
					break
				}
			}
		}
	}
	out := next.clocks.alarms(step, t.Opened)
	for _, a := range out {
		switch {
		case v < migrateWholeDays: // migrated before: the plain duration, DST hour and all
			a.Due = a.Due.Add(stood)
		case dayTerm(a.Unit):
			if days > 0 {
				a.Due, a.Nominal = postpone(next.clocks.calendar(), a, t.Opened, days)
			}
		default: // a fixed term (s, m, h) moves by exactly the time it stood still
			a.Due = a.Due.Add(stood)
		}
		prev := matching(t.Alarms, a)
		switch a.What {
		case alarmRung:
			a.Done = prev != nil && prev.Done
		default:
			a.Done = prev != nil && prev.Done && !a.Due.After(now)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// dayTerm reports whether a term of unit u ends at the end of a day (d, w, wd).
func dayTerm(u law.Unit) bool {
	return u == law.Day || u == law.Week || u == law.WorkingDay
}

// daysStood is the whole days (Amsterdam) that alarm a of the running clock lies beyond
// f, where the same terms alone would put it: the days its clock stood still. For a d
// or w term it compares the ends before the Atw moved them (Alarm.Nominal), so the Atw
// shift of the old end does not count as standing still; otherwise the ends themselves.
func daysStood(a, f *Alarm) int {
	from, to := f.Due, a.Due
	if !a.Nominal.IsZero() && !f.Nominal.IsZero() {
		from, to = f.Nominal, a.Nominal
	}
	x, y := from.In(amsterdam), to.In(amsterdam)
	dx := time.Date(x.Year(), x.Month(), x.Day(), 12, 0, 0, 0, time.UTC)
	dy := time.Date(y.Year(), y.Month(), y.Day(), 12, 0, 0, 0, time.UTC)
	return int(dy.Sub(dx).Hours() / 24)
}

// postpone moves a day term's alarm on by days whole days of opschorting by the rule of
// resume (Awb 4:15, law.ResumeNominal): as if the clock stood still from the
// day the task opened until days later, so the rest of the term counts again from then,
// ends at the end of a day in Amsterdam, and the Algemene termijnenwet moves that end
// anew (art. 1 and 2). It returns the new end and nominal end. The days are placed at
// the task's opening because the case keeps no list of each task's suspensions: for a d
// or w term that gives the same last day as the real ones would (only Atw art. 2 can
// differ), for a wd term the working days among them can differ by a weekend.
func postpone(calendar string, a *Alarm, opened time.Time, days int) (time.Time, time.Time) {
	from := opened.In(amsterdam)
	until := time.Date(from.Year(), from.Month(), from.Day()+days, 12, 0, 0, 0, amsterdam)
	return law.ResumeNominal(calendar, a.Unit, a.Due, a.Nominal, from, until)
}

// matching finds the alarm of the same kind (and rung) in as.
func matching(as []*Alarm, a *Alarm) *Alarm {
	for _, x := range as {
		if x.What == a.What && x.Rung == a.Rung {
			return x
		}
	}
	return nil
}

// migrate moves the case: the snapshot, the compiled conditions and the clocks of the
// open tasks. The caller holds the case; continue-as-new carries c.in, so later runs
// start on the new version too.
func (c *migration) migrate(ctx workflow.Context, req MigrateRequest, plan MigrationPlan) {
	if v := workflow.GetVersion(ctx, migrateChange, workflow.DefaultVersion, migrateVersion); v < migrateVersion {
		plan = c.planMigration(req, workflow.Now(ctx), v) // a move recorded under an older rule
	}
	// The snapshots the case moves to are shared like those of its input (snapshot.go),
	// so a migrated case holds no decoded copy of its own.
	to := *shared(&req.To)
	cond, err := conditionsFor(&to)
	if err != nil { // checked in the plan; a compile cannot fail the second time
		return
	}
	from := c.def.Version
	c.in.Definition = to
	c.in.Related = c.relatedAfter(req)
	shareAll(c.in.Related)
	c.def, c.cond = &to, cond
	var kept, recomputed []string
	for _, m := range plan.Tasks {
		t := c.st.task(m.Task)
		if t == nil {
			continue
		}
		if m.Clock == "kept" {
			kept = append(kept, t.ID)
			continue
		}
		recomputed = append(recomputed, t.ID)
		t.Alarms = m.alarms
		t.Overdue = m.Overdue
	}
	a := args("from", shortVersion(from), "to", shortVersion(to.Version))
	switch {
	case len(recomputed) > 0 && len(kept) > 0:
		a[argSay], a["recomputed"], a["kept"] = say(words.MigratedRecomputedKept), strings.Join(recomputed, ","), strings.Join(kept, ",")
	case len(recomputed) > 0:
		a[argSay], a["recomputed"] = say(words.MigratedRecomputed), strings.Join(recomputed, ",")
	case len(kept) > 0:
		a[argSay], a["kept"] = say(words.MigratedKept), strings.Join(kept, ",")
	}
	c.addTrail(ctx, TrailEntry{Event: EventMigrated, Actor: req.Actor.UserID, Args: a})
	c.log(ctx, "", "").Info("case migrated", "from", from, "to", to.Version)
}
