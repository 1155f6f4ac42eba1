package httpapi

import (
	"context"
	"errors"
	"net/http"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// eraseAnswer lists the cases an erasure removed: the case and its child cases.
type eraseAnswer struct {
	Erased []string `json:"erased"`
}

// eraseCase erases a case and its child cases from Temporal (the right to erasure, AVG
// art. 17): DeleteWorkflowExecution removes a workflow's history, state and visibility
// rows, terminating it first if it still runs. Only a lead of the case's gemeente may,
// and the body must repeat the case id ({"confirm": "<id>"}), because nothing brings a
// case back.
func (a *api) eraseCase(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	id := r.PathValue("id")
	var body struct {
		Confirm string `json:"confirm"`
	}
	if err := decodeBody(w, r, &body, false); err != nil {
		return err
	}
	if err := a.checkCase(r.Context(), u, id); err != nil {
		return err
	}
	if !a.isLead(u) {
		return &Error{Status: http.StatusForbidden, Message: "only a lead (teamleider) of the gemeente may erase a case", kind: workflows.ErrForbidden}
	}
	if body.Confirm != id {
		return invalid([]workflows.FieldError{{Field: "confirm", Message: "must repeat the case id: an erased case cannot be brought back"}})
	}
	ids, err := a.caseTree(r.Context(), id)
	if err != nil {
		return err
	}
	// Children first: a parent deleted first could no longer name them on a retry.
	for i := len(ids) - 1; i >= 0; i-- {
		_, err := a.cfg.Client.WorkflowService().DeleteWorkflowExecution(r.Context(), deleteRequest(a.cfg.Namespace, ids[i]))
		var nf *serviceerror.NotFound
		if err != nil && !errors.As(err, &nf) { // already gone: a retried erasure
			return err
		}
		a.gemeenten.forget(ids[i])
	}
	writeJSON(w, http.StatusOK, eraseAnswer{Erased: ids})
	return nil
}

// caseTree is the case and, depth first, its child cases (from the case's own view).
func (a *api) caseTree(ctx context.Context, id string) ([]string, error) {
	view, err := a.queryCase(ctx, id)
	var nf *serviceerror.NotFound
	if errors.As(err, &nf) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ids := []string{id}
	for _, ch := range view.Children {
		sub, err := a.caseTree(ctx, ch)
		if err != nil {
			return nil, err
		}
		ids = append(ids, sub...)
	}
	return ids, nil
}

func deleteRequest(namespace, id string) *workflowservice.DeleteWorkflowExecutionRequest {
	return &workflowservice.DeleteWorkflowExecutionRequest{
		Namespace:         namespace,
		WorkflowExecution: &commonpb.WorkflowExecution{WorkflowId: id},
	}
}
