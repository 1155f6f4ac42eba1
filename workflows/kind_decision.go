package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// decisionKind is a decision step: routing only, on the first transition whose
// condition holds (routing.go).
type decisionKind struct{ stateless }

func (decisionKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	c.route(ctx, step)
}
