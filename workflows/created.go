package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/words"
)

// UpdateCreated answers a new case's first view (CreatedRequest → CaseView). The API
// sends it with Update-with-Start, so the case is started and its first view (the start
// step's open tasks) answered in one round trip; a retried create (same case id, same
// update id) gets the same answer, from this run or a later one.
const UpdateCreated = "created"

// QueryCreateRequest returns the request digest the case was created with (string).
const QueryCreateRequest = "create-request"

// CreatedRequest asks for the first view of a case the caller created. Request is the
// digest of the create request; a different one (another body sent with the same
// Idempotency-Key) is a conflict.
type CreatedRequest struct {
	Actor   Actor  `json:"actor"`
	Request string `json:"request,omitempty"`
}

func (c *guard) checkCreated(req CreatedRequest) error {
	if req.Request != c.in.Request {
		return conflict(words.Msg(words.RefuseKeyReused))
	}
	return nil
}

// onCreated waits until the start step has been entered (an update sent with the
// start runs before the workflow's first step), then answers the view.
func (c *handlers) onCreated(ctx workflow.Context, req CreatedRequest) (CaseView, error) {
	if err := workflow.Await(ctx, func() bool { return c.begun }); err != nil {
		return CaseView{}, err
	}
	if _, err := c.handle(ctx, "", func() error { return c.checkCreated(req) }, func() {}); err != nil {
		return CaseView{}, err
	}
	return c.view(), nil // the first view, whole: its trail is short
}
