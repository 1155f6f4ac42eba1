package web

import (
	"net/http"
	"net/url"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/workflows"
)

// summaryError is one line of a form's error summary, linking to its field.
type summaryError struct {
	ID, Label, Message string
}

// taskData is the task page: whose case, the step, the clocks and the form.
type taskData struct {
	Case     *workflows.CaseView
	Task     workflows.TaskView
	Def      *definitions.Definition
	Step     *definitions.Step
	Resident []residentLine
	Known    []residentLine // what the case already knows that this step needs
	Terms    []termGroup    // the case's terms under their headings, this task's first
	Fields   []formField
	Errors   []summaryError
	Nonce    string
	Mine     bool
	Team     string // the task's team as workers name it
	Assignee string // who picked it up, as people name them
}

// caseOf fetches a case's view as the user; false means the error page was written.
func (a *app) caseOf(w http.ResponseWriter, r *http.Request, rq *request) (*workflows.CaseView, bool) {
	var v workflows.CaseView
	if err := a.call(r.Context(), rq.sess.Token, "GET", "/cases/"+url.PathEscape(r.PathValue("id")), nil, nil, "", &v); err != nil {
		a.apiFailure(w, r, rq, err)
		return nil, false
	}
	return &v, true
}

func (a *app) taskPage(w http.ResponseWriter, r *http.Request, rq *request) {
	v, ok := a.caseOf(w, r, rq)
	if !ok {
		return
	}
	a.renderTask(w, r, rq, v, http.StatusOK, nil, nil, randomString())
}

// renderTask draws the task's form, with what was sent and the server's errors.
func (a *app) renderTask(w http.ResponseWriter, r *http.Request, rq *request, v *workflows.CaseView, status int, sent url.Values, errs map[string]string, nonce string) {
	var task *workflows.TaskView
	for i := range v.Tasks {
		if v.Tasks[i].ID == r.PathValue("task") {
			task = &v.Tasks[i]
		}
	}
	if task == nil {
		a.errorPage(w, r, rq, http.StatusNotFound, "Deze taak is niet (meer) open. Misschien heeft een collega haar net afgerond.")
		return
	}
	def := a.definition(v.DefinitionVersion, v.Gemeente, v.Process)
	d := taskData{Case: v, Task: *task, Def: def, Resident: residentOf(def, v.Data),
		Fields: fieldsOf(task.Form, sent, errs), Nonce: nonce, Mine: task.Assignee == rq.user.ID,
		Team: a.teamLabel(v.Gemeente, task.Team, def), Assignee: a.person(task.Assignee, def)}
	if def != nil {
		d.Step = def.Steps.Step(task.Step)
		d.Known = answers(def, v.Data, knownBefore(def, v, task))
	}
	d.Terms = termsOf(v, task.ID)
	d.Errors = summary(d.Fields, errs)
	title := task.Title
	if len(d.Errors) > 0 {
		title = "Fout: " + title // a screen reader hears at once that the form came back
	}
	a.render(w, status, "task", rq, page{Title: title, Nav: "taak", Flash: flashes[r.URL.Query().Get("bericht")], Data: d})
}

// summary lists the errors in the form's order, then any that name no field.
func summary(fields []formField, errs map[string]string) []summaryError {
	var out []summaryError
	seen := map[string]bool{}
	for _, f := range fields {
		if msg := errs[f.Name]; msg != "" {
			label := f.Label
			if label == "" {
				label = f.Name
			}
			out = append(out, summaryError{ID: f.ID, Label: label, Message: msg})
			seen[f.Name] = true
		}
	}
	for name, msg := range errs {
		if !seen[name] {
			out = append(out, summaryError{Label: name, Message: msg})
		}
	}
	return out
}

// complete sends the form; a 422 redraws it with each message at its field, a success
// goes back to the inbox, which asks this case again (read-your-writes).
func (a *app) complete(w http.ResponseWriter, r *http.Request, rq *request) {
	v, ok := a.caseOf(w, r, rq)
	if !ok {
		return
	}
	id, taskID := r.PathValue("id"), r.PathValue("task")
	var form definitions.Form
	for _, t := range v.Tasks {
		if t.ID == taskID {
			form = t.Form
		}
	}
	nonce := r.PostFormValue("nonce")
	if nonce == "" {
		nonce = randomString()
	}
	// The nonce of the rendered form is the Idempotency-Key: a form sent twice (a double
	// click, a reload after a lost answer) completes the task once.
	var after workflows.CaseView
	err := a.call(r.Context(), rq.sess.Token, "POST", "/cases/"+url.PathEscape(id)+"/tasks/"+url.PathEscape(taskID)+"/complete",
		nil, map[string]any{"data": formData(form, r.PostForm)}, "web-"+nonce, &after)
	if e, ok := err.(*apiError); ok && e.Status == http.StatusUnprocessableEntity {
		// A rejected form acted on nothing: the corrected one is a new request.
		a.renderTask(w, r, rq, v, http.StatusUnprocessableEntity, r.PostForm, e.fieldErrors(), randomString())
		return
	}
	if err != nil {
		a.apiFailure(w, r, rq, err)
		return
	}
	// The team list, where the case's next task waits to be picked up.
	http.Redirect(w, r, backTo("/taken?lijst=team", id, "afgerond"), http.StatusSeeOther)
}

// claim picks a task up and goes to its form: whoever claims a task means to work on it.
func (a *app) claim(w http.ResponseWriter, r *http.Request, rq *request) {
	form := "/zaken/" + url.PathEscape(r.PathValue("id")) + "/taken/" + url.PathEscape(r.PathValue("task"))
	a.taskAction(w, r, rq, "claim", nil, form, "opgepakt")
}

// handBack gives a claimed task back to the team (assigned to nobody).
func (a *app) handBack(w http.ResponseWriter, r *http.Request, rq *request) {
	back := r.PostFormValue("terug")
	if back == "" {
		back = "/taken"
	}
	a.taskAction(w, r, rq, "assign", map[string]any{"assignee": ""}, back, "teruggegeven")
}

// taskAction sends a claim or an assignment and goes back to the page named.
func (a *app) taskAction(w http.ResponseWriter, r *http.Request, rq *request, action string, body any, back, flash string) {
	id := r.PathValue("id")
	path := "/cases/" + url.PathEscape(id) + "/tasks/" + url.PathEscape(r.PathValue("task")) + "/" + action
	if body == nil {
		body = map[string]any{}
	}
	if err := a.call(r.Context(), rq.sess.Token, "POST", path, nil, body, idemKey(r), nil); err != nil {
		a.apiFailure(w, r, rq, err)
		return
	}
	http.Redirect(w, r, backTo(back, id, flash), http.StatusSeeOther)
}

// idemKey is the Idempotency-Key of a posted form: its nonce, so a form sent twice acts
// once; "" (the API draws one) for a form without.
func idemKey(r *http.Request) string {
	if n := r.PostFormValue("nonce"); n != "" {
		return "web-" + n
	}
	return ""
}
