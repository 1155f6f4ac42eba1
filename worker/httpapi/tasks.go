package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/caselist"
	"github.com/wijkflow/wijkflow/workflows"
)

// TaskItem is one task of GET /tasks: an open task with what a client needs to render and
// fill in its form (the web app reads it too).
// The task as the case's memo lists it comes first, then what this answer adds: the
// case's process and version, the task's own role, whether the case is suspended or
// stalled, the resident's name, and the form from the definition.
type TaskItem struct {
	CaseID string `json:"caseId"`
	workflows.TaskSummary
	Process           string `json:"process"`
	DefinitionVersion string `json:"definitionVersion"`
	Role              string `json:"role"`
	Suspended         bool   `json:"suspended"`
	Stalled           bool   `json:"stalled"`
	// Resident is the resident's name, as the case's definition names it; absent for a
	// case whose memo does not hold it yet (started before it did): ask the case.
	Resident *string          `json:"resident,omitempty"`
	Form     definitions.Form `json:"form"`
}

// TaskList is the answer of GET /tasks.
type TaskList struct {
	Tasks         []TaskItem `json:"tasks"`
	NextPageToken string     `json:"nextPageToken,omitempty"`
}

// listTasks answers the open tasks the caller may act on, from the gemeente's shared
// list of open cases (worker/caselist: one visibility scan serves every list for a
// while, and this process's own changes show at once); forms come from the definitions
// in memory. A page holds the tasks of up to pageSize cases, newest case first; with
// order=urgency, up to pageSize tasks, the most urgent first (urgency.go).
func (a *api) listTasks(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	q := r.URL.Query()
	if err := checkParams(q, "assignee", "pageSize", "pageToken", "order"); err != nil {
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
	switch q.Get("order") {
	case "", "newest":
	case "urgency":
		return a.listByUrgency(w, r, u, p, mine)
	default:
		return errorf(http.StatusBadRequest, `order must be "newest" (the default) or "urgency"`)
	}
	after, err := listPosition(p.token)
	if err != nil {
		return err
	}
	l, err := a.cases.Open(r.Context(), u.Gemeente)
	if err != nil {
		return err
	}
	out := TaskList{Tasks: []TaskItem{}}
	now := time.Now()
	lead := a.isLead(u)
	cases := 0
	var last *caselist.Case // the last case on the page
	for _, c := range l.Cases[after.index(l.Cases):] {
		if !u.InTeam(c.Team) {
			continue
		}
		items := a.tasksOf(r.Context(), u, c, lead, mine, now)
		if len(items) == 0 {
			continue
		}
		if cases == p.size {
			out.NextPageToken = encodeToken(positionOf(last))
			break
		}
		cases++
		last = c
		a.gemeenten.put(c.ID, c.Gemeente)
		out.Tasks = append(out.Tasks, items...)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// tasksOf turns one case's memo into the tasks u may act on: their team, and one of the
// task's roles or the lead role of its process (lead: of any process, for a case whose
// definition version this process does not hold).
func (a *api) tasksOf(ctx context.Context, u *auth.User, c *caselist.Case, anyLead, mine bool, now time.Time) []TaskItem {
	def := a.defs().ByVersion(c.Version)
	lead := leadOf(u, def, anyLead)
	var forms map[string]definitions.Form // from a query, for a version not in memory
	var out []TaskItem
	for _, t := range c.Tasks() {
		if mayList(u, t, lead, mine) {
			out = append(out, a.item(ctx, c, t, def, now, &forms))
		}
	}
	return out
}

// item is task t of case c (on definition def, nil when this process does not hold its
// version) as GET /tasks lists it; *forms holds the case's forms asked by query for a
// version not in memory, filled on first need.
func (a *api) item(ctx context.Context, c *caselist.Case, t workflows.TaskSummary, def *definitions.Definition, now time.Time, forms *map[string]definitions.Form) TaskItem {
	item := TaskItem{
		CaseID:            c.ID,
		TaskSummary:       t,
		Process:           c.Process,
		DefinitionVersion: c.Version,
		Suspended:         c.Suspended,
		Stalled:           c.Stalled,
	}
	if name, ok := c.Resident(); ok {
		item.Resident = &name
	}
	item.Overdue = overdue(c, t, now)
	if len(t.Roles) > 0 {
		item.Role = t.Roles[0]
	}
	if def != nil {
		if st := def.Steps.Step(t.Step); st != nil {
			item.Role, item.Form = st.Role, st.Form
		}
	} else {
		if *forms == nil {
			*forms = a.formsByQuery(ctx, item.CaseID)
		}
		item.Form = (*forms)[t.ID]
	}
	if item.Form == nil {
		item.Form = definitions.Form{}
	}
	return item
}

// overdue says whether task t of case c is past its term now: the memo is written at
// transitions, and a deadline may have passed since (not while the case is suspended).
func overdue(c *caselist.Case, t workflows.TaskSummary, now time.Time) bool {
	return t.Overdue || (!c.Suspended && t.Deadline != nil && now.After(*t.Deadline))
}

// mayList is the rule of GET /tasks for one task: u's team, and one of the task's roles
// or the lead role (lead); with mine, only the tasks u claimed.
func mayList(u *auth.User, t workflows.TaskSummary, lead, mine bool) bool {
	if mine && t.Assignee != u.ID {
		return false
	}
	return u.InTeam(t.Team) && (lead || hasAny(u.Roles, t.Roles))
}

// leadOf says whether u lists the tasks of a case on def as its process's lead; for a
// definition version this process does not hold (def nil), as a lead of any process.
func leadOf(u *auth.User, def *definitions.Definition, anyLead bool) bool {
	if def != nil {
		return def.Lead != "" && u.HasRole(def.Lead)
	}
	return anyLead
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
