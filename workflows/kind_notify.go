package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

// notifyKind is a notify step: send the designer's message to the role, then go on.
// The case does not wait for the answer (notify.go).
type notifyKind struct{ stateless }

func (notifyKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	c.notes.notify(ctx, activities.NotifyInput{Step: step.ID, Kind: "notify", To: step.To, Message: step.Message},
		"melding "+step.ID+" aan "+step.To)
	c.route(ctx, step)
}
