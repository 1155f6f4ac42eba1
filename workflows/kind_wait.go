package workflows

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
)

// waitKind is a wait step: for a duration from now, or until the date in a data field
// (the start of that day in Europe/Amsterdam), or for an event from outside, with or
// without a timeout (events.go). A date already past, or missing, goes on at once, with
// a trail entry saying why. A pending wait is a Wait in CaseState.Waits; its end wakes
// the case.
type waitKind struct{}

func (waitKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	now := workflow.Now(ctx)
	if step.Event != "" {
		c.waits.forEvent(ctx, step, now)
		return
	}
	due, dated := c.waits.end(step, now)
	if !dated {
		c.addTrail(ctx, TrailEntry{Event: EventWaitSkipped, Step: step.ID, Args: args("field", step.Until)})
		c.route(ctx, step)
		return
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

// end is when a wait entered at now ends: after its for, or at the date in its until
// field; zero when it has neither (an event wait without a timeout). dated is false
// when the until field holds no date.
func (c *waits) end(step *definitions.Step, now time.Time) (due time.Time, dated bool) {
	switch {
	case step.For != nil:
		return c.clocks.due(now, *step.For), true
	case step.Until != "":
		return dateField(c.st.Data[step.Until])
	}
	return time.Time{}, true
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

func (waitKind) holds(c *caseRun) []string {
	return stepsOf(c.st.Waits, func(w *Wait) string { return w.Step })
}

// show lists the events the case waits for, and the running bezwaartermijnen.
func (waitKind) show(c *caseRun, v *CaseView) {
	for _, w := range c.st.Waits {
		if w.Event != "" {
			v.Events = append(v.Events, w.Event)
		}
		if s := c.def.Steps.Step(w.Step); s != nil && s.Function == definitions.FunctionBezwaar && !w.Due.IsZero() {
			v.Bezwaartermijnen = append(v.Bezwaartermijnen, BezwaarView{Step: s.ID, Title: stepTitle(s.ID, s.Title),
				Event: w.Event, Due: w.Due, LastDay: law.LastDay(w.Due)})
		}
	}
}

func (waitKind) describe(c *caseRun, b *strings.Builder) {
	for _, w := range c.st.Waits {
		if w.Event != "" {
			fmt.Fprintf(b, "**Wacht op gebeurtenis**: %s (%s)\n\n", w.Event, w.Step)
			continue
		}
		// A date taken from the data (until:) is the resident's business: not shown.
		if s := c.def.Steps.Step(w.Step); s != nil && s.Until != "" {
			fmt.Fprintf(b, "**Wacht**: %s\n\n", w.Step)
			continue
		}
		fmt.Fprintf(b, "**Wacht tot**: %s (%s)\n\n", w.Due.In(amsterdam).Format("2006-01-02 15:04"), w.Step)
	}
}

func (waitKind) stalled(*caseRun) bool { return false }

// next is the earliest end of a wait; on a tie the first one wins.
func (waitKind) next(c *caseRun) moment {
	var m moment
	for _, w := range c.st.Waits {
		if w.Due.IsZero() {
			continue // an event wait without a timeout wakes only by its event
		}
		if !m.ok || w.Due.Before(m.due) {
			m = moment{due: w.Due, ok: true, name: func() string { return "wacht " + w.Step }}
		}
	}
	return m
}

func (waitKind) wake(ctx workflow.Context, c *caseRun, now time.Time) { c.waits.passDue(ctx, now) }

func (waitKind) busy(*caseRun) bool   { return false }
func (waitKind) pinned(*caseRun) bool { return false }

// unmovable: a pending wait stays a wait in the new version.
func (waitKind) unmovable(c *caseRun, to *definitions.Definition) string {
	for _, w := range c.st.Waits {
		if reason := sameKind(to, w.Step, definitions.KindWait); reason != "" {
			return reason
		}
	}
	return ""
}

// close drops the pending waits.
func (waitKind) close(_ workflow.Context, c *caseRun) { c.st.Waits = nil }

// waits are the case's pending waits (CaseState.Waits): passing them when their time
// comes, and event waits (events.go) ending by their event or their timeout.
type waits struct{ *caseRun }

// passDue passes every wait whose time has come. The caller holds the case.
func (c *waits) passDue(ctx workflow.Context, now time.Time) {
	var keep []*Wait
	for _, w := range c.st.Waits {
		if w.Due.IsZero() || w.Due.After(now) {
			keep = append(keep, w)
			continue
		}
		if w.Event != "" {
			c.timeout(ctx, w)
			continue
		}
		c.addTrail(ctx, TrailEntry{Event: EventWaitPassed, Step: w.Step})
		if step := c.def.Steps.Step(w.Step); step != nil {
			c.route(ctx, step)
		}
	}
	c.st.Waits = keep
}
