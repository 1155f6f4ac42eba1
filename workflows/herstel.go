package workflows

import (
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// A hersteltermijn (Awb 4:15 lid 1 a) is a task whose step names, in stops:, the steps
// whose clocks stand still while it is open: the beslistermijn waits while the
// resident supplies what is missing. The stop ends when the task is completed (the
// aanvraag is aangevuld), closed by its ladder, or when its own deadline passes (the
// hersteltermijn verstreek ongebruikt); the stopped clocks then count their rest again
// in whole days (law.Resume). A task of a stopped step that opens later counts
// the stopped days too, when its term started before them (e.g. from: case).

// Stop is an open hersteltermijn: its task, the steps it stops, and since when.
type Stop struct {
	Task  string    `json:"task"`
	Steps []string  `json:"steps"`
	Since time.Time `json:"since"`
}

// StoppedPeriod is a past stop of a step's clock, for tasks of that step opened later.
type StoppedPeriod struct {
	Step string    `json:"step"`
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// maxStoppedPeriods bounds the periods kept; a case has a handful.
const maxStoppedPeriods = 100

// stops are the case's hersteltermijnen: the open ones (CaseState.Stops) and the
// periods they stopped clocks (CaseState.Stopped).
type stops struct{ *caseRun }

// of returns the open stop of a step's clock, or nil.
func (c *stops) of(step string) *Stop {
	for _, s := range c.st.Stops {
		if slices.Contains(s.Steps, step) {
			return s
		}
	}
	return nil
}

// start opens the hersteltermijn of a new task t of step and stops the clocks of
// the open tasks of the steps it names. The caller holds the case.
func (c *stops) start(ctx workflow.Context, step *definitions.Step, t *Task) {
	if len(step.Stops) == 0 {
		return
	}
	now := workflow.Now(ctx)
	c.st.Stops = append(c.st.Stops, &Stop{Task: t.ID, Steps: slices.Clone(step.Stops), Since: now})
	for _, o := range c.st.Tasks {
		if o.ID == t.ID || !slices.Contains(step.Stops, o.Step) || o.StoppedBy != "" {
			continue
		}
		if o.FrozenAt.IsZero() {
			o.FrozenAt = now
		}
		o.StoppedBy = t.ID
		c.addTrail(ctx, TrailEntry{Event: EventClockStopped, Step: o.Step, Task: o.ID, Args: args("task", t.ID)})
	}
}

// join applies the hersteltermijnen to a new task t of step: the days its clock
// already stood still before it opened (stops that ended), and an open stop of its
// step, which stops it from the start of its term or of the stop, whichever is later.
func (c *stops) join(ctx workflow.Context, step *definitions.Step, t *Task) {
	origin := t.Opened
	if step.Deadline != nil {
		origin = c.clocks.origin(step.Deadline.From, t.Opened)
	}
	for _, p := range c.st.Stopped {
		if p.Step != step.ID || !p.To.After(origin) {
			continue
		}
		from := p.From
		if from.Before(origin) {
			from = origin
		}
		for _, a := range t.Alarms {
			c.clocks.resumeAlarm(t, a, from, p.To)
		}
	}
	if s := c.of(step.ID); s != nil {
		since := t.Opened
		if origin.Before(s.Since) {
			since = s.Since
		} else if origin.Before(t.Opened) {
			since = origin
		}
		if t.FrozenAt.IsZero() || since.Before(t.FrozenAt) {
			t.FrozenAt = since
		}
		t.StoppedBy = s.Task
		c.addTrail(ctx, TrailEntry{Event: EventClockStopped, Step: t.Step, Task: t.ID, Args: args("task", s.Task)})
	}
}

// end ends the hersteltermijn of task t, if it is one: the clocks it stopped run
// again (unless opschorting holds them too) and the period is kept for tasks of those
// steps that open later. The caller holds the case.
func (c *stops) end(ctx workflow.Context, t *Task, why words.Code) {
	i := slices.IndexFunc(c.st.Stops, func(s *Stop) bool { return s.Task == t.ID })
	if i < 0 {
		return
	}
	s := c.st.Stops[i]
	c.st.Stops = slices.Delete(c.st.Stops, i, i+1)
	now := workflow.Now(ctx)
	for _, step := range s.Steps {
		c.st.Stopped = append(c.st.Stopped, StoppedPeriod{Step: step, From: s.Since, To: now})
	}
	if n := len(c.st.Stopped) - maxStoppedPeriods; n > 0 {
		c.st.Stopped = slices.Delete(c.st.Stopped, 0, n)
	}
	for _, o := range c.st.Tasks {
		if o.StoppedBy != t.ID {
			continue
		}
		o.StoppedBy = ""
		c.addTrail(ctx, TrailEntry{Event: EventClockRestarted, Step: o.Step, Task: o.ID, Args: args(argSay, say(why), "task", t.ID)})
		if st := c.def.Steps.Step(o.Step); c.st.Suspended && st != nil && st.Suspendable {
			continue // opschorting holds the clock on; resume restarts it
		}
		for _, a := range o.Alarms {
			if !a.Done {
				c.clocks.resumeAlarm(o, a, o.FrozenAt, now)
			}
		}
		sortAlarms(o)
		o.FrozenAt = time.Time{}
	}
}
