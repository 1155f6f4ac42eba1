package web

import (
	_ "embed"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// contextYAML has an intake with a fact that is not about the resident, and two task
// steps, so that the second has a previous step whose answers it may need.
//
//go:embed testdata/context.yaml
var contextYAML string

// TestTaskPageShowsWhatIsKnown: beside the form, the intake's and the previous step's
// answers under their labels, written as the case page writes them, and the case's open
// terms with their legal citation and norm; the resident's own fields stay in their block.
func TestTaskPageShowsWhatIsKnown(t *testing.T) {
	f := newFixtureWith(t, contextYAML)
	f.signIn("coach-1")
	opened := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	tk := task("case-a", "gesprek-1", "gesprek", "coach-1")
	tk.Opened, tk.Form = opened, f.def.Steps.Step("gesprek").Form
	norm := opened.Add(14 * 24 * time.Hour)
	tk.Norm = &norm
	other := task("case-a", "extra-1", "triage", "")
	other.Law = ""
	v := view("case-a", tk, other)
	v.Data = map[string]any{"naam": "Jan Jansen", "bsn": "000000012", "hulpvraag": "Hulp bij het huishouden",
		"gemeld_op": "2026-10-28", "urgentie": "hoog", "spoed": true, "verslag": "van een vorige keer"}
	v.Trail = []workflows.TrailEntry{
		{At: opened.Add(-time.Hour), Event: workflows.EventTaskCompleted, Step: "triage", Task: "triage-1"},
		{At: opened, Event: workflows.EventTaskOpened, Step: "gesprek", Task: "gesprek-1"},
		{At: opened.Add(time.Hour), Event: workflows.EventTaskCompleted, Step: "gesprek", Task: "later-1"},
	}
	f.api.views["case-a"] = v
	st, page, _ := f.get("/zaken/case-a/taken/gesprek-1")
	if st != http.StatusOK {
		t.Fatalf("task page: %d", st)
	}
	known := section(t, page, "bekend")
	for _, want := range []string{"<h2 id=\"bekend\">Wat we al weten</h2>", "<dt>Hulpvraag</dt><dd>Hulp bij het huishouden</dd>",
		"<dt>Melddatum</dt><dd>28 oktober 2026</dd>", "<dt>Urgentie</dt><dd>Hoog</dd>", "<dt>Spoed</dt><dd>ja</dd>"} {
		if !strings.Contains(known, want) {
			t.Errorf("Wat we al weten lacks %s:\n%s", want, known)
		}
	}
	// The resident's fields are in the resident block, not twice; a later completion
	// (after this task opened) is not the step that led here.
	for _, not := range []string{"000000012", "Jan Jansen", "Verslag"} {
		if strings.Contains(known, not) {
			t.Errorf("Wat we al weten shows %s:\n%s", not, known)
		}
	}
	terms := section(t, page, "termijn")
	if !strings.Contains(terms, "<h2 id=\"termijn\">Termijnen</h2>") {
		t.Errorf("no Termijnen:\n%s", terms)
	}
	for id, want := range map[string]string{
		"wettelijk": "<strong>Titel gesprek-1</strong> <span class=\"small\">(deze taak)</span>",
		"normen":    "uiterlijk 16 november 2026",
		"intern":    "<strong>Titel extra-1</strong>",
	} {
		if g := termGroupOf(t, page, id); !strings.Contains(g, want) {
			t.Errorf("%s lacks %s:\n%s", id, want, g)
		}
	}
}

// TestClaimLeadsToTheForm: Oppakken in the team list goes to the task's form, with the
// confirmation there, without a script.
func TestClaimLeadsToTheForm(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	f.api.views["case-a"] = view("case-a", task("case-a", "melding-1", "melding", ""))
	st, _, h := f.post("/zaken/case-a/taken/melding-1/claimen", url.Values{"csrf": {secret}, "nonce": {"n-1"}, "terug": {"/taken?lijst=team"}})
	loc := h.Get("Location")
	if st != http.StatusSeeOther || !strings.HasPrefix(loc, "/zaken/case-a/taken/melding-1?") || !strings.Contains(loc, "bericht=opgepakt") {
		t.Fatalf("claim: %d to %q, want the task's form", st, loc)
	}
	if c := f.api.lastCall(); !strings.HasPrefix(c, "POST /api/v1/cases/case-a/tasks/melding-1/claim ") {
		t.Errorf("claim sent %q", c)
	}
	f.api.views["case-a"] = view("case-a", task("case-a", "melding-1", "melding", "coach-1"))
	_, page, _ := f.get(loc)
	if !strings.Contains(page, `<p class="flash" role="status">U hebt de taak opgepakt.</p>`) || !strings.Contains(page, `class="taskform"`) {
		t.Errorf("the form after claiming lacks the confirmation or the form:\n%s", page)
	}
}

// section is the html of the page's section labelled by the heading with this id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<section aria-labelledby="` + id + `".*?</section>`).FindString(page)
	if m == "" {
		t.Fatalf("no section %q:\n%s", id, page)
	}
	return m
}
