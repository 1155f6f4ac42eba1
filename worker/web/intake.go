package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/workflows"
)

// intakeData is the new-melding page: a choice of process, then its intake form.
type intakeData struct {
	Processes []*definitions.Definition
	Def       *definitions.Definition
	Teams     []string
	Team      string
	Fields    []formField
	Errors    []summaryError
	TeamError string
	// Received is the date the melding came in (the form's value, default today in
	// the Netherlands); Today bounds it; ReceivedError is the API's word on it.
	Received, Today, ReceivedError string
	Nonce                          string
}

// receivedLabel is the receipt date's label, on the form and in its error summary.
const receivedLabel = "Datum van de melding"

// ReceivedLabel is the receipt date's label, for the template.
func (intakeData) ReceivedLabel() string { return receivedLabel }

func (a *app) intakePage(w http.ResponseWriter, r *http.Request, rq *request) {
	a.renderIntake(w, r, rq, http.StatusOK, r.URL.Query().Get("proces"), nil, nil, randomString())
}

func (a *app) renderIntake(w http.ResponseWriter, r *http.Request, rq *request, status int, process string, sent url.Values, errs map[string]string, nonce string) {
	d := intakeData{Processes: a.processesOf(rq.user.Gemeente), Nonce: nonce}
	if process != "" {
		d.Def = a.cfg.Definitions().Lookup(rq.user.Gemeente, process)
		if d.Def == nil {
			a.errorPage(w, r, rq, http.StatusNotFound, "Uw gemeente heeft dit proces niet.")
			return
		}
		for _, t := range d.Def.Teams {
			if rq.user.InTeam(t) || rq.lead {
				d.Teams = append(d.Teams, t)
			}
		}
		d.Team = sent.Get("team")
		if d.Team == "" && len(d.Teams) > 0 {
			d.Team = d.Teams[0]
		}
		d.Today = time.Now().In(law.Amsterdam()).Format(time.DateOnly)
		d.Received = sent.Get("received")
		if sent == nil {
			d.Received = d.Today
		}
		d.Fields = fieldsOf(d.Def.Intake, sent, errs)
		d.Errors = summary(d.Fields, withoutKeys(errs, "team", "received"))
		if msg := errs["received"]; msg != "" {
			d.ReceivedError = msg
			d.Errors = append([]summaryError{{ID: "veld-ontvangen", Label: receivedLabel, Message: msg}}, d.Errors...)
		}
		if msg := errs["team"]; msg != "" {
			d.TeamError = msg
			d.Errors = append([]summaryError{{ID: "veld-team", Label: "Team", Message: msg}}, d.Errors...)
		}
	}
	title := "Nieuwe melding"
	if d.Def != nil {
		title += ": " + d.Def.Title
	}
	if len(d.Errors) > 0 {
		title = "Fout: " + title
	}
	a.render(w, status, "intake", rq, page{Title: title, Nav: "melding", Data: d})
}

// withoutKeys is m without the keys given: the errors the page shows at fields of its
// own rather than the definition's.
func withoutKeys(m map[string]string, keys ...string) map[string]string {
	out := map[string]string{}
	for key, v := range m {
		if !slices.Contains(keys, key) {
			out[key] = v
		}
	}
	return out
}

// createCase registers a melding with the process's intake form and opens the new case.
func (a *app) createCase(w http.ResponseWriter, r *http.Request, rq *request) {
	process := r.PostFormValue("proces")
	def := a.cfg.Definitions().Lookup(rq.user.Gemeente, process)
	if def == nil {
		a.errorPage(w, r, rq, http.StatusNotFound, "Uw gemeente heeft dit proces niet.")
		return
	}
	nonce := r.PostFormValue("nonce")
	if nonce == "" {
		nonce = randomString()
	}
	body := map[string]any{"gemeente": rq.user.Gemeente, "process": process, "team": r.PostFormValue("team"),
		"data": formData(def.Intake, r.PostForm)}
	if rec := strings.TrimSpace(r.PostFormValue("received")); rec != "" {
		body["received"] = rec // the API refuses a date in the future, at this field
	}
	var v workflows.CaseView
	err := a.call(r.Context(), rq.sess.Token, "POST", "/cases", nil, body, "web-"+nonce, &v)
	if e, ok := err.(*apiError); ok && e.Status == http.StatusUnprocessableEntity {
		// A rejected melding started nothing: the corrected one is a new request.
		a.renderIntake(w, r, rq, http.StatusUnprocessableEntity, process, r.PostForm, e.fieldErrors(), randomString())
		return
	}
	if err != nil {
		a.apiFailure(w, r, rq, err)
		return
	}
	http.Redirect(w, r, backTo("/zaken/"+url.PathEscape(v.ID), "", "gemeld"), http.StatusSeeOther)
}
