package httpapi

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// caseIDRE matches the ids the API hands out (and child cases derived from them). Other
// ids answer 404 without asking Temporal, so the API never reaches other workflows.
var caseIDRE = regexp.MustCompile(`^case-[a-z0-9][a-z0-9._-]{0,200}$`)

// stepRE matches step ids, which are all that ?step= can hold.
var stepRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,99}$`)

func errCaseNotFound() *Error {
	return &Error{Status: http.StatusNotFound, Message: "case not found", kind: "NotFound"}
}

// getCase answers the full view of one case.
func (a *api) getCase(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	id := r.PathValue("id")
	if !caseIDRE.MatchString(id) {
		return errCaseNotFound()
	}
	view, err := a.queryCase(r.Context(), id)
	if err != nil {
		return err
	}
	a.gemeenten.put(id, view.Gemeente)
	if !a.maySee(u, view) {
		return errCaseNotFound()
	}
	writeJSON(w, http.StatusOK, view)
	return nil
}

// maySee says whether u may read a case: never one of another gemeente; otherwise a
// lead sees all, a worker the cases of their teams (and cases with a task for them).
func (a *api) maySee(u *auth.User, v *workflows.CaseView) bool {
	if v.Gemeente != u.Gemeente {
		return false
	}
	if a.isLead(u) || u.InTeam(v.Team) {
		return true
	}
	for _, t := range v.Tasks {
		if u.InTeam(t.Team) {
			return true
		}
	}
	return false
}

// queryCase asks the workflow for its view (closed cases answer too while a worker runs).
// A case whose workflow was ended from outside (terminated in the Web UI, timed out)
// still holds the state "open"; its status is then closed, with closedAs saying how.
func (a *api) queryCase(ctx context.Context, id string) (*workflows.CaseView, error) {
	resp, err := a.cfg.Client.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{
		WorkflowID: id, QueryType: workflows.QueryCase,
		QueryRejectCondition: enumspb.QUERY_REJECT_CONDITION_NOT_OPEN,
	})
	if err != nil {
		return nil, err
	}
	val := resp.QueryResult
	ended := enumspb.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED
	if rej := resp.QueryRejected; rej != nil {
		ended = rej.GetStatus()
		if val, err = a.cfg.Client.QueryWorkflow(ctx, id, "", workflows.QueryCase); err != nil {
			return nil, err
		}
	}
	var view workflows.CaseView
	if err := val.Get(&view); err != nil {
		return nil, err
	}
	if ended != enumspb.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED && ended != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED && view.Status == workflows.StatusOpen {
		view.Status = workflows.StatusClosed
		view.ClosedAs = closedAs(ended)
		view.Tasks = []workflows.TaskView{}
		view.Stalled = false
	}
	return &view, nil
}

// closedAs names how a workflow ended that did not complete by itself.
func closedAs(s enumspb.WorkflowExecutionStatus) string {
	switch s {
	case enumspb.WORKFLOW_EXECUTION_STATUS_TERMINATED:
		return "terminated"
	case enumspb.WORKFLOW_EXECUTION_STATUS_CANCELED:
		return "canceled"
	case enumspb.WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
		return "timed-out"
	case enumspb.WORKFLOW_EXECUTION_STATUS_FAILED:
		return "failed"
	}
	return "ended"
}

// caseSummary is one case in a list, read from its search attributes and memo.
type caseSummary struct {
	workflows.CaseHeader
	Started         time.Time               `json:"started"`
	Closed          *time.Time              `json:"closed,omitempty"`
	ActiveSteps     []string                `json:"activeSteps"`
	Stalled         bool                    `json:"stalled"`
	Suspended       bool                    `json:"suspended"`
	EscalationLevel int                     `json:"escalationLevel"`
	Deadline        *time.Time              `json:"deadline,omitempty"`
	Tasks           []workflows.TaskSummary `json:"tasks"`
	// Waiting is what else the case waits for, e.g. "wacht op overdracht aan …".
	Waiting []string `json:"waiting,omitempty"`
}

// caseList is the answer of GET /cases.
type caseList struct {
	Cases         []caseSummary `json:"cases"`
	NextPageToken string        `json:"nextPageToken,omitempty"`
}

// listCases answers the cases the caller may see, filtered, from one visibility query.
func (a *api) listCases(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	q := r.URL.Query()
	if err := checkParams(q, "stalled", "step", "status", "pageSize", "pageToken"); err != nil {
		return err
	}
	p, err := parsePage(q)
	if err != nil {
		return err
	}
	vq := caseQuery(u.Gemeente)
	if !a.isLead(u) {
		vq.anyOf(workflows.SATeam.GetName(), u.Teams)
	}
	switch s := q.Get("stalled"); s {
	case "":
	case "true", "false":
		vq.raw(workflows.SAStalled.GetName() + " = " + s)
	default:
		return errorf(http.StatusBadRequest, "stalled must be true or false")
	}
	if s := q.Get("step"); s != "" {
		if !stepRE.MatchString(s) {
			return errorf(http.StatusBadRequest, "step %q is not a step id", s)
		}
		vq.eq(workflows.SAStep.GetName(), s)
	}
	switch s := q.Get("status"); s {
	case "":
	case workflows.StatusOpen:
		vq.raw(`ExecutionStatus = "Running"`)
	case workflows.StatusClosed:
		vq.raw(`ExecutionStatus != "Running"`)
	default:
		return errorf(http.StatusBadRequest, "status must be open or closed")
	}
	execs, next, err := a.list(r.Context(), vq, p)
	if err != nil {
		return err
	}
	out := caseList{Cases: make([]caseSummary, 0, len(execs)), NextPageToken: encodeToken(next)}
	for _, e := range execs {
		sa := attrsOf(e)
		c := caseSummary{
			CaseHeader: workflows.CaseHeader{
				ID:                e.GetExecution().GetWorkflowId(),
				Gemeente:          sa.str(workflows.SAGemeente.GetName()),
				Process:           sa.str(workflows.SAProcess.GetName()),
				DefinitionVersion: sa.str(workflows.SADefinitionVersion.GetName()),
				Team:              sa.str(workflows.SATeam.GetName()),
				Status:            workflows.StatusOpen,
			},
			Started:         e.GetStartTime().AsTime(),
			ActiveSteps:     sa.list(workflows.SAStep.GetName()),
			Stalled:         sa.boolean(workflows.SAStalled.GetName()),
			Suspended:       sa.boolean(workflows.SASuspended.GetName()),
			EscalationLevel: sa.int(workflows.SAEscalation.GetName()),
			Deadline:        sa.time(workflows.SADeadline.GetName()),
			Tasks:           a.memoTasks(e),
			Waiting:         a.memoWaiting(e),
		}
		a.gemeenten.put(c.ID, c.Gemeente)
		if !running(e) {
			c.Status = workflows.StatusClosed
			closed := e.GetCloseTime().AsTime()
			c.Closed = &closed
			c.Tasks = nil
		}
		if c.ActiveSteps == nil {
			c.ActiveSteps = []string{}
		}
		if c.Tasks == nil {
			c.Tasks = []workflows.TaskSummary{}
		}
		out.Cases = append(out.Cases, c)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// hasAny reports whether have holds any of want.
func hasAny(have, want []string) bool {
	for _, w := range want {
		if slices.Contains(have, w) {
			return true
		}
	}
	return false
}
