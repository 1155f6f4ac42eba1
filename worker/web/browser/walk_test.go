package browser

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// notDutch is what no page of the walk may show: the list in testdata/not-dutch.txt
// and the ids of the definition the walk runs on.
type notDutch struct {
	words []*regexp.Regexp
}

// wordRE matches s as whole words: not inside a longer word or id ("to" is not in
// "foto", "dalfsen" is not in "case-dalfsen1"), case-sensitive.
func wordRE(s string) *regexp.Regexp {
	const idChar = `\p{L}\p{N}_-`
	return regexp.MustCompile(`(^|[^` + idChar + `])` + regexp.QuoteMeta(s) + `($|[^` + idChar + `])`)
}

// loadNotDutch reads the list and adds the ids of def and of its demo users: the
// gemeente and team ids, the user ids, every step, role, field and option id that
// looks like code ("persoonlijk-plan", "wmo_consulent"), and the first task id of
// every task step ("melding-1").
func loadNotDutch(t *testing.T, def *definitions.Definition, users []auth.User) notDutch {
	t.Helper()
	f, err := os.Open("testdata/not-dutch.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var n notDutch
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "re "):
			n.words = append(n.words, regexp.MustCompile(strings.TrimPrefix(line, "re ")))
		default:
			n.words = append(n.words, wordRE(line))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	ids := append([]string{def.Gemeente}, def.Teams...)
	coded := func(id string) {
		if strings.ContainsAny(id, "_-") {
			ids = append(ids, id)
		}
	}
	for role := range def.Roles {
		coded(role)
	}
	for _, f := range definitions.AllFields(def) {
		coded(f.Name)
		for _, o := range f.Options {
			coded(o)
		}
	}
	for _, s := range def.Steps {
		coded(s.ID)
		if s.Kind == definitions.KindTask {
			ids = append(ids, s.ID+"-1")
		}
	}
	for _, u := range users {
		if u.Gemeente == def.Gemeente {
			ids = append(ids, u.ID)
		}
	}
	for _, id := range ids {
		n.words = append(n.words, wordRE(id))
	}
	return n
}

// scan fails the test for everything on the page (its title and visible text) that the
// list forbids, with a little of the text around it.
func (e *env) scan(n notDutch, page string) {
	e.t.Helper()
	text := e.eval(`document.title + "\n" + document.body.innerText`)
	for _, re := range n.words {
		for _, at := range re.FindAllStringIndex(text, 3) {
			from, to := max(0, at[0]-40), min(len(text), at[1]+40)
			e.t.Errorf("%s shows %q (%s): …%s…", page, strings.TrimSpace(text[at[0]:at[1]]), re, strings.ReplaceAll(text[from:to], "\n", " ⏎ "))
		}
	}
}

// visit checks a page the worker sees: axe-core, and no English or code ids.
func (e *env) visit(n notDutch, page string) {
	e.t.Helper()
	e.checkA11y(page)
	e.scan(n, page)
	e.screenshot("walk-" + strings.ReplaceAll(page, " ", "-"))
}

// TestWijkcoachDayInDutch is the wijkcoach's day in the browser, in Dutch and with the
// names people use: a melding, the claim that lands on the form with what is known,
// completing it, the next tasks, suspending and resuming the clock, and the teamleider's
// overview. Every page is checked by axe-core and scanned for English words and code
// ids (testdata/not-dutch.txt and the definition's own ids).
func TestWijkcoachDayInDutch(t *testing.T) {
	e := start(t)
	defs := testutil.Shipped(t)
	var def *definitions.Definition
	for _, d := range defs {
		if d.Gemeente == "dalfsen" && d.Process == "wijkteam" {
			def = d
		}
	}
	if def == nil {
		t.Fatal("the shipped definitions have no dalfsen/wijkteam")
	}
	n := loadNotDutch(t, def, auth.DemoUsers(defs))
	if len(n.words) < 40 {
		t.Fatalf("only %d things to look for; the scan would prove little", len(n.words))
	}

	e.open("/")
	e.visit(n, "aanmelden")
	e.signIn("dalfsen-wijkcoach")
	e.at("Mijn taken", "mijn taken")
	e.scan(n, "mijn taken")

	// The melding, from a source whose id reads badly (veilig_thuis).
	e.open("/melding")
	e.visit(n, "keuze van het proces")
	e.open("/melding?proces=wijkteam")
	e.visit(n, "nieuwe melding")
	const name = "Dag Nederlands (test)"
	e.do("fill the intake",
		chromedp.SendKeys(chromedp.CSS("#veld-naam"), name),
		chromedp.Click(chromedp.CSS("#veld-bron-6")), // veilig_thuis
		chromedp.Click(chromedp.CSS("#veld-veiligheidsrisico-0")),
		chromedp.Click(chromedp.CSS("#veld-jeugdige_betrokken-nee")),
		chromedp.Click(chromedp.CSS("#veld-leefgebieden-3")),
	)
	if l := e.text(`label[for="veld-bron-6"]`); l != "Veilig Thuis" {
		t.Errorf("the option veilig_thuis reads %q, want its label Veilig Thuis", l)
	}
	// The melding came in seven weeks ago: the case is past its Wmo term at once.
	e.eval(`document.querySelector('input[name="received"]').value = "` + time.Now().AddDate(0, 0, -49).Format(time.DateOnly) + `"; ""`)
	e.submit(`form.taskform button[type=submit]`, ".resident")
	caseID := strings.TrimPrefix(e.eval(`location.pathname`), "/zaken/")
	if !e.has(".badge.late") {
		t.Errorf("a melding of seven weeks ago is not shown past its term at once:\n%s", e.text("main"))
	}
	e.visit(n, "zaak na melding")

	// The team's list names the team, not its id.
	e.open("/taken?lijst=team")
	if row := e.rowsWith(name); !strings.Contains(row, "team Dalfsen") {
		t.Errorf("team inbox row = %q, want the team by its name", row)
	}
	e.visit(n, "taken van het team")

	// Oppakken lands on the form, with what the melding said beside it.
	e.submit(`form[action="/zaken/`+caseID+`/taken/melding-1/claimen"] button`, "form.taskform")
	if loc := e.eval(`location.pathname`); loc != "/zaken/"+caseID+"/taken/melding-1" {
		t.Fatalf("after Oppakken the worker is at %q, not at the form", loc)
	}
	if known := e.text("#bekend + dl"); !strings.Contains(known, "Veilig Thuis") {
		t.Errorf("Wat we al weten = %q, without the melding's source by its label", known)
	}
	e.visit(n, "taak melding")
	e.do("answer the melding",
		chromedp.Click(chromedp.CSS("#veld-urgentie-0")),
		chromedp.Click(chromedp.CSS("#veld-veiligheidsrisico-0")),
		chromedp.Click(chromedp.CSS("#veld-ontvangst_bevestigd-ja")))
	e.submit(`form.taskform button[type=submit]`, "p.flash")
	e.visit(n, "taken na afronden")

	// A melding of seven weeks ago: the resident's seven days for a persoonlijk plan
	// have long passed, so the keukentafelgesprek is next. Claimed from its own page.
	e.open("/zaken/" + caseID + "/taken/keukentafelgesprek-1")
	e.submit(`form[action$="/keukentafelgesprek-1/claimen"] button`, "form.taskform")
	if p := e.eval(`[...document.querySelectorAll("p.small")].map(p => p.innerText).join(" | ")`); !strings.Contains(p, "team Dalfsen") || !strings.Contains(p, "opgepakt door u") {
		t.Errorf("task page says %q", p)
	}
	e.visit(n, "taak keukentafelgesprek")

	// The onderzoek has no opschorting (Awb 4:15 governs the beslistermijn on an
	// aanvraag): the gesprek and the plan are done, and the wmo-consulent suspends the
	// aanvraag and resumes it; the trail says it in words, by whom.
	var v struct{ ID string }
	e.api(wijkcoach, "POST", "/cases/"+caseID+"/tasks/keukentafelgesprek-1/complete", map[string]any{"data": map[string]any{
		"verslag": "…", "eigen_kracht_toereikend": false, "veiligheidsrisico": "geen", "verslag_verstrekt": true}}, &v, 200)
	e.api(wijkcoach, "POST", "/cases/"+caseID+"/tasks/plan-1/complete", map[string]any{"data": map[string]any{
		"doelen": "…", "evaluatiedatum": time.Now().AddDate(0, 3, 0).Format(time.DateOnly),
		"aanvraag_maatwerk": true, "aanvraag_ontvangen_op": time.Now().Format(time.DateOnly)}}, &v, 200)
	e.submit(`form.signout button`, "h1")
	e.signIn("dalfsen-wmo_consulent")
	e.open("/zaken/" + caseID)
	if hint := e.text(`p[id$="-hint"][id^="duur-"]`); !strings.Contains(hint, "Hoogstens 2 weken") {
		t.Errorf("extension hint = %q, want the longest extension in words", hint)
	}
	e.do("reason", chromedp.SendKeys(chromedp.CSS("#opschort-reden"), "Wacht op gegevens van de inwoner"))
	e.submit(`form[action$="/opschorten"] button`, `form[action$="/hervatten"]`)
	e.visit(n, "opgeschorte zaak")
	e.submit(`form[action$="/hervatten"] button`, "p.flash")
	tl := e.text(".timeline")
	for _, want := range []string{"Opgeschort: Wacht op gegevens van de inwoner", "Hervat na minder dan een dag opschorting", "door Demo Wmo-consulent Dalfsen"} {
		if !strings.Contains(tl, want) {
			t.Errorf("the trail lacks %q:\n%s", want, tl)
		}
	}
	e.visit(n, "zaak na hervatten")

	// The teamleider's overview names teams and steps.
	e.submit(`form.signout button`, "h1")
	e.signIn("dalfsen-teamleider")
	e.open("/overzicht")
	e.visit(n, "overzicht")
}
