package httpapi

import (
	"net/http"

	workflowpb "go.temporal.io/api/workflow/v1"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// retryHandoff sends a failed hand-off again (the lead only; the workflow checks).
func (a *api) retryHandoff(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	var body struct {
		Step   string `json:"step"`
		Reason string `json:"reason"`
	}
	if err := decodeBody(w, r, &body, false); err != nil {
		return err
	}
	problems := checkReasonAndStep(body.Reason, body.Step)
	if problems != nil {
		return invalid(problems)
	}
	return a.update(w, r, u, workflows.UpdateRetryHandoff, workflows.RetryHandoffRequest{Actor: actor(u), Step: body.Step, Reason: body.Reason})
}

// routeOn routes a stuck case on to a named step (the lead only; the workflow checks).
func (a *api) routeOn(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	var body struct {
		Step   string `json:"step"`
		To     string `json:"to"`
		Reason string `json:"reason"`
	}
	if err := decodeBody(w, r, &body, false); err != nil {
		return err
	}
	problems := checkReasonAndStep(body.Reason, body.Step)
	if body.To == "" {
		problems = append(problems, problem("to", words.Msg(words.RuleStepToGoOn)))
	} else if !stepRE.MatchString(body.To) {
		problems = append(problems, problem("to", words.Msg(words.RuleNotAStepID)))
	}
	if problems != nil {
		return invalid(problems)
	}
	return a.update(w, r, u, workflows.UpdateRouteOn, workflows.RouteOnRequest{Actor: actor(u), Step: body.Step, To: body.To, Reason: body.Reason})
}

// inboxList is the answer of GET /inbox.
type inboxList struct {
	Handoffs []activities.InboxItem `json:"handoffs"`
}

// listInbox answers the hand-offs dev's local provider inbox received for the caller's
// gemeente; without an inbox (a real worker) there is none to show.
func (a *api) listInbox(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	if err := checkParams(r.URL.Query()); err != nil {
		return err
	}
	if a.cfg.Inbox == nil {
		return errorf(http.StatusNotFound, "this worker has no local provider inbox; hand-offs go to the configured providers")
	}
	writeJSON(w, http.StatusOK, inboxList{Handoffs: a.cfg.Inbox.Items(u.Gemeente)})
	return nil
}

// memoWaiting reads what else a case waits for from its memo (none: nil).
func (a *api) memoWaiting(e *workflowpb.WorkflowExecutionInfo) []string {
	p := e.GetMemo().GetFields()[workflows.MemoWaiting]
	if p == nil {
		return nil
	}
	var w []string
	// The memo is encrypted like every payload.
	if a.cfg.DataConverter.FromPayload(p, &w) != nil {
		return nil
	}
	return w
}

// checkReasonAndStep checks the reason a lead gives for a rescue and the step it names,
// if any.
func checkReasonAndStep(reason, step string) []workflows.FieldError {
	problems := checkReason(reason)
	if step != "" && !stepRE.MatchString(step) {
		problems = append(problems, problem("step", words.Msg(words.RuleNotAStepID)))
	}
	return problems
}
