package web

import (
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// TestCasePageBezwaartermijn: a running bezwaartermijn is the resident's legal term,
// shown under "Wettelijke termijnen" with its last day and article; a case without
// one has no such heading.
func TestCasePageBezwaartermijn(t *testing.T) {
	f := newFixture(t)
	f.signIn("coach-1")
	v := view("case-a", task("case-a", "melding-1", "melding", ""))
	v.DefinitionVersion = f.def.Version
	f.api.views["case-a"] = v
	if _, body, _ := f.get("/zaken/case-a"); strings.Contains(body, "Wettelijke termijnen") {
		t.Error("a case without a bezwaartermijn shows the heading")
	}
	v.Bezwaartermijnen = []workflows.BezwaarView{{Step: "bezwaartermijn", Title: "Bezwaartermijn", Event: "bezwaar",
		Due: time.Date(2026, 4, 14, 0, 0, 0, 0, time.UTC), LastDay: "2026-04-13"}}
	f.api.views["case-a"] = v
	_, body, _ := f.get("/zaken/case-a")
	want := `<h2 id="wettelijk">Wettelijke termijnen</h2>`
	if !strings.Contains(body, want) || !strings.Contains(body, "<dt>Bezwaartermijn</dt><dd>bezwaar kan tot en met 13 april 2026 <span class=\"law\">(Awb 6:7 en 6:8)</span></dd>") {
		t.Errorf("case page lacks the bezwaartermijn:\n%s", body)
	}
}
