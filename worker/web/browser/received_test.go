package browser

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// dd is the text of the definition beside the term dt on the page.
func (e *env) dd(dt string) string {
	return e.eval(`(() => { const t = [...document.querySelectorAll("dt")].find(d => d.innerText.trim() === ` +
		"`" + dt + "`" + `); return t ? t.nextElementSibling.innerText : "" })()`)
}

// TestLateMeldingOverdueAtOnce: a melding registered seven weeks after it came in shows
// "Gemeld op" with that day, and the onderzoek's six weeks from the melding (Wmo 2015
// art. 2.3.2) under Wettelijke termijnen, overdue, right after creation, while the case
// is still at the triage; the triage's 3 werkdagen sit under Interne afspraken. A date
// in the future comes back in Dutch at the field.
func TestLateMeldingOverdueAtOnce(t *testing.T) {
	e := start(t)
	e.open("/")
	e.signIn("dalfsen-wijkcoach")

	e.open("/melding?proces=wijkteam")
	today := time.Now().In(law.Amsterdam())
	if v := e.eval(`document.getElementById("veld-ontvangen").value`); v != today.Format(time.DateOnly) {
		t.Errorf("Datum van de melding defaults to %q, want today", v)
	}
	e.do("fill the intake",
		chromedp.SendKeys(chromedp.CSS("#veld-naam"), resident),
		chromedp.Click(chromedp.CSS("#veld-bron-0")),              // inwoner
		chromedp.Click(chromedp.CSS("#veld-veiligheidsrisico-0")), // geen
		chromedp.Click(chromedp.CSS("#veld-jeugdige_betrokken-nee")),
		chromedp.Click(chromedp.CSS("#veld-leefgebieden-3")), // zorg
	)
	// Tomorrow, past the browser's own check (max): the server's word at the field.
	e.eval(`document.getElementById("veld-ontvangen").value = "` + today.AddDate(0, 0, 1).Format(time.DateOnly) + `"; ""`)
	e.eval(`document.querySelector("form.taskform").noValidate = true; ""`)
	e.submit(`form.taskform button[type=submit]`, "#foutmeldingen")
	if msg := e.text("#veld-ontvangen-fout"); !strings.Contains(msg, "ligt in de toekomst") {
		t.Errorf("a melding from tomorrow: message at the field %q", msg)
	}
	if v := e.eval(`document.getElementById("veld-naam").value`); v != resident {
		t.Errorf("the form came back without what was typed: naam = %q", v)
	}
	e.checkA11y("melding uit de toekomst")

	received := today.AddDate(0, 0, -49)
	e.eval(`document.getElementById("veld-ontvangen").value = "` + received.Format(time.DateOnly) + `"; ""`)
	e.submit(`form.taskform button[type=submit]`, ".resident")
	if h := e.text("h1"); h != "Zaak van "+resident {
		t.Fatalf("after the melding: %q", h)
	}
	caseID := strings.TrimPrefix(e.eval(`location.pathname`), "/zaken/")
	want := words.Date(received, words.NL)
	if got := e.dd("Gemeld op"); got != want {
		t.Errorf("Gemeld op %q, want %q", got, want)
	}
	legal, internal := e.text("#termijnen-wettelijk + p + ul"), e.text("#termijnen-intern + p + ul")
	for _, w := range []string{"Keukentafelgesprek", "Wmo 2015 art. 2.3.2", "telt vanaf de melding", "termijn verstreken"} {
		if !strings.Contains(legal, w) {
			t.Errorf("Wettelijke termijnen lacks %q: %q", w, legal)
		}
	}
	if strings.Contains(legal, "Melding registreren") || !strings.Contains(internal, "Melding registreren") {
		t.Errorf("the triage's 3 werkdagen: legal %q, internal %q", legal, internal)
	}
	e.checkA11y("zaak van een late melding")
	e.screenshot("late-melding")

	e.open("/zaken/" + caseID + "/taken/melding-1")
	if p := e.text("#termijn ~ p.small:not(.hint)"); !strings.Contains(p, "Gemeld op "+want) {
		t.Errorf("task page: %q, without Gemeld op %s", p, want)
	}
	if legal := e.text("#termijnen-wettelijk + p + ul"); !strings.Contains(legal, "termijn verstreken") {
		t.Errorf("task page: Wettelijke termijnen %q", legal)
	}
	e.checkA11y("taak van een late melding")
}
