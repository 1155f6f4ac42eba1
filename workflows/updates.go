package workflows

import (
	"slices"

	"go.temporal.io/sdk/workflow"
)

// handlers are the case's query and update handlers with their validators; the checks
// they share are guard's (checks.go).
type handlers struct{ guard }

// registerHandlers registers the query and every update with its validator. Validators
// read state only, so a rejected update leaves no trace in history; handlers re-check
// under the case lock (the state may have moved while they waited for it) and then
// advance the case, so their answer already shows the next open tasks.
func (c *handlers) registerHandlers(ctx workflow.Context) error {
	if err := workflow.SetQueryHandler(ctx, QueryCase, func() (CaseView, error) { return c.view(), nil }); err != nil {
		return err
	}
	if err := workflow.SetQueryHandler(ctx, QueryCreateRequest, func() (string, error) { return c.in.Request, nil }); err != nil {
		return err
	}
	if err := workflow.SetQueryHandler(ctx, QueryCreated, c.created); err != nil {
		return err
	}
	for _, h := range []struct {
		name          string
		fn, validator any
	}{
		{UpdateComplete, c.onComplete, validator(c, found(c.checkComplete))},
		{UpdateClaim, c.onClaim, validator(c, found(c.checkClaim))},
		{UpdateReassign, c.onReassign, validator(c, func(req ReassignRequest) error { _, err := c.checkReassign(req, true); return err })},
		{UpdateSuspend, c.onSuspend, validator(c, c.checkSuspend)},
		{UpdateResume, c.onResume, validator(c, c.checkResume)},
		{UpdateExtend, c.onExtend, validator(c, found(c.checkExtend))},
		{UpdateRetryHandoff, c.onRetryHandoff, validator(c, found(c.checkRetryHandoff))},
		{UpdateRouteOn, c.onRouteOn, validator(c, found(c.checkRouteOn))},
		{UpdateCreated, c.onCreated, validator(c, c.checkCreated)},
		{UpdateEvent, c.onEvent, validator(c, found(c.checkEvent))},
	} {
		err := workflow.SetUpdateHandlerWithOptions(ctx, h.name, h.fn, workflow.UpdateHandlerOptions{Validator: h.validator})
		if err != nil {
			return err
		}
	}
	return c.registerMigration(ctx)
}

// repeated reports whether the running update's id was accepted before (a client
// retry, possibly in an earlier run): it is then answered with the current view.
func (c *handlers) repeated(ctx workflow.Context) bool {
	info := workflow.GetCurrentUpdateInfo(ctx)
	return info != nil && c.st.Updates.find(info.ID) != nil
}

// remember records the running update's id as accepted.
func (c *handlers) remember(ctx workflow.Context, taskID string) {
	if info := workflow.GetCurrentUpdateInfo(ctx); info != nil {
		c.st.Updates.add(UpdateRecord{ID: info.ID, Name: info.Name, TaskID: taskID})
	}
}

// handle is the common shape of every handler: answer a repeat with the view; else,
// holding the case, re-check, remember the id, act and route; then publish and answer.
func (c *handlers) handle(ctx workflow.Context, taskID string, check func() error, act func()) (CaseView, error) {
	if c.repeated(ctx) {
		return c.answer(len(c.st.Trail), nil), nil
	}
	var err error
	since := len(c.st.Trail)
	var before []string
	c.advance(ctx, func() {
		since = len(c.st.Trail)
		before = c.tasks.ids()
		if err = check(); err != nil {
			return
		}
		c.remember(ctx, taskID)
		act()
	})
	if err != nil {
		return CaseView{}, err
	}
	c.vis.publish(ctx)
	return c.answer(since, before), nil
}

// answer is an update's answer: the view with only the trail entries from index since
// on (those of this change), and forms only for the tasks this change opened (those in
// were open before it), so that each answer, which history keeps, does not repeat the
// whole trail and every form; the query and GET /cases/{id} have all of it.
func (c *handlers) answer(since int, open []string) CaseView {
	v := c.view()
	since = min(since, len(v.Trail))
	v.Trail = v.Trail[since:]
	v.TrailSince = since
	for i := range v.Tasks {
		if slices.Contains(open, v.Tasks[i].ID) {
			v.Tasks[i].Form = nil
		}
	}
	return v
}

// validate is the common shape of every validator.
func (c *handlers) validate(ctx workflow.Context, check func() error) error {
	if c.repeated(ctx) {
		return nil
	}
	return check()
}

// validator makes an update's validator from its check.
func validator[Req any](c *handlers, check func(Req) error) func(workflow.Context, Req) error {
	return func(ctx workflow.Context, req Req) error {
		return c.validate(ctx, func() error { return check(req) })
	}
}

// found is a check that finds what its update acts on (a task, a wait, a hand-off),
// for a validator, which needs only its answer.
func found[Req, T any](check func(Req) (T, error)) func(Req) error {
	return func(req Req) error { _, err := check(req); return err }
}

// handleFound is handle for a check that finds what the act works on.
func handleFound[T any](c *handlers, ctx workflow.Context, taskID string, check func() (T, error), act func(T)) (CaseView, error) {
	var it T
	return c.handle(ctx, taskID, func() (err error) { it, err = check(); return err }, func() { act(it) })
}

func (c *handlers) onComplete(ctx workflow.Context, req CompleteRequest) (CaseView, error) {
	return handleFound(c, ctx, req.TaskID, func() (*Task, error) { return c.checkComplete(req) },
		func(t *Task) { c.tasks.complete(ctx, t, req.Actor.UserID, req.Data) })
}

func (c *handlers) onClaim(ctx workflow.Context, req ClaimRequest) (CaseView, error) {
	return handleFound(c, ctx, req.TaskID, func() (*Task, error) { return c.checkClaim(req) },
		func(t *Task) { c.tasks.assign(ctx, t, req.Actor.UserID, req.Actor.UserID, EventTaskClaimed) })
}

// noopReassignChange marks the handler's refusal of a reassign that changes nothing;
// histories from before accepted one (validators do not run on replay, handlers do).
const noopReassignChange = "noop-reassign"

func (c *handlers) onReassign(ctx workflow.Context, req ReassignRequest) (CaseView, error) {
	refuseNoop := workflow.GetVersion(ctx, noopReassignChange, workflow.DefaultVersion, 1) >= 1
	return handleFound(c, ctx, req.TaskID, func() (*Task, error) { return c.checkReassign(req, refuseNoop) },
		func(t *Task) { c.tasks.assign(ctx, t, req.Actor.UserID, req.Assignee, EventTaskReassigned) })
}

func (c *handlers) onSuspend(ctx workflow.Context, req SuspendRequest) (CaseView, error) {
	return c.handle(ctx, "", func() error { return c.checkSuspend(req) },
		func() { c.clocks.suspend(ctx, req.Actor.UserID, req.Reason) })
}

func (c *handlers) onResume(ctx workflow.Context, req ResumeRequest) (CaseView, error) {
	return c.handle(ctx, "", func() error { return c.checkResume(req) },
		func() { c.clocks.resume(ctx, req.Actor.UserID, "") })
}

func (c *handlers) onExtend(ctx workflow.Context, req ExtendRequest) (CaseView, error) {
	return handleFound(c, ctx, req.TaskID, func() (extension, error) { return c.checkExtend(req) },
		func(x extension) { c.clocks.extend(ctx, x.task, req.Actor.UserID, x.by, req.Reason, x.due) })
}
