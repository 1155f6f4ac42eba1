package workflows

import (
	"slices"
	"strconv"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// forEvent opens a wait for an event from outside. With for or until it also has a
// timeout; a timeout already past (or a date field without a date) sends the case to
// the timeout step at once, with the trail saying why.
func (c *waits) forEvent(ctx workflow.Context, step *definitions.Step, now time.Time) {
	due, dated := c.end(step, now)
	if !dated {
		c.addTrail(ctx, TrailEntry{Event: EventEventWaitUntimed, Step: step.ID, Args: args("field", step.Until, "event", step.Event)})
	}
	w := &Wait{ID: step.ID + "-" + strconv.Itoa(c.st.Seq[step.ID]), Step: step.ID, Due: due, Event: step.Event}
	if !due.IsZero() && !due.After(now) {
		c.timeout(ctx, w)
		return
	}
	c.st.Waits = append(c.st.Waits, w)
}

// timeout ends an event wait whose time passed without the event: on to the
// timeout step. The caller removes the wait.
func (c *waits) timeout(ctx workflow.Context, w *Wait) {
	c.addTrail(ctx, TrailEntry{Event: EventEventTimeout, Step: w.Step, Args: args("event", w.Event)})
	step := c.def.Steps.Step(w.Step)
	if step == nil || step.Timeout == "" {
		c.stuck(ctx, w.Step, words.Msg(words.StuckEventTimeout))
		return
	}
	c.queue = append(c.queue, arrival{Step: step.Timeout, From: w.Step})
}

// checkEvent finds the wait an event is for and checks the caller and the data: a
// member of the case's team delivers it (an outside system gets a token of the team),
// once per wait, with data that fits the wait's form.
func (c *guard) checkEvent(req EventRequest) (*Wait, error) {
	if c.st.Status != StatusOpen {
		return nil, notOpen(words.Msg(words.RefuseCaseClosed, "case", c.st.CaseID))
	}
	if err := c.inTeam(req.Actor); err != nil {
		return nil, err
	}
	i := slices.IndexFunc(c.st.Waits, func(w *Wait) bool { return w.Event != "" && w.Event == req.Event })
	if i < 0 {
		return nil, conflict(words.Msg(words.RefuseNoEventWaits, "event", req.Event))
	}
	w := c.st.Waits[i]
	step := c.def.Steps.Step(w.Step)
	if step == nil {
		return nil, conflict(words.Msg(words.RefuseNoEventWaits, "event", req.Event))
	}
	if errs := formErrors(step.Form, req.Data); len(errs) > 0 {
		return nil, invalid(errs)
	}
	return w, nil
}

func (c *handlers) onEvent(ctx workflow.Context, req EventRequest) (CaseView, error) {
	return handleFound(c, ctx, "", func() (*Wait, error) { return c.checkEvent(req) },
		func(w *Wait) { c.waits.receive(ctx, w, req.Actor.UserID, req.Data) })
}

// receive ends the wait with the event: its data joins the case's, the trail says
// which event came and who delivered it, and the case goes on. The caller holds the case.
func (c *waits) receive(ctx workflow.Context, w *Wait, actor string, data map[string]any) {
	c.st.Waits = slices.DeleteFunc(c.st.Waits, func(x *Wait) bool { return x == w })
	c.st.keepAnswers(w.Step, "", workflow.Now(ctx), data)
	c.addTrail(ctx, TrailEntry{Event: EventEventReceived, Step: w.Step, Actor: actor, Args: args("event", w.Event)})
	c.log(ctx, w.Step, "").Info("event received")
	if step := c.def.Steps.Step(w.Step); step != nil {
		c.route(ctx, step)
	}
}
