package workflows

import (
	"strconv"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// wait is a wait step: for a duration from now, or until the date in a data field (the
// start of that day in Europe/Amsterdam). A date already past, or missing, goes on at
// once, with a trail entry saying why.
func (c *caseRun) wait(ctx workflow.Context, step *definitions.Step) {
	now := workflow.Now(ctx)
	if step.Event != "" {
		c.eventWait(ctx, step, now)
		return
	}
	var due time.Time
	switch {
	case step.For != nil:
		due = c.due(now, *step.For)
	case step.Until != "":
		d, ok := dateField(c.st.Data[step.Until])
		if !ok {
			c.addTrail(ctx, TrailEntry{Event: EventWaitSkipped, Step: step.ID, Args: args("field", step.Until)})
			c.route(ctx, step)
			return
		}
		due = d
	}
	if !due.After(now) {
		c.addTrail(ctx, TrailEntry{Event: EventWaitPassed, Step: step.ID})
		c.route(ctx, step)
		return
	}
	c.st.Waits = append(c.st.Waits, &Wait{
		ID:   step.ID + "-" + strconv.Itoa(c.st.Seq[step.ID]),
		Step: step.ID,
		Due:  due,
	})
}

// dateField reads a date field's value ("2026-11-25") as 00:00 in Europe/Amsterdam.
func dateField(v any) (time.Time, bool) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, false
	}
	d, err := time.ParseInLocation(time.DateOnly, s, amsterdam)
	if err != nil {
		return time.Time{}, false
	}
	return d, true
}

// waitsDue passes every wait whose time has come. The caller holds the case.
func (c *caseRun) waitsDue(ctx workflow.Context, now time.Time) {
	var keep []*Wait
	for _, w := range c.st.Waits {
		if w.Due.IsZero() || w.Due.After(now) {
			keep = append(keep, w)
			continue
		}
		if w.Event != "" {
			c.eventTimeout(ctx, w)
			continue
		}
		c.addTrail(ctx, TrailEntry{Event: EventWaitPassed, Step: w.Step})
		if step := c.def.Steps.Step(w.Step); step != nil {
			c.route(ctx, step)
		}
	}
	c.st.Waits = keep
}
