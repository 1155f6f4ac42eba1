package workflows

import (
	"fmt"
	"slices"
	"strings"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/words"
)

// Rescuing a case that cannot go on: the lead retries a failed hand-off, or routes the
// case on from where it is stuck to a step of their choice, with a reason. Both are
// updates like the others (validated, audited by the API, in the trail).

// RetryHandoffRequest sends a failed hand-off again, with a new idempotency key. An
// empty Step retries the only failed hand-off.
type RetryHandoffRequest struct {
	Actor  Actor  `json:"actor"`
	Step   string `json:"step,omitempty"`
	Reason string `json:"reason"`
}

// RouteOnRequest leaves the step where the case is stuck (a failed hand-off, or routing
// that found no way on) and enters To. An empty Step means the only such step.
type RouteOnRequest struct {
	Actor  Actor  `json:"actor"`
	Step   string `json:"step,omitempty"`
	To     string `json:"to"`
	Reason string `json:"reason"`
}

func (c *handlers) onRetryHandoff(ctx workflow.Context, req RetryHandoffRequest) (CaseView, error) {
	return handleFound(c, ctx, "", func() (*Handoff, error) { return c.checkRetryHandoff(req) },
		func(h *Handoff) { c.handoffs.retry(ctx, h, req.Actor.UserID, req.Reason) })
}

func (c *handlers) onRouteOn(ctx workflow.Context, req RouteOnRequest) (CaseView, error) {
	return handleFound(c, ctx, "", func() (string, error) { return c.checkRouteOn(req) },
		func(from string) { c.routeOn(ctx, from, req) })
}

// mayRescue: only the lead of the case's team rescues a case.
func (c *guard) mayRescue(a Actor) error {
	if c.st.Status != StatusOpen {
		return notOpen(words.Msg(words.RefuseCaseClosed, "case", c.st.CaseID))
	}
	if err := c.inTeam(a); err != nil {
		return err
	}
	if !c.isLead(a) {
		return forbidden(words.Msg(words.RefuseRescueRole, "lead", c.leadName()))
	}
	return nil
}

func (c *guard) leadName() string {
	if c.def.Lead == "" {
		return "no lead role is defined"
	}
	return c.def.Lead
}

func checkRescueReason(reason string) []FieldError {
	if strings.TrimSpace(reason) == "" {
		return []FieldError{fieldError("reason", words.Msg(words.RuleRequired))}
	}
	return nil
}

func (c *guard) checkRetryHandoff(req RetryHandoffRequest) (*Handoff, error) {
	if err := c.mayRescue(req.Actor); err != nil {
		return nil, err
	}
	if errs := checkRescueReason(req.Reason); errs != nil {
		return nil, invalid(errs)
	}
	var failed []*Handoff
	for _, h := range c.st.Handoffs {
		if h.Failed && (req.Step == "" || h.Step == req.Step) {
			failed = append(failed, h)
		}
	}
	switch {
	case len(failed) == 1:
		return failed[0], nil
	case len(failed) > 1:
		return nil, invalid([]FieldError{fieldError("step", words.Msg(words.RuleWhichHandoff))})
	case req.Step != "":
		return nil, conflict(words.Msg(words.RefuseNoFailedAt, "step", req.Step))
	}
	return nil, conflict(words.Msg(words.RefuseNoFailedHandoff))
}

// retry sends h again. The caller holds the case.
func (c *handoffs) retry(ctx workflow.Context, h *Handoff, actor, reason string) {
	h.Retries++
	h.Failed, h.Reason = false, ""
	h.Key = c.st.CaseID + "/" + h.ID + "/retry-" + fmt.Sprint(h.Retries)
	h.Since = workflow.Now(ctx)
	c.addTrail(ctx, TrailEntry{Event: EventHandoffRetried, Step: h.Step, Actor: actor, Args: args("provider", h.Provider), Detail: reason})
	c.send(ctx, h)
}

// stuckSteps are the steps where the case cannot go on by itself.
func (c *guard) stuckSteps() []string {
	var out []string
	for _, h := range c.st.Handoffs {
		if h.Failed && !slices.Contains(out, h.Step) {
			out = append(out, h.Step)
		}
	}
	if c.st.Stuck && !slices.Contains(out, c.st.StuckStep) {
		out = append(out, c.st.StuckStep)
	}
	return out
}

// checkRouteOn returns the stuck step the case leaves.
func (c *guard) checkRouteOn(req RouteOnRequest) (string, error) {
	if err := c.mayRescue(req.Actor); err != nil {
		return "", err
	}
	errs := checkRescueReason(req.Reason)
	if req.To == "" {
		errs = append(errs, fieldError("to", words.Msg(words.RuleStepToGoOn)))
	} else if c.def.Steps.Step(req.To) == nil {
		errs = append(errs, fieldError("to", words.Msg(words.RuleNotAStep, "step", req.To, "process", c.def.Process)))
	}
	if errs != nil {
		return "", invalid(errs)
	}
	stuck := c.stuckSteps()
	switch {
	case req.Step != "" && slices.Contains(stuck, req.Step):
		return req.Step, nil
	case req.Step != "":
		return "", conflict(words.Msg(words.RefuseNotStuckAt, "step", req.Step))
	case len(stuck) == 1:
		return stuck[0], nil
	case len(stuck) > 1:
		return "", invalid([]FieldError{fieldError("step", words.Msg(words.RuleWhichStuckStep, "steps", strings.Join(stuck, ", ")))})
	}
	return "", conflict(words.Msg(words.RefuseNotStuck))
}

// routeOn leaves the stuck step from and enters req.To. The caller holds the case.
func (c *handlers) routeOn(ctx workflow.Context, from string, req RouteOnRequest) {
	c.st.Handoffs = slices.DeleteFunc(c.st.Handoffs, func(h *Handoff) bool { return h.Failed && h.Step == from })
	if c.st.Stuck && c.st.StuckStep == from {
		c.st.Stuck, c.st.StuckStep, c.st.StuckReason = false, "", ""
	}
	c.addTrail(ctx, TrailEntry{Event: EventRoutedOn, Step: from, Actor: req.Actor.UserID, Args: args("goto", req.To), Detail: req.Reason})
	c.queue = append(c.queue, arrival{Step: req.To, From: from})
}
