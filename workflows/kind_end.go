package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// endKind is an end step: it closes the case with the step's result. An end step closes
// the whole case: every kind drops what it holds open (tasks still open on parallel
// branches are cancelled, each with a trail entry; pending waits and half-arrived joins
// are dropped). Child cases already started are left running (they are cases of their
// own, with their own team and deadlines). The workflow itself completes once every
// running update handler has finished.
type endKind struct{ stateless }

func (endKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	for _, e := range stepKinds {
		e.run.close(ctx, c)
	}
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
