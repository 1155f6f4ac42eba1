package web

import (
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/workflows"
)

// termGroupOf is the list of terms under one heading of a page, from its heading to
// the end of its list; the test fails when the page has no such heading.
func termGroupOf(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `<h3 id="termijnen-`+id+`">`)
	if i < 0 {
		t.Errorf("no heading termijnen-%s", id)
		return ""
	}
	j := strings.Index(page[i:], "</ul>")
	return page[i : i+j]
}

// TestTermsUnderTheirHeadings: the case page shows when the melding came in ("Gemeld
// op", the receipt date, not the start), a term from the melding for a step not reached
// yet as overdue under Wettelijke termijnen from the first moment, the norm under
// Normen, and the melding's own 3 werkdagen (no law:) under Interne afspraken only.
func TestTermsUnderTheirHeadings(t *testing.T) {
	f := newFixture(t)
	f.signIn("coach-1")
	received := time.Date(2026, 10, 15, 0, 0, 0, 0, law.Amsterdam())
	due := time.Date(2026, 11, 27, 0, 0, 0, 0, law.Amsterdam()) // the end of 26 November
	norm := time.Date(2026, 11, 6, 0, 0, 0, 0, law.Amsterdam())
	tk := task("case-a", "melding-1", "melding", "coach-1")
	tk.Law = "" // an internal agreement
	v := view("case-a", tk)
	v.Received, v.Started = received, time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	v.Clocks = []workflows.ClockView{
		{Kind: "deadline", Steps: []string{"gesprek"}, Title: "Keukentafelgesprek", Law: "Wmo 2015 art. 2.3.2 lid 1", Within: "6w", Due: due, Overdue: true},
		{Kind: "norm", Steps: []string{"gesprek"}, Title: "Keukentafelgesprek", Within: "3w", Due: norm},
	}
	f.api.views["case-a"] = v
	for _, path := range []string{"/zaken/case-a", "/zaken/case-a/taken/melding-1"} {
		_, page, _ := f.get(path)
		if !strings.Contains(page, "Gemeld op") || !strings.Contains(page, "15 oktober 2026") {
			t.Errorf("%s: no Gemeld op 15 oktober 2026", path)
		}
		legal := termGroupOf(t, page, "wettelijk")
		for _, want := range []string{"<strong>Keukentafelgesprek</strong>", `class="late">uiterlijk 26 november 2026</time>`,
			"(Wmo 2015 art. 2.3.2 lid 1)", "telt vanaf de melding", "termijn verstreken"} {
			if !strings.Contains(legal, want) {
				t.Errorf("%s: Wettelijke termijnen lacks %s:\n%s", path, want, legal)
			}
		}
		if strings.Contains(legal, "Titel melding-1") {
			t.Errorf("%s: the melding's internal agreement under Wettelijke termijnen:\n%s", path, legal)
		}
		if g := termGroupOf(t, page, "normen"); !strings.Contains(g, "uiterlijk 5 november 2026") || strings.Contains(g, "verstreken") {
			t.Errorf("%s: Normen:\n%s", path, g)
		}
		if g := termGroupOf(t, page, "intern"); !strings.Contains(g, "<strong>Titel melding-1</strong>") {
			t.Errorf("%s: Interne afspraken:\n%s", path, g)
		}
	}
	_, page, _ := f.get("/zaken/case-a")
	if strings.Contains(page, "Wettelijke termijn</th>") {
		t.Error("the case page's task table still has a legal column for every deadline")
	}
}
