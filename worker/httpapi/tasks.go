package httpapi

import (
	"context"
	"net/http"
	"time"

	workflowpb "go.temporal.io/api/workflow/v1"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// taskItem is an open task with what a client needs to render and fill in its form.
// The task as the case's memo lists it comes first, then what this answer adds: the
// case's process and version, the task's own role, whether the case is suspended, and
// the form from the definition.
type taskItem struct {
	CaseID string `json:"caseId"`
	workflows.TaskSummary
	Process           string           `json:"process"`
	DefinitionVersion string           `json:"definitionVersion"`
	Role              string           `json:"role"`
	Suspended         bool             `json:"suspended"`
	Form              definitions.Form `json:"form"`
}

// taskList is the answer of GET /tasks.
type taskList struct {
	Tasks         []taskItem `json:"tasks"`
	NextPageToken string     `json:"nextPageToken,omitempty"`
}

// listTasks answers the open tasks the caller may act on: one visibility query narrows
// to running cases of the caller's teams with a task for one of their roles; the memo of
// each case lists its open tasks; forms come from the definitions in memory. A page
// holds the tasks of up to pageSize cases, so it may hold more or fewer tasks than that.
func (a *api) listTasks(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	q := r.URL.Query()
	if err := checkParams(q, "assignee", "pageSize", "pageToken"); err != nil {
		return err
	}
	p, err := parsePage(q)
	if err != nil {
		return err
	}
	mine := false
	switch q.Get("assignee") {
	case "":
	case "me":
		mine = true
	default:
		return errorf(http.StatusBadRequest, `assignee must be "me" or left out`)
	}
	vq := caseQuery(u.Gemeente)
	vq.raw(`ExecutionStatus = "Running"`)
	vq.anyOf(workflows.SATeam.GetName(), u.Teams)
	if !a.isLead(u) {
		vq.anyOf(workflows.SARoles.GetName(), u.Roles)
	}
	if mine {
		vq.eq(workflows.SAAssignees.GetName(), u.ID)
	}
	execs, next, err := a.list(r.Context(), vq, p)
	if err != nil {
		return err
	}
	out := taskList{Tasks: []taskItem{}, NextPageToken: encodeToken(next)}
	now := time.Now()
	for _, e := range execs {
		a.gemeenten.put(e.GetExecution().GetWorkflowId(), attrsOf(e).str(workflows.SAGemeente.GetName()))
		out.Tasks = append(out.Tasks, a.tasksOf(r.Context(), u, e, mine, now)...)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// tasksOf turns one case's memo into the tasks u may act on. The visibility query is
// coarser than the rules (a lead's role counts per process; teams per task), so each task
// is checked again here.
func (a *api) tasksOf(ctx context.Context, u *auth.User, e *workflowpb.WorkflowExecutionInfo, mine bool, now time.Time) []taskItem {
	sa := attrsOf(e)
	version := sa.str(workflows.SADefinitionVersion.GetName())
	def := a.defs().ByVersion(version)
	suspended := sa.boolean(workflows.SASuspended.GetName())
	var forms map[string]definitions.Form // from a query, for a version not in memory
	var out []taskItem
	for _, t := range a.memoTasks(e) {
		if mine && t.Assignee != u.ID {
			continue
		}
		lead := a.isLead(u)
		if def != nil {
			lead = def.Lead != "" && u.HasRole(def.Lead)
		}
		if !u.InTeam(t.Team) || !(lead || hasAny(u.Roles, t.Roles)) {
			continue
		}
		item := taskItem{
			CaseID:            e.GetExecution().GetWorkflowId(),
			TaskSummary:       t,
			Process:           sa.str(workflows.SAProcess.GetName()),
			DefinitionVersion: version,
			Suspended:         suspended,
		}
		// The memo is written at transitions; a deadline may have passed since.
		item.Overdue = t.Overdue || (!suspended && t.Deadline != nil && now.After(*t.Deadline))
		if len(t.Roles) > 0 {
			item.Role = t.Roles[0]
		}
		if def != nil {
			if st := def.Steps.Step(t.Step); st != nil {
				item.Role, item.Form = st.Role, st.Form
			}
		} else {
			if forms == nil {
				forms = a.formsByQuery(ctx, item.CaseID)
			}
			item.Form = forms[t.ID]
		}
		if item.Form == nil {
			item.Form = definitions.Form{}
		}
		out = append(out, item)
	}
	return out
}

// formsByQuery asks one case for its tasks' forms: the fallback for a definition version
// this process does not hold (a case started before the last edit of its YAML file).
func (a *api) formsByQuery(ctx context.Context, id string) map[string]definitions.Form {
	forms := map[string]definitions.Form{}
	view, err := a.queryCase(ctx, id)
	if err != nil {
		a.log.Warn().Err(err).Str("case", id).Msg("no forms for tasks of an unknown definition version")
		return forms
	}
	for _, t := range view.Tasks {
		forms[t.ID] = t.Form
	}
	return forms
}
