package browser

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/wijkflow/wijkflow/workflows"
)

const (
	resident  = "Jan Testpersoon (test)"
	wijkcoach = "demo-dalfsen-wijkcoach"
)

// rowsWith is the text of the inbox rows that mention s, joined by " | ".
func (e *env) rowsWith(s string) string {
	return e.eval(fmt.Sprintf(`[...document.querySelectorAll("tbody tr")].map(r => r.innerText).filter(t => t.includes(%q)).join(" | ")`, s))
}

// has reports whether the page has an element matching sel.
func (e *env) has(sel string) bool {
	return e.eval(fmt.Sprintf(`String(document.querySelector(%q) !== null)`, sel)) == "true"
}

func (e *env) signIn(user string) {
	e.t.Helper()
	e.open("/aanmelden")
	e.do("choose "+user, chromedp.Click(chromedp.CSS(`input[value="`+user+`"]`)))
	e.submit(`form.signin button[type=submit]`, "h1")
}

// TestWorkerFlow is a wijkcoach's day in the browser: sign in, register a melding without
// its source and see the message at the field (and no BSN asked at the melding), find its task in the team's inbox,
// claim it, send its form incomplete and see the message at the field, complete it and
// see the next task at once. axe-core checks every page on the way.
func TestWorkerFlow(t *testing.T) {
	e := start(t)

	e.open("/")
	e.at("Aanmelden", "aanmelden")
	e.signIn("dalfsen-wijkcoach")
	e.at("Mijn taken", "mijn taken")

	// A new melding from the intake form, without its source: the browser flags it, and
	// with the browser's check off (as in a browser without it) the server's 422 comes
	// back at the field. The melding asks no BSN (AVG art. 5 lid 1 c): the aanvraag does.
	e.open("/melding?proces=wijkteam")
	e.checkA11y("nieuwe melding")
	if e.has("#veld-bsn") {
		t.Error("the melding asks the BSN")
	}
	e.do("fill the intake",
		chromedp.SendKeys(chromedp.CSS("#veld-naam"), resident),
		chromedp.SendKeys(chromedp.CSS("#veld-adres"), "Teststraat 1, Dalfsen"),
		chromedp.Click(chromedp.CSS("#veld-veiligheidsrisico-0")), // geen
		chromedp.Click(chromedp.CSS("#veld-jeugdige_betrokken-nee")),
		chromedp.Click(chromedp.CSS("#veld-leefgebieden-4")), // zorg
	)
	e.eval(`document.getElementById("veld-geboortedatum").value = "1950-04-01"`)
	if got := e.eval(`String(document.querySelector("form.taskform").checkValidity())`); got != "false" {
		t.Errorf("the browser does not flag the missing source (checkValidity %s)", got)
	}
	e.eval(`document.querySelector("form.taskform").noValidate = true; ""`)
	e.submit(`form.taskform button[type=submit]`, "#foutmeldingen")
	if msg := e.text("#veld-bron-fout"); !strings.Contains(msg, "is verplicht") {
		t.Errorf("message at bron = %q", msg)
	}
	if v := e.eval(`document.getElementById("veld-naam").value`); v != resident {
		t.Errorf("the form came back without what was typed: naam = %q", v)
	}
	e.checkA11y("melding met fout")
	e.do("choose the source", chromedp.Click(chromedp.CSS("#veld-bron-2"))) // huisarts
	e.submit(`form.taskform button[type=submit]`, ".resident")
	if h := e.text("h1"); h != "Zaak van "+resident {
		t.Fatalf("after the melding: %q", h)
	}
	loc := e.eval(`location.pathname`)
	caseID := strings.TrimPrefix(loc, "/zaken/")
	if !strings.HasPrefix(caseID, "case-") || strings.Contains(caseID, "Jan") {
		t.Fatalf("case page at %q", loc)
	}
	e.checkA11y("zaak")

	// The team's inbox shows the task with the resident's name, unclaimed.
	e.open("/taken?lijst=team")
	row := e.rowsWith(resident)
	if !strings.Contains(row, "Melding registreren en triëren") || !strings.Contains(row, "niemand") {
		t.Fatalf("team inbox row for the new case: %q", row)
	}
	e.checkA11y("taken van het team")
	e.screenshot("inbox")

	// Claim it: the form is next, and it is mine now, in both lists.
	e.submit(`form[action="/zaken/`+caseID+`/taken/melding-1/claimen"] button`, "p.flash")
	if loc := e.eval(`location.pathname`); loc != "/zaken/"+caseID+"/taken/melding-1" {
		t.Errorf("after claiming the worker is at %q, not at the task's form", loc)
	}
	// Beside the form, what the melding said (the source), under its own heading.
	if known := e.text("#bekend + dl"); !strings.Contains(strings.ToLower(known), "huisarts") {
		t.Errorf("Wat we al weten = %q, without the melding's source", known)
	}
	e.open("/taken?lijst=team")
	if row := e.rowsWith(resident); !strings.Contains(row, "\tu\t") {
		t.Errorf("after claiming, the row does not say it is mine: %q", row)
	}
	e.open("/taken")
	if !e.has(`a[href="/zaken/` + caseID + `/taken/melding-1"]`) {
		t.Errorf("Mijn taken does not list the claimed task")
	}

	// The form from the definition: the browser knows what is required; sent anyway,
	// each missing answer comes back at its field.
	e.open("/zaken/" + caseID + "/taken/melding-1")
	e.checkA11y("taak")
	if v := e.eval(`String(document.querySelector("form.taskform").checkValidity())`); v != "false" {
		t.Errorf("an empty form is valid to the browser (%s); required is missing", v)
	}
	for _, id := range []string{"veld-urgentie-0", "veld-urgentie-1", "veld-urgentie-2"} {
		if e.eval(`String(document.getElementById("`+id+`").required)`) != "true" {
			t.Errorf("%s is not required", id)
		}
	}
	e.do("choose urgentie", chromedp.Click(chromedp.CSS("#veld-urgentie-0")))
	e.eval(`document.querySelector("form.taskform").noValidate = true; ""`)
	e.submit(`form.taskform button[type=submit]`, "#foutmeldingen")
	if msg := e.text("#veld-veiligheidsrisico-fout"); !strings.Contains(msg, "is verplicht") {
		t.Errorf("message at veiligheidsrisico = %q", msg)
	}
	if msg := e.text("#veld-ontvangst_bevestigd-fout"); !strings.Contains(msg, "is verplicht") {
		t.Errorf("message at ontvangst_bevestigd = %q", msg)
	}
	if e.has("#veld-urgentie-fout") {
		t.Error("urgentie was filled in but has a message")
	}
	if e.eval(`String(document.getElementById("veld-urgentie-0").checked)`) != "true" {
		t.Error("the answer to urgentie was lost")
	}
	if id := e.eval(`document.activeElement.id`); id != "foutmeldingen" {
		t.Errorf("focus is on %q, want the error summary", id)
	}
	if d := e.eval(`document.getElementById("veld-veiligheidsrisico").getAttribute("aria-describedby")`); !strings.Contains(d, "veld-veiligheidsrisico-fout") {
		t.Errorf("the field group does not point at its message: aria-describedby=%q", d)
	}
	e.checkA11y("taak met fouten")
	e.screenshot("form-errors")

	// Complete: the task is gone and the next one is there at once, although the
	// visibility store may not know yet.
	e.do("answer the rest", chromedp.Click(chromedp.CSS("#veld-veiligheidsrisico-0")), chromedp.Click(chromedp.CSS("#veld-ontvangst_bevestigd-ja")))
	e.submit(`form.taskform button[type=submit]`, "p.flash")
	if e.has(`a[href="/zaken/` + caseID + `/taken/melding-1"]`) {
		t.Error("the inbox still lists the task just completed")
	}
	if !e.has(`a[href="/zaken/` + caseID + `/taken/persoonlijk-plan-1"]`) {
		t.Errorf("the inbox does not list the next task: %s", e.rowsWith(resident))
	}
	e.checkA11y("taken na afronden")

	// The case page: resident, clocks with their legal citation, the trail.
	e.open("/zaken/" + caseID)
	if r := e.text(".resident"); !strings.Contains(r, resident) || !strings.Contains(r, "1 april 1950") {
		t.Errorf("resident block = %q", r)
	}
	if c := e.text("#termijnen-wettelijk + p + ul"); !strings.Contains(c, "Wmo 2015 art. 2.3.2 lid 2") {
		t.Errorf("legal terms without the citation: %q", c)
	}
	if tl := e.text(".timeline"); !strings.Contains(tl, "Taak opgepakt") || !strings.Contains(tl, "Taak afgerond") {
		t.Errorf("timeline = %q", tl)
	}
	e.screenshot("case")

	// Whose case it is lives only in encrypted payloads: not in the id, the search
	// attributes, the memo, the history's plain parts or the log.
	stored := e.plainText(caseID)
	if !strings.Contains(stored, "melding-1") {
		t.Fatalf("the history as read has no task ids; the check below would prove nothing")
	}
	for _, secret := range []string{"Testpersoon", "Teststraat", "1950-04-01"} {
		if strings.Contains(stored, secret) {
			t.Errorf("%q is readable in Temporal outside the encrypted payloads", secret)
		}
		if strings.Contains(e.logs.String(), secret) {
			t.Errorf("%q is in the log", secret)
		}
	}
	if !strings.Contains(e.logs.String(), caseID) {
		t.Error("the log has no line about the case; the check above would prove nothing")
	}
}

// TestManagerCountsAndSuspension: a teamleider's count of stalled cases goes up when a
// case stalls, and links to that list in the Temporal Web UI; a wijkcoach may not see the
// overview; at the aanvraag a wmo-consulent suspends and resumes the case with a reason
// (a missing reason comes back at its field).
func TestManagerCountsAndSuspension(t *testing.T) {
	e := start(t)
	e.signIn("dalfsen-teamleider")
	e.open("/overzicht")
	e.checkA11y("overzicht")
	stalled := func() (int, string) {
		cell := `[...document.querySelectorAll('section[aria-labelledby="p-wijkteam"] tbody tr')].find(r => r.cells[0].innerText.trim() === "Dalfsen" && r.cells[1].innerText.trim() === "alle stappen").cells[3]`
		n, err := strconv.Atoi(e.eval(cell + `.innerText.trim()`))
		if err != nil {
			t.Fatal(err)
		}
		return n, e.eval(cell + `.querySelector("a").href`)
	}
	before, _ := stalled()

	// A melding of seven weeks ago is past the six weeks of Wmo 2015 art. 2.3.2 as soon
	// as its triage is done.
	var v workflows.CaseView
	e.api(wijkcoach, "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam",
		"received": time.Now().AddDate(0, 0, -49).Format(time.DateOnly),
		"data":     map[string]any{"bron": "buren", "veiligheidsrisico": "geen", "jeugdige_betrokken": false, "leefgebieden": []string{"wonen"}, "naam": "Stil Gevaldeman (test)"}}, &v, 201)
	e.api(wijkcoach, "POST", "/cases/"+v.ID+"/tasks/melding-1/complete", map[string]any{"data": map[string]any{
		"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}}, &v, 200)
	e.eventually(func() error {
		var now workflows.CaseView
		e.api(wijkcoach, "GET", "/cases/"+v.ID, nil, &now, 200)
		if !now.Stalled || taskOf(now, "keukentafelgesprek") == nil {
			return fmt.Errorf("case not stalled at keukentafelgesprek yet: %v %v", now.ActiveSteps, now.Stalled)
		}
		return nil
	})
	var link string
	e.eventually(func() error {
		e.open("/overzicht")
		var n int
		n, link = stalled()
		if n != before+1 {
			return fmt.Errorf("stalled count %d, want %d", n, before+1)
		}
		return nil
	})
	u, err := url.Parse(link)
	if err != nil || !strings.HasPrefix(link, uiURL+"/namespaces/") {
		t.Fatalf("count links to %q", link)
	}
	if q := u.Query().Get("query"); !strings.Contains(q, `WijkGemeente = "dalfsen"`) || !strings.Contains(q, `WijkTeam = "dalfsen"`) || !strings.Contains(q, "WijkStalled = true") {
		t.Errorf("link query = %q", q)
	}
	if strings.Contains(link, "Gevaldeman") {
		t.Error("a name in a visibility query")
	}
	e.checkA11y("overzicht met vastgelopen zaak")
	e.screenshot("overview")

	// The onderzoek has no opschorting (Awb 4:15 governs the beslistermijn on an
	// aanvraag): the case goes on to the aanvraag, which the wmo-consulent suspends.
	e.api(wijkcoach, "POST", "/cases/"+v.ID+"/tasks/keukentafelgesprek-1/complete", map[string]any{"data": map[string]any{
		"verslag": "…", "eigen_kracht_toereikend": false, "veiligheidsrisico": "geen", "verslag_verstrekt": true}}, &v, 200)
	today := time.Now().Format(time.DateOnly)
	e.api(wijkcoach, "POST", "/cases/"+v.ID+"/tasks/plan-1/complete", map[string]any{"data": map[string]any{
		"doelen": "…", "evaluatiedatum": time.Now().AddDate(0, 3, 0).Format(time.DateOnly),
		"aanvraag_maatwerk": true, "aanvraag_ontvangen_op": today}}, &v, 200)
	e.submit(`form.signout button`, "h1")
	e.signIn("dalfsen-wijkcoach")
	e.open("/overzicht")
	e.at("Geen toegang", "geen toegang") // a wijkcoach opens the overview
	e.open("/melding")
	e.checkA11y("keuze van het proces")
	e.submit(`form.signout button`, "h1")
	e.signIn("dalfsen-wmo_consulent")
	e.open("/zaken/" + v.ID)
	e.eval(`document.querySelector('form[action$="/opschorten"]').noValidate = true; ""`)
	e.submit(`form[action$="/opschorten"] button`, "#opschort-reden-fout")
	if msg := e.text("#opschort-reden-fout"); !strings.Contains(msg, "is verplicht") {
		t.Errorf("suspend without a reason: %q", msg)
	}
	e.checkA11y("opschorten zonder reden")
	e.do("reason", chromedp.SendKeys(chromedp.CSS("#opschort-reden"), "Wacht op gegevens van de inwoner"))
	e.submit(`form[action$="/opschorten"] button`, `form[action$="/hervatten"]`)
	if s := e.text("#stand + dl"); !strings.Contains(s, "opgeschort") || !strings.Contains(s, "Wacht op gegevens") {
		t.Errorf("after suspending: %q", s)
	}
	e.checkA11y("opgeschorte zaak")
	e.submit(`form[action$="/hervatten"] button`, "p.flash")
	if f := e.text("p.flash"); !strings.Contains(f, "hervat") {
		t.Errorf("after resuming: %q", f)
	}
}

// TestAxeSeesViolations checks the checker: on a page with an image without text, a
// field without a label and grey on grey, axe-core reports each, so the empty lists on
// the app's pages mean something.
func TestAxeSeesViolations(t *testing.T) {
	e := start(t)
	e.do("bad page", chromedp.Navigate(`data:text/html,<!doctype html><html><head><title>x</title></head><body><main><h1>x</h1><img src="a.png"><input type="text"><p style="color:%23bbb;background:%23ccc">grijs</p></main></body></html>`))
	found := map[string]bool{}
	for _, v := range e.violations() {
		found[v.ID] = true
	}
	for _, id := range []string{"image-alt", "label", "color-contrast", "html-has-lang"} {
		if !found[id] {
			t.Errorf("axe did not report %s; it reported %v", id, found)
		}
	}
}

// TestWithoutJavaScript: with the page's scripts switched off, a worker still signs in,
// registers a melding, claims its task, gets the form back with a message at the field
// and completes it. (The test reads the page through DevTools, which scripts being off
// does not stop.)
func TestWithoutJavaScript(t *testing.T) {
	e := start(t)
	e.do("scripts off", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	e.signIn("dalfsen-wijkcoach")
	e.open("/melding?proces=wijkteam")
	e.do("fill the intake",
		chromedp.SendKeys(chromedp.CSS("#veld-naam"), "Zonder Script (test)"),
		chromedp.Click(chromedp.CSS("#veld-bron-0")),
		chromedp.Click(chromedp.CSS("#veld-veiligheidsrisico-0")),
		chromedp.Click(chromedp.CSS("#veld-jeugdige_betrokken-nee")),
		chromedp.Click(chromedp.CSS("#veld-leefgebieden-0")),
	)
	e.submit(`form.taskform button[type=submit]`, ".resident")
	caseID := strings.TrimPrefix(e.eval(`location.pathname`), "/zaken/")
	e.open("/taken?lijst=team")
	e.submit(`form[action="/zaken/`+caseID+`/taken/melding-1/claimen"] button`, "form.taskform")
	e.eval(`document.querySelector("form.taskform").noValidate = true; ""`)
	e.do("choose urgentie", chromedp.Click(chromedp.CSS("#veld-urgentie-0")))
	e.submit(`form.taskform button[type=submit]`, "#foutmeldingen")
	if msg := e.text("#veld-veiligheidsrisico-fout"); !strings.Contains(msg, "is verplicht") {
		t.Errorf("message at the field = %q", msg)
	}
	// app.js moves the focus to the summary; that it did not shows the scripts were off.
	if id := e.eval(`document.activeElement.id`); id == "foutmeldingen" {
		t.Fatal("the page's script ran: this test would not show the flow works without it")
	}
	e.do("answer the rest", chromedp.Click(chromedp.CSS("#veld-veiligheidsrisico-0")), chromedp.Click(chromedp.CSS("#veld-ontvangst_bevestigd-ja")))
	e.submit(`form.taskform button[type=submit]`, "p.flash")
	if !e.has(`a[href="/zaken/` + caseID + `/taken/persoonlijk-plan-1"]`) {
		t.Error("the next task is not listed")
	}
}
