package web

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/workflows"
)

// residentLine is one fact about whom the case is about.
type residentLine struct {
	Label, Value string
}

// residentOf reads the resident's and household's fields from the case data. The values
// come from the case's payloads through the API, for a user the API let see the case.
func residentOf(def *definitions.Definition, data map[string]any) []residentLine {
	if def == nil || def.Resident == nil {
		return nil
	}
	var out []residentLine
	add := func(label, field string, isDate bool) {
		if field == "" {
			return
		}
		s, _ := data[field].(string)
		if s == "" {
			return
		}
		if isDate {
			if d := dateNL(s); d != "" {
				s = d
			}
		}
		out = append(out, residentLine{label, s})
	}
	res := def.Resident
	add("Naam", res.Name, false)
	add("Geboortedatum", res.Birthdate, true)
	add("Adres", res.Address, false)
	add("BSN", res.BSN, false)
	for _, p := range res.Household {
		rel := "Huisgenoot"
		if p.Relation != "" { // the validator asks for one; an old snapshot may lack it
			rel = strings.ToUpper(p.Relation[:1]) + p.Relation[1:]
		}
		add(rel, p.Name, false)
		add(rel+": geboortedatum", p.Birthdate, true)
		add(rel+": BSN", p.BSN, false)
	}
	return out
}

// caseData is the case page.
type caseData struct {
	Case        *workflows.CaseView
	Def         *definitions.Definition
	Team        string // the case's team as workers name it
	Resident    []residentLine
	Steps       []string // titles of the active steps
	Tasks       []caseTask
	Terms       []termGroup // the case's terms under their headings (terms.go)
	Trail       []trailLine
	Collected   []collectedLine
	Suspendable bool
	ClockWork   bool // suspending, resuming or extending is possible
	Errors      map[string]string
	Other       []string // errors of no field on the page
	Sent        url.Values
}

type caseTask struct {
	workflows.TaskView
	Extendable   string // the longest extension allowed in words, when it may still be extended
	AssigneeName string // who picked it up, as people name them
}

type trailLine struct {
	workflows.TrailEntry
	StepTitle string
	Label     string // the event in Dutch
	Said      string // what happened, for the events whose detail a worker reads
	By        string // who did it, as people name them
}

// onPage are the case page's fields that show their own errors.
var onPage = map[string]bool{"suspend.reason": true, "extend.by": true, "extend.reason": true}

// detailed are the trail's events whose detail a worker reads: reasons and outcomes.
// The rest (step kinds, versions, ids) are for programs.
var detailed = map[workflows.Event]bool{
	workflows.EventSuspended: true, workflows.EventResumed: true, workflows.EventExtended: true,
	workflows.EventEscalated: true, workflows.EventStalled: true, workflows.EventStuck: true,
	workflows.EventReferred: true, workflows.EventReferralReturned: true, workflows.EventHandedOff: true,
	workflows.EventNotifyFailed: true, workflows.EventConditionError: true, workflows.EventCaseClosed: true,
	workflows.EventDeadlinePassed: true,
}

func (a *app) casePage(w http.ResponseWriter, r *http.Request, rq *request) {
	v, ok := a.caseOf(w, r, rq)
	if !ok {
		return
	}
	a.renderCase(w, r, rq, v, http.StatusOK, nil, nil)
}

func (a *app) renderCase(w http.ResponseWriter, r *http.Request, rq *request, v *workflows.CaseView, status int, sent url.Values, errs map[string]string) {
	def := a.definition(v.DefinitionVersion, v.Gemeente, v.Process)
	d := caseData{Case: v, Def: def, Team: a.teamLabel(v.Gemeente, v.Team, def), Resident: residentOf(def, v.Data), Errors: errs, Sent: sent}
	stepTitle := func(id string) string { return stepTitle(def, id) }
	for _, s := range v.ActiveSteps {
		d.Steps = append(d.Steps, stepTitle(s))
	}
	for _, t := range v.Tasks {
		ct := caseTask{TaskView: t, AssigneeName: a.person(t.Assignee, def)}
		if def != nil {
			if s := def.Steps.Step(t.Step); s != nil && s.Extendable != nil && !t.Extended && !t.Overdue {
				ct.Extendable = words.Duration(s.Extendable.String(), words.NL)
			}
		}
		d.Suspendable = d.Suspendable || t.Suspendable
		d.Tasks = append(d.Tasks, ct)
	}
	d.Terms = termsOf(v, "")
	d.ClockWork = v.Status == workflows.StatusOpen && (v.Suspended || d.Suspendable)
	for _, t := range d.Tasks {
		d.ClockWork = d.ClockWork || t.Extendable != ""
	}
	for _, e := range v.Trail {
		line := trailLine{TrailEntry: e, StepTitle: stepTitle(e.Step), Label: e.Label().NL(), By: a.person(e.Actor, def)}
		if detailed[e.Event] {
			line.Said = a.inWords(e.Say(), def).NL()
		}
		d.Trail = append(d.Trail, line)
	}
	if def != nil {
		d.Collected = collected(def, v, stepTitle)
	}
	for _, k := range slices.Sorted(maps.Keys(errs)) {
		if !onPage[k] {
			_, field, _ := strings.Cut(k, ".")
			d.Other = append(d.Other, field+": "+errs[k])
		}
	}
	title := "Zaak"
	if name := def.ResidentName(v.Data); name != "" {
		title = "Zaak van " + name
	}
	if len(errs) > 0 {
		title = "Fout: " + title
	}
	a.render(w, status, "case", rq, page{Title: title, Nav: "zaak", Flash: flashes[r.URL.Query().Get("bericht")], Data: d})
}

// caseAction sends suspend, resume or extend; a 422 redraws the case page with the
// message at its field.
func (a *app) caseAction(w http.ResponseWriter, r *http.Request, rq *request, action string, body map[string]any, flash string) {
	id := r.PathValue("id")
	err := a.call(r.Context(), rq.sess.Token, "POST", "/cases/"+url.PathEscape(id)+"/"+action, nil, body, idemKey(r), nil)
	if e, ok := err.(*apiError); ok && e.Status == http.StatusUnprocessableEntity {
		v, ok := a.caseOf(w, r, rq)
		if !ok {
			return
		}
		errs := map[string]string{}
		for k, m := range e.fieldErrors() {
			errs[action+"."+k] = m
		}
		a.renderCase(w, r, rq, v, http.StatusUnprocessableEntity, r.PostForm, errs)
		return
	}
	if err != nil {
		a.apiFailure(w, r, rq, err)
		return
	}
	http.Redirect(w, r, backTo("/zaken/"+url.PathEscape(id), "", flash), http.StatusSeeOther)
}

func (a *app) suspend(w http.ResponseWriter, r *http.Request, rq *request) {
	a.caseAction(w, r, rq, "suspend", map[string]any{"reason": r.PostFormValue("reden")}, "opgeschort")
}

func (a *app) resume(w http.ResponseWriter, r *http.Request, rq *request) {
	a.caseAction(w, r, rq, "resume", map[string]any{}, "hervat")
}

func (a *app) extend(w http.ResponseWriter, r *http.Request, rq *request) {
	a.caseAction(w, r, rq, "extend", map[string]any{
		"taskId": r.PostFormValue("taak"), "by": r.PostFormValue("duur"), "reason": r.PostFormValue("reden"),
	}, "verlengd")
}
