package web

import (
	_ "embed"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// historyYAML asks veiligheidsrisico at intake, at triage and after the gesprek, each
// under its own label.
//
//go:embed testdata/history.yaml
var historyYAML string

// TestCasePageShowsAnswerHistory: a field asked three times shows each answer newest
// first, with the step's title, that step's label and the date, the last under its own
// label; a field answered once
// shows its answer alone, and so does a case started before answers were kept.
func TestCasePageShowsAnswerHistory(t *testing.T) {
	f := newFixtureWith(t, historyYAML)
	f.signIn("coach-1")
	day := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	v := view("case-a")
	v.Data = map[string]any{"naam": "Jan Jansen", "veiligheidsrisico": "hoog", "gemeld_op": "2026-10-28"}
	v.Answers = map[string][]workflows.Answer{"veiligheidsrisico": {
		{At: day, Value: "geen"},
		{Step: "triage", Task: "triage-1", At: day.AddDate(0, 0, 3), Value: "laag"},
		{Step: "gesprek", Task: "gesprek-1", At: day.AddDate(0, 0, 20), Value: "hoog"},
	}}
	f.api.views["case-a"] = v
	st, page, _ := f.get("/zaken/case-a")
	if st != http.StatusOK {
		t.Fatalf("case page: %d", st)
	}
	data := section(t, page, "gegevens")
	want := []string{
		"22 november 2026, Keukentafelgesprek: Veiligheid na het gesprek: <strong>Hoog</strong>",
		"5 november 2026, Triage: Veiligheidsrisico volgens triage: <strong>Laag</strong>",
		"2 november 2026, Melding: Zorgen over veiligheid bij de melding: <strong>Geen</strong>",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(data[at:], w)
		if i < 0 {
			t.Fatalf("history lacks %q after the newer answers:\n%s", w, data)
		}
		at += i + len(w)
	}
	if !strings.Contains(data, `aria-label="3 keer gevraagd, nieuwste eerst"`) {
		t.Errorf("history is not labelled:\n%s", data)
	}
	if strings.Count(data, `class="history`) != 1 || !strings.Contains(data, "<dt>Melddatum</dt><dd>28 oktober 2026</dd>") {
		t.Errorf("a field answered once shows a history, or lost its answer:\n%s", data)
	}

	if !strings.Contains(data, "<dt>Veiligheid na het gesprek</dt><dd>Hoog") {
		t.Errorf("the last answer is not under the label it was asked by:\n%s", data)
	}

	v.Answers = nil // a case started before answers were kept
	f.api.views["case-a"] = v
	_, page, _ = f.get("/zaken/case-a")
	data = section(t, page, "gegevens")
	if strings.Contains(data, `class="history`) || !strings.Contains(data, "<dt>Zorgen over veiligheid bij de melding</dt><dd>Hoog</dd>") {
		t.Errorf("an old case shows no history but its last answer:\n%s", data)
	}
}
