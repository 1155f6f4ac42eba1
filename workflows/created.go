package workflows

import (
	"encoding/json"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/words"
)

// UpdateCreated answers a new case's first view (CreatedRequest → CaseView). API
// processes before the eager start sent it with Update-with-Start (a retried create,
// same case id and update id, got the same answer); this version asks QueryCreated
// instead, and keeps the handler for the cases and API processes of a rolling upgrade.
const UpdateCreated = "created"

// QueryCreated answers a new case's first view beside the request digest it was
// created with (→ Created). The API asks it after an eager start: a query writes nothing
// to history, where the created update cost the case a workflow task, two events and a
// database write before its creator got an answer.
const QueryCreated = "created"

// Created is a case's answer to QueryCreated: the digest of its create request (empty
// without an Idempotency-Key), which the caller compares with its own, and its view.
type Created struct {
	Request string   `json:"request,omitempty"`
	View    CaseView `json:"view"`
}

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

// created answers QueryCreated. Queries come after a completed workflow task, and the
// first one enters the start step, so the view is the one an update would answer.
func (c *handlers) created() (Created, error) {
	return Created{Request: c.in.Request, View: c.view()}, nil
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

// FirstViewSink takes a new case's view, as QueryCreated would answer it, each time the
// case publishes while it runs live (not replaying), for as long as Wants says a
// create in this process waits for it. A worker that serves the API beside it installs
// one (WithFirstViewSink, from a workflow interceptor): the create then answers once
// Temporal accepted the case's first workflow task, without asking by query
// (worker/firstview). The sink only receives: nothing it does reaches the case's
// state or commands, so a replay, which offers nothing, runs the same.
type FirstViewSink interface {
	Wants(caseID, runID string) bool
	// Offer hands over Created as JSON: the case goes on changing its state, the
	// encoded bytes do not.
	Offer(caseID, runID string, created []byte)
}

type firstViewKey struct{}

// WithFirstViewSink installs sink for the case run under ctx.
func WithFirstViewSink(ctx workflow.Context, sink FirstViewSink) workflow.Context {
	return workflow.WithValue(ctx, firstViewKey{}, sink)
}

// offerFirstView hands the view to the sink in ctx, when one waits for it.
func (c *caseRun) offerFirstView(ctx workflow.Context) {
	sink, ok := ctx.Value(firstViewKey{}).(FirstViewSink)
	if !ok || workflow.IsReplaying(ctx) {
		return
	}
	run := workflow.GetInfo(ctx).WorkflowExecution
	if !sink.Wants(run.ID, run.RunID) {
		return
	}
	b, err := json.Marshal(Created{Request: c.in.Request, View: c.view()})
	if err != nil {
		return // the create asks by query
	}
	sink.Offer(run.ID, run.RunID, b)
}
