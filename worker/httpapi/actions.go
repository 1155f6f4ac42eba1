package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/caselist"
	"github.com/wijkflow/wijkflow/workflows"
)

// maxReason bounds free-text reasons; they are notes, not reports.
const maxReason = 2000

func actor(u *auth.User) workflows.Actor {
	return workflows.Actor{UserID: u.ID, Gemeente: u.Gemeente, Teams: u.Teams, Roles: u.Roles}
}

// claim assigns an open task to the caller.
func (a *api) claim(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	if err := decodeBody(w, r, &struct{}{}, true); err != nil {
		return err
	}
	return a.update(w, r, u, workflows.UpdateClaim, workflows.ClaimRequest{Actor: actor(u), TaskID: r.PathValue("taskId")})
}

// assign gives an open task to another user of the team (or to nobody).
func (a *api) assign(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	var body struct {
		Assignee *string `json:"assignee"`
	}
	if err := decodeBody(w, r, &body, false); err != nil {
		return err
	}
	if err := a.checkAssignee(u, body.Assignee); err != nil {
		return err
	}
	return a.update(w, r, u, workflows.UpdateReassign, workflows.ReassignRequest{Actor: actor(u), TaskID: r.PathValue("taskId"), Assignee: *body.Assignee})
}

// complete submits a task's form; the workflow's validator checks the data.
func (a *api) complete(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	data, err := decodeData(w, r, false)
	if err != nil {
		return err
	}
	return a.update(w, r, u, workflows.UpdateComplete, workflows.CompleteRequest{Actor: actor(u), TaskID: r.PathValue("taskId"), Data: data})
}

// suspend stops the clocks (opschorting).
func (a *api) suspend(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	var body struct {
		Reason string `json:"reason"`
	}
	if err := decodeBody(w, r, &body, false); err != nil {
		return err
	}
	if p := checkReason(body.Reason); p != nil {
		return invalid(p)
	}
	return a.update(w, r, u, workflows.UpdateSuspend, workflows.SuspendRequest{Actor: actor(u), Reason: body.Reason})
}

// resume restarts the clocks.
func (a *api) resume(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	if err := decodeBody(w, r, &struct{}{}, true); err != nil {
		return err
	}
	return a.update(w, r, u, workflows.UpdateResume, workflows.ResumeRequest{Actor: actor(u)})
}

// extend moves a task's deadline once (verlenging).
func (a *api) extend(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	var body struct {
		TaskID string `json:"taskId"`
		Reason string `json:"reason"`
		By     string `json:"by"`
	}
	if err := decodeBody(w, r, &body, false); err != nil {
		return err
	}
	problems := checkReason(body.Reason)
	if body.By == "" {
		problems = append(problems, problem("by", words.Msg(words.RuleDurationNeeded)))
	} else if _, err := law.ParseDuration(body.By); err != nil {
		problems = append(problems, workflows.FieldError{Field: "by", Message: err.Error(), Code: words.RuleNotDuration, Args: map[string]string{"value": body.By}})
	}
	if problems != nil {
		return invalid(problems)
	}
	return a.update(w, r, u, workflows.UpdateExtend, workflows.ExtendRequest{Actor: actor(u), TaskID: body.TaskID, Reason: body.Reason, By: body.By})
}

// problem is the problem m with a field, its message in English.
func problem(field string, m words.Message) workflows.FieldError {
	return workflows.FieldError{Field: field, Message: m.String(), Code: m.Code, Args: m.Args}
}

func checkReason(reason string) []workflows.FieldError {
	switch {
	case strings.TrimSpace(reason) == "":
		return []workflows.FieldError{problem("reason", words.Msg(words.RuleRequired))}
	case len(reason) > maxReason:
		return []workflows.FieldError{problem("reason", words.Msg(words.RuleMaxChars, "n", strconv.Itoa(maxReason)))}
	}
	return nil
}

// update sends one workflow Update and answers the case view it returns. The update id
// comes from the Idempotency-Key header, scoped to the action, task and caller, so a
// retried request never acts twice and two clients' keys never collide.
func (a *api) update(w http.ResponseWriter, r *http.Request, u *auth.User, name string, arg any) error {
	id := r.PathValue("id")
	if err := checkTaskID(r.PathValue("taskId")); err != nil {
		return err
	}
	if err := a.checkCase(r.Context(), u, id); err != nil {
		return err
	}
	key, given, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	if !given {
		key = strings.ToLower(randomKey())
	}
	updateID := strings.Join([]string{name, r.PathValue("taskId") + r.PathValue("event"), u.ID, key}, "/")
	signed, err := a.sign(arg, name, id, updateID)
	if err != nil {
		return err
	}
	h, err := a.cfg.Client.UpdateWorkflow(r.Context(), client.UpdateWorkflowOptions{
		WorkflowID:   id,
		UpdateID:     updateID,
		UpdateName:   name,
		Args:         []any{signed},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	var view workflows.CaseView
	if err == nil {
		err = h.Get(r.Context(), &view)
	}
	var notFound *serviceerror.NotFound
	if errors.As(err, &notFound) {
		// The case exists (checkCase saw it), so the workflow has closed. A closed case
		// still answers a retry of an update it accepted (same id), which is why the
		// update is sent anyway; anything else on it is a conflict, not a 404.
		return &Error{Status: http.StatusConflict, Message: "case " + id + " is closed", kind: "Closed"}
	}
	if err != nil {
		return err
	}
	a.changed(&view)
	writeJSON(w, http.StatusOK, view)
	return nil
}

// changed lays the view a change answered over the shared lists of open cases, so that
// this process's lists show the change before visibility does.
func (a *api) changed(v *workflows.CaseView) {
	a.cases.Changed(caselist.FromView(v, a.defs().ByVersion(v.DefinitionVersion).ResidentName(v.Data)))
}

// checkCase answers 404 for an id that is not a case of the caller's gemeente, before
// any update reaches the workflow. The gemeente is a search attribute set at the start;
// DescribeWorkflowExecution reads it from the case itself, not from (eventually
// consistent) visibility, unless the gemeente cache knows the case already.
func (a *api) checkCase(ctx context.Context, u *auth.User, id string) error {
	if !caseIDRE.MatchString(id) {
		return errCaseNotFound()
	}
	g, ok := a.gemeenten.get(id)
	if !ok {
		resp, err := a.cfg.Client.DescribeWorkflowExecution(ctx, id, "")
		if err != nil {
			return err
		}
		info := resp.GetWorkflowExecutionInfo()
		if info.GetType().GetName() != workflows.CaseWorkflowName {
			return errCaseNotFound()
		}
		g = attrsOf(info).str(workflows.SAGemeente.GetName())
		a.gemeenten.put(id, g)
	}
	if g != u.Gemeente {
		return errCaseNotFound()
	}
	return nil
}

func validKey(k string) bool {
	if len(k) > 200 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}
