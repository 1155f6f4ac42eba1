package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/httpapi"
	"github.com/wijkflow/wijkflow/workflows"
)

// flashes are the fixed confirmations a redirect may ask for (?bericht=…); only these
// codes are shown, so a link cannot put words on the page.
var flashes = map[string]string{
	"afgerond":     "De taak is afgerond.",
	"opgepakt":     "U hebt de taak opgepakt.",
	"teruggegeven": "De taak is teruggegeven aan het team.",
	"opgeschort":   "De zaak is opgeschort: de termijn staat stil.",
	"hervat":       "De zaak is hervat: de termijn loopt weer.",
	"verlengd":     "De termijn is verlengd.",
	"gemeld":       "De melding is geregistreerd.",
}

// pageTasks is the number of tasks one page of the inbox lists, the most urgent of all
// first (GET /tasks?order=urgency): the first page of a team with thousands of open
// tasks holds the ones past their term, not the newest cases'.
const pageTasks = 100

// inboxTask is one row of the inbox, flat and worked out in Go: the template reads
// fields only, for a page of a hundred rows costs mostly what its template does per
// field (a field of an embedded struct is a slow lookup, a function a reflect call).
type inboxTask struct {
	CaseID, ID, Title string
	CaseHref, Href    string // the case's page and the task's
	Label             string // the task and the resident, for a screen reader's button
	Resident          string
	Under             string // the process and the team as workers name it, under the title
	Assignee          string
	AssignedTo        string // who picked it up, as people name them
	Opened            time.Time
	Deadline          *time.Time
	Due               string // the deadline's last day in words, as the law counts it
	DueClass          string // "late", "soon" or ""
	Law               string
	Overdue           bool
	ClockStopped      bool
	Extended          bool
	EscalationLevel   int
	Stalled           bool
	Suspended         bool
	Mine              bool
	OnTime            bool   // none of the marks above
	Nonce             string // the Idempotency-Key of the row's form (see funcs' nonce); "" without one
}

type inboxData struct {
	Mine  bool
	Tasks []inboxTask
	More  string // the next page's address, when visibility has more cases
	Back  string // this list's address, where a row's form returns to
}

// inbox lists my tasks or my team's from GET /tasks: the gemeente's shared list of open
// cases with each case's open tasks and resident's name from its (encrypted) memo — no
// query per case. Only the case just changed (?bijgewerkt=) is asked for its view, which
// is current, so a task just completed never shows and the next one always does; and a
// case whose memo does not hold the resident's name yet (started before it did).
func (a *app) inbox(w http.ResponseWriter, r *http.Request, rq *request) {
	mine := r.URL.Query().Get("lijst") != "team"
	q := url.Values{"pageSize": {strconv.Itoa(pageTasks)}, "order": {"urgency"}}
	if mine {
		q.Set("assignee", "me")
	}
	pageToken := r.URL.Query().Get("pagina")
	if pageToken != "" {
		q.Set("pageToken", pageToken)
	}
	var l httpapi.TaskList
	if err := a.call(r.Context(), rq.sess.Token, "GET", "/tasks", q, nil, "", &l); err != nil {
		a.apiFailure(w, r, rq, err)
		return
	}
	changed := ""
	if c := r.URL.Query().Get("bijgewerkt"); c != "" && pageToken == "" {
		changed = c
	}
	var ask []string // cases to ask for their view
	if changed != "" {
		ask = append(ask, changed)
	}
	var tasks []inboxTask
	for _, t := range l.Tasks {
		if t.CaseID == changed {
			continue // its view below
		}
		def := a.definition(t.DefinitionVersion, rq.user.Gemeente, t.Process)
		if t.Resident == nil && def != nil && def.Resident != nil {
			if !slices.Contains(ask, t.CaseID) {
				ask = append(ask, t.CaseID)
			}
			continue
		}
		tasks = append(tasks, a.listedRow(rq, def, t))
	}
	for _, v := range a.views(r.Context(), rq.sess.Token, ask) {
		if v == nil || v.Status != workflows.StatusOpen {
			continue
		}
		def := a.definition(v.DefinitionVersion, v.Gemeente, v.Process)
		for _, t := range v.Tasks {
			if !mayAct(rq.user, def, t) || (mine && t.Assignee != rq.user.ID) {
				continue
			}
			tasks = append(tasks, a.inboxRow(rq, def, t, def.ResidentName(v.Data), v.Stalled, v.Suspended))
		}
	}
	sortTasks(tasks)
	title, nav := "Mijn taken", "mijn"
	if !mine {
		title, nav = "Taken van mijn team", "team"
	}
	d := inboxData{Mine: mine, Tasks: tasks, Back: "/taken"}
	if !mine {
		d.Back = "/taken?lijst=team"
	}
	if l.NextPageToken != "" {
		next := url.Values{"pagina": {l.NextPageToken}}
		if !mine {
			next.Set("lijst", "team")
		}
		d.More = "/taken?" + next.Encode()
	}
	a.render(w, http.StatusOK, "inbox", rq, page{Title: title, Nav: nav,
		Flash: flashes[r.URL.Query().Get("bericht")], Data: d})
}

// listedRow is a row from the list's summary of a task.
func (a *app) listedRow(rq *request, def *definitions.Definition, t httpapi.TaskItem) inboxTask {
	tv := workflows.TaskView{
		CaseID: t.CaseID, ID: t.ID, Step: t.Step, Title: t.Title, Role: t.Role, Roles: t.Roles, Team: t.Team,
		Assignee: t.Assignee, Opened: t.Opened, Deadline: t.Deadline, Overdue: t.Overdue,
		Extended: t.Extended, EscalationLevel: t.EscalationLevel, ClockStopped: t.ClockStopped,
	}
	if t.Received != nil {
		tv.Received = *t.Received
	}
	if def != nil {
		if s := def.Steps.Step(t.Step); s != nil && s.Deadline != nil {
			tv.Law = s.Deadline.Law
		}
	}
	resident := ""
	if t.Resident != nil {
		resident = *t.Resident
	}
	return a.inboxRow(rq, def, tv, resident, t.Stalled, t.Suspended)
}

// inboxRow is one row of the inbox.
func (a *app) inboxRow(rq *request, def *definitions.Definition, t workflows.TaskView, resident string, stalled, suspended bool) inboxTask {
	it := inboxTask{CaseID: t.CaseID, ID: t.ID, Title: t.Title, Resident: resident,
		Assignee: t.Assignee, AssignedTo: a.person(t.Assignee, def),
		Opened: t.Opened, Deadline: t.Deadline, Law: t.Law, Overdue: t.Overdue, ClockStopped: t.ClockStopped,
		Extended: t.Extended, EscalationLevel: t.EscalationLevel, Stalled: stalled, Suspended: suspended,
		Mine: t.Assignee == rq.user.ID}
	if it.Mine || it.Assignee == "" { // the rows with a form: give back, or pick up
		it.Nonce = randomString()
	}
	it.CaseHref = "/zaken/" + url.PathEscape(t.CaseID)
	it.Href = it.CaseHref + "/taken/" + url.PathEscape(t.ID)
	it.Label = t.Title
	if resident != "" {
		it.Label += ", " + resident
	}
	it.Under = "team " + a.teamLabel(rq.user.Gemeente, t.Team, def)
	if def != nil {
		it.Under = def.Title + " · " + it.Under
	}
	if t.Deadline != nil {
		// A term ending at 00:00 ends the day before (law.LastDay), as the case page says.
		it.Due = dateNL(law.LastDay(*t.Deadline))
		switch {
		case t.Overdue:
			it.DueClass = "late"
		case deadlineSoon(t.Deadline):
			it.DueClass = "soon"
		}
	}
	it.OnTime = !(it.Overdue || stalled || suspended || it.ClockStopped || it.Extended || it.EscalationLevel > 0)
	return it
}

// views asks the cases for their views, a few at a time; a case that fails (closed and
// gone, or not visible) is left out.
func (a *app) views(ctx context.Context, token string, ids []string) []*workflows.CaseView {
	out := make([]*workflows.CaseView, len(ids))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var v workflows.CaseView
			err := a.call(ctx, token, "GET", "/cases/"+url.PathEscape(id), nil, nil, "", &v)
			if err == nil {
				out[i] = &v
				return
			}
			if e, ok := err.(*apiError); !ok || e.Status != http.StatusNotFound {
				a.log.Warn().Err(err).Str("case", id).Msg("web: a listed case did not answer; left out of the inbox")
			}
		})
	}
	wg.Wait()
	return out
}

// mayAct is the API's rule for listing a task: the user's team, and one of the task's
// roles or the lead role of its process.
func mayAct(u *auth.User, def *definitions.Definition, t workflows.TaskView) bool {
	if !u.InTeam(t.Team) {
		return false
	}
	if def != nil && def.Lead != "" && u.HasRole(def.Lead) {
		return true
	}
	for _, r := range t.Roles {
		if u.HasRole(r) {
			return true
		}
	}
	return false
}

// sortTasks puts the most urgent first, as GET /tasks?order=urgency does: the rows of
// cases asked for their view join the API's in its order.
func sortTasks(ts []inboxTask) {
	key := func(t inboxTask) httpapi.UrgencyKey {
		return httpapi.NewUrgencyKey(t.Overdue, t.Deadline, t.Opened, t.CaseID, t.ID)
	}
	slices.SortFunc(ts, func(x, y inboxTask) int { return key(x).Compare(key(y)) })
}

// deadlineSoon reports a deadline within three days, for a quieter warning than overdue.
func deadlineSoon(t *time.Time) bool {
	return t != nil && time.Until(*t) < 72*time.Hour && time.Until(*t) > 0
}
