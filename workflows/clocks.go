package workflows

import (
	"sort"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// amsterdam is the zone of dates in the data and of terms: the rule built into
// definitions, so a replay on any host computes the same instants.
var amsterdam = law.Amsterdam()

// clocks are the open tasks' clocks: deadline, norm and escalation rungs (Alarm), how
// terms are chosen and counted (termchoice.go, terms.go), and how they stand still
// (opschorting, Awb 4:15) and move on (verlenging, Awb 4:14).
type clocks struct{ *caseRun }

// calendar is the definition's calendar, "nl" when unset.
func (c *clocks) calendar() string {
	if c.def.Calendar == "" {
		return "nl"
	}
	return c.def.Calendar
}

// origin is where a clock counts from: the step's start (""/"step"), the case's
// receipt ("case"), the last start of another step (the step's own start if that
// step was never entered), the end of a wait step's term ("bezwaartermijn.end", see
// waitEnd), or the date in a date field (the step's start while the field holds no
// date; taskList.open notes that in the trail).
func (c *clocks) origin(from string, stepStart time.Time) time.Time {
	switch from {
	case "", "step":
		return stepStart
	case "case":
		return c.st.Received
	}
	if w := c.def.EndOf(from); w != nil {
		return c.waitEnd(w, stepStart)
	}
	if t, ok := c.st.Entered[from]; ok {
		return t
	}
	if c.def.Steps.Step(from) == nil {
		if d, ok := dateField(c.st.Data[from]); ok {
			return d // a date field: the event is that day, the term starts the day after
		}
	}
	return stepStart
}

// alarms computes a new task's clock: deadline, norm and escalation rungs. Rungs count
// from the deadline's origin, or from the step's start when there is no deadline.
func (c *clocks) alarms(step *definitions.Step, now time.Time) []*Alarm {
	var out []*Alarm
	rungOrigin := now
	if d := step.Deadline; d != nil {
		rungOrigin = c.origin(d.From, now)
		within := c.chooseTerm(d).within
		out = append(out, c.alarm(alarmDeadline, 0, rungOrigin, within))
	}
	if n := step.Norm; n != nil {
		out = append(out, c.alarm(alarmNorm, 0, c.origin(n.From, now), c.chooseTerm(n).within))
	}
	for i, r := range step.Escalate {
		out = append(out, c.alarm(alarmRung, i, rungOrigin, r.After))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// alarm is one moment of a clock: a term of d from origin, with its unit and, for d
// and w terms, its end before the Atw moved it.
func (c *clocks) alarm(what string, rung int, origin time.Time, d law.Duration) *Alarm {
	a := &Alarm{What: what, Rung: rung, Due: c.due(origin, d), Unit: d.Unit}
	if c.terms >= termsNominal && (d.Unit == law.Day || d.Unit == law.Week) {
		a.Nominal = law.Nominal(c.calendar(), origin, d)
	}
	return a
}

// earliest is the earliest pending alarm of an open task; on a tie the first one found
// wins. Clocks stopped by opschorting or a hersteltermijn do not count.
func (c *clocks) earliest() moment {
	var m moment
	for _, t := range c.st.Tasks {
		if !t.FrozenAt.IsZero() {
			continue
		}
		for _, a := range t.Alarms {
			if !a.Done && (!m.ok || a.Due.Before(m.due)) {
				m = moment{due: a.Due, ok: true, name: func() string { return c.alarmSummary(t, a) }}
			}
		}
	}
	return m
}

// alarmSummary names an alarm for the timeline, e.g. "deadline keukentafelgesprek,
// Wmo 2015 art. 2.3.2". Step ids and the law only: never data.
func (c *clocks) alarmSummary(t *Task, a *Alarm) string {
	step := c.def.Steps.Step(t.Step)
	switch a.What {
	case alarmDeadline:
		s := "deadline " + t.Step
		if law := c.lawOf(t); law != "" {
			s += ", " + law
		}
		return s
	case alarmNorm:
		return "norm " + t.Step
	}
	return "escalatie " + t.Step + " (" + rungWords(step, a.Rung) + ")"
}

// rungWords describes a rung: "herinnering", "naar teamleider", "vastgelopen", "naar stap x".
func rungWords(step *definitions.Step, i int) string {
	if step == nil || i >= len(step.Escalate) {
		return "?"
	}
	r := step.Escalate[i]
	var parts []string
	if r.Remind != "" {
		parts = append(parts, "herinnering "+r.Remind)
	}
	if r.To != "" {
		parts = append(parts, "naar "+r.To)
	}
	if r.Stalled {
		parts = append(parts, "vastgelopen")
	}
	if r.Goto != "" {
		parts = append(parts, "door naar "+r.Goto)
	}
	return strings.Join(parts, ", ")
}

// fireDue handles every alarm of an open task whose time has come. The caller holds the
// case.
func (c *clocks) fireDue(ctx workflow.Context, now time.Time) {
	for _, t := range append([]*Task(nil), c.st.Tasks...) {
		if !t.FrozenAt.IsZero() {
			continue
		}
		for _, a := range t.Alarms {
			if a.Done || a.Due.After(now) || c.st.task(t.ID) == nil {
				continue
			}
			a.Done = true
			c.fire(ctx, t, a)
		}
	}
}

// fire handles one alarm of a task.
func (c *clocks) fire(ctx workflow.Context, t *Task, a *Alarm) {
	step := c.def.Steps.Step(t.Step)
	switch a.What {
	case alarmDeadline:
		t.Overdue = true
		c.addTrail(ctx, TrailEntry{Event: EventDeadlinePassed, Step: t.Step, Task: t.ID, Args: lawArgs(c.lawOf(t))})
		c.stops.end(ctx, t, words.RestartExpired)
		c.log(ctx, t.Step, t.ID).Info("deadline passed")
	case alarmNorm:
		c.addTrail(ctx, TrailEntry{Event: EventNormPassed, Step: t.Step, Task: t.ID})
	case alarmRung:
		if step != nil && a.Rung < len(step.Escalate) {
			c.climb(ctx, t, step, step.Escalate[a.Rung])
		}
	}
}

// climb applies one rung of the escalation ladder: remind, escalate to a role, mark
// stalled, route elsewhere — in that order, as a rung may do several.
func (c *clocks) climb(ctx workflow.Context, t *Task, step *definitions.Step, r definitions.Rung) {
	if r.Remind != "" {
		in := activities.NotifyInput{Step: t.Step, TaskID: t.ID, Kind: "remind", To: r.Remind}
		if r.Remind == "assignee" {
			in.Assignee = t.Assignee
			if t.Assignee == "" { // nobody claimed it: remind whoever may pick it up
				in.To = step.Role
			}
		}
		c.notes.notify(ctx, in, "herinnering "+t.ID+" aan "+in.To)
	}
	if r.To != "" {
		if !t.hasRole([]string{r.To}) {
			t.Roles = append(t.Roles, r.To)
		}
		t.Level++
		if t.Level > c.st.Escalation {
			c.st.Escalation = t.Level
		}
		c.addTrail(ctx, TrailEntry{Event: EventEscalated, Step: t.Step, Task: t.ID, Args: args("role", r.To)})
		c.notes.notify(ctx, activities.NotifyInput{Step: t.Step, TaskID: t.ID, Kind: "escalate", To: r.To}, "escalatie "+t.ID+" naar "+r.To)
	}
	if r.Stalled {
		t.Stalled = true
		c.addTrail(ctx, TrailEntry{Event: EventStalled, Step: t.Step, Task: t.ID})
	}
	if r.Goto != "" && c.st.task(t.ID) != nil {
		c.tasks.close(t.ID)
		c.addTrail(ctx, TrailEntry{Event: EventTaskClosed, Step: t.Step, Task: t.ID, Args: args("goto", r.Goto)})
		c.stops.end(ctx, t, words.RestartEscalated)
		c.queue = append(c.queue, arrival{Step: r.Goto, From: t.Step})
	}
}

// suspend stops the clocks of every open suspendable task (opschorting, Awb 4:15).
func (c *clocks) suspend(ctx workflow.Context, actor, reason string) {
	now := workflow.Now(ctx)
	c.st.Suspended, c.st.SuspendedSince, c.st.SuspendReason, c.st.SuspendedBy = true, now, reason, actor
	for _, t := range c.st.Tasks {
		if s := c.def.Steps.Step(t.Step); s != nil && s.Suspendable && t.FrozenAt.IsZero() {
			t.FrozenAt = now
		}
	}
	c.addTrail(ctx, TrailEntry{Event: EventSuspended, Actor: actor, Detail: reason})
}

// resume restarts the stopped clocks: the rest of every pending term of a stopped task
// counts again from the day after the resume (Awb 4:15; cases before version termsAwb
// move by exactly the time the clock stood still). why, when set, is the awaited task
// whose completion ended the opschorting rather than a resume request.
func (c *clocks) resume(ctx workflow.Context, actor, why string) {
	now := workflow.Now(ctx)
	for _, t := range c.st.Tasks {
		if t.FrozenAt.IsZero() || t.StoppedBy != "" { // a hersteltermijn holds it still
			continue
		}
		shift := now.Sub(t.FrozenAt)
		for _, a := range t.Alarms {
			switch {
			case a.Done:
			case c.terms >= termsAwb:
				c.resumeAlarm(t, a, t.FrozenAt, now)
			default: // cases started before: exactly the time the clock stood still
				a.Due = a.Due.Add(shift)
			}
		}
		sortAlarms(t)
		t.FrozenAt = time.Time{}
	}
	a := args("suspended", days(c.st.SuspendedSince, now))
	if why != "" {
		a[argSay], a["task"] = say(words.ResumedTaskDone), why
	}
	c.addTrail(ctx, TrailEntry{Event: EventResumed, Actor: actor, Args: a})
	c.st.Suspended, c.st.SuspendedSince, c.st.SuspendReason, c.st.SuspendedBy = false, time.Time{}, "", ""
}

// extend moves a task's deadline to newDue (verlenging, Awb 4:14); the rungs not yet
// fired move along, so "remind a week before the deadline" stays a week before it.
func (c *clocks) extend(ctx workflow.Context, t *Task, actor string, by law.Duration, reason string, newDue time.Time) {
	d := t.alarm(alarmDeadline)
	shift := newDue.Sub(d.Due)
	d.Due, d.Nominal = newDue, time.Time{} // a rest after opschorting counts from the new end
	if _, fixed := by.Fixed(); !fixed {
		d.Unit = by.Unit // the deadline now ends at the end of a day
	}
	for _, a := range t.Alarms {
		if a.What == alarmRung && !a.Done {
			a.Due, a.Nominal = a.Due.Add(shift), time.Time{}
		}
	}
	sort.SliceStable(t.Alarms, func(i, j int) bool { return t.Alarms[i].Due.Before(t.Alarms[j].Due) })
	t.Extended = true
	c.addTrail(ctx, TrailEntry{Event: EventExtended, Step: t.Step, Task: t.ID, Actor: actor, Args: args("by", by.String()), Detail: reason})
}

// sortAlarms keeps a task's alarms in the order they fire.
func sortAlarms(t *Task) {
	sort.SliceStable(t.Alarms, func(i, j int) bool { return t.Alarms[i].Due.Before(t.Alarms[j].Due) })
}

// waitEnd is the last moment of the term of wait step w as it was last entered (the
// bezwaartermijn, Awb 6:7 and 6:8), whether its event came first or not: a term
// counted from it starts the day after its last day (Awb 7:10 lid 1). Before w was
// entered it is stepStart. No GetVersion: a from: naming a step's end was refused by
// the validator before this, so no recorded case reaches it.
func (c *clocks) waitEnd(w *definitions.Step, stepStart time.Time) time.Time {
	entered, ok := c.st.Entered[w.ID]
	if !ok {
		return stepStart
	}
	return c.due(entered, *w.For).Add(-time.Nanosecond)
}
