package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// end closes the case with the step's result. An end step closes the whole case: tasks
// still open on parallel branches are cancelled (each with a trail entry) and pending
// waits dropped. Child cases already started are left running (they are cases of their
// own, with their own team and deadlines). The workflow itself completes once every
// running update handler has finished.
func (c *caseRun) end(ctx workflow.Context, step *definitions.Step) {
	for _, t := range c.st.Tasks {
		c.addTrail(ctx, TrailEntry{Event: EventTaskCancelled, Step: t.Step, Task: t.ID})
	}
	c.st.Tasks = nil
	c.st.Waits = nil
	c.st.Arrived = map[string][]string{}
	now := workflow.Now(ctx)
	c.st.Status = StatusClosed
	c.st.Result = step.Result
	c.st.EndStep = step.ID
	c.st.Closed = &now
	c.st.Stuck = false
	c.st.Suspended = false
	c.addTrail(ctx, TrailEntry{Event: EventCaseClosed, Step: step.ID, Args: args("result", step.Result)})
	c.log(ctx, step.ID, "").Info("case closed")
}
