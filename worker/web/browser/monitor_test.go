package browser

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// TestMonitorPage is the teamleider's question "hoe doen we het met onze termijnen?":
// a case closed on time and one open past the six weeks show in the monitor's tables
// and charts, each figure opens the list of its cases, and axe-core finds nothing on
// either page.
func TestMonitorPage(t *testing.T) {
	e := start(t)
	// Closed with eigen kracht on the day it came in.
	var v workflows.CaseView
	intake := map[string]any{"bron": "buren", "veiligheidsrisico": "geen", "jeugdige_betrokken": false, "leefgebieden": []string{"wonen"}, "naam": "Monitor Testpersoon (test)"}
	e.api(wijkcoach, "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": intake}, &v, 201)
	e.api(wijkcoach, "POST", "/cases/"+v.ID+"/tasks/melding-1/complete", map[string]any{"data": map[string]any{
		"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}}, &v, 200)
	e.api(wijkcoach, "POST", "/cases/"+v.ID+"/tasks/persoonlijk-plan-1/complete", map[string]any{"data": map[string]any{"persoonlijk_plan": "ontvangen"}}, &v, 200)
	e.api(wijkcoach, "POST", "/cases/"+v.ID+"/tasks/keukentafelgesprek-1/complete", map[string]any{"data": map[string]any{
		"verslag": "Gesprek gevoerd.", "eigen_kracht_toereikend": true, "veiligheidsrisico": "geen", "verslag_verstrekt": true}}, &v, 200)
	// Open, received seven weeks ago: past the six weeks of Wmo 2015 art. 2.3.2.
	var late workflows.CaseView
	e.api(wijkcoach, "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam",
		"received": time.Now().AddDate(0, 0, -49).Format(time.DateOnly), "data": intake}, &late, 201)
	e.api(wijkcoach, "POST", "/cases/"+late.ID+"/tasks/melding-1/complete", map[string]any{"data": map[string]any{
		"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}}, &late, 200)

	e.signIn("dalfsen-teamleider")
	cell := func(section, label string) string {
		return e.eval(fmt.Sprintf(`(() => { const r = [...document.querySelectorAll('section[aria-labelledby="m-%s"] tbody tr')].find(r => r.cells[0].innerText.trim() === %q); return r ? r.cells[1].innerText.trim() : "" })()`, section, label))
	}
	e.eventually(func() error {
		e.open("/monitor")
		if o, c := cell("zaken", "open"), cell("zaken", "afgesloten in de periode"); o != "1" || c != "1" {
			return fmt.Errorf("open %q closed %q", o, c)
		}
		if n := cell("wettelijk", "Wmo 2015 art. 2.3.2 lid 1: open, verstreken"); n != "1" {
			return fmt.Errorf("past the six weeks: %q", n)
		}
		return nil
	})
	e.at("Monitor: hoe doen we het?", "monitor")
	if got := cell("wettelijk", "Wmo 2015 art. 2.3.2 lid 1: gehaald"); got != "1" {
		t.Errorf("six weeks met: %q", got)
	}
	if n := e.eval(`String(document.querySelectorAll('svg[role="img"] title').length)`); n == "0" {
		t.Error("no charts")
	}
	if page := e.eval(`document.body.innerText`); strings.Contains(page, "Testpersoon") || strings.Contains(page, "Gesprek gevoerd") {
		t.Error("the monitor shows personal data")
	}
	e.screenshot("monitor")

	// The figure opens the list of its cases, which links to the case page.
	e.open(e.eval(`[...document.querySelectorAll('section[aria-labelledby="m-wettelijk"] tbody tr')].find(r => r.cells[0].innerText.trim() === "Wmo 2015 art. 2.3.2 lid 1: open, verstreken").cells[1].querySelector("a").getAttribute("href")`))
	e.at("Zaken achter het cijfer (1)", "zaken achter het cijfer")
	if href := e.eval(`document.querySelector("ul.cases a").getAttribute("href")`); href != "/zaken/"+late.ID {
		t.Errorf("the list links to %q, want the late case %s", href, late.ID)
	}
}
