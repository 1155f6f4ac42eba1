package definitions

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// TestLawTermInDutch: the issue's own example, said to a Dutch process designer, with
// the statutory term, this file's term and where each counts from, and the source.
func TestLawTermInDutch(t *testing.T) {
	src := head + `  a:
    kind: task
    role: wijkcoach
    deadline: {within: 8w, from: step, law: "Wmo 2015 art. 2.3.2 lid 1"}
    norm: {within: 3w, from: case, law: "Verordening art. 3"}
    form: {x: {type: bool}}
    next: [{goto: b}]
  b:
    kind: task
    role: wijkcoach
    deadline: {within: 3w, from: case, law: "Verordening art. 3"}
    form: {y: {type: bool}}
    next: [{goto: c}]
  c: {kind: end, result: x}
`
	_, issues := Parse("t.yaml", []byte(src))
	var said []string
	for _, i := range issues {
		said = append(said, i.In(words.NL))
	}
	want := []string{
		"t.yaml:11:24: steps.a.deadline.within: Wmo 2015 art. 2.3.2 lid 1 is 6 weken vanaf de melding; " +
			"hier 8 weken vanaf de stap; schrijf de wettelijke termijn, within: 6w, from: case " +
			"(zie https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.3.2&lid=1); " +
			"een strengere eigen termijn hoort onder norm:",
		// A norm's law: is a problem of its own; an unknown citation is none.
		"t.yaml:12:36: steps.a.norm.law: een norm is de eigen servicenorm van het team, geen wettelijke termijn, " +
			"dus law: betekent hier niets; zet law: bij de deadline (de wettelijke termijn) of haal het weg",
	}
	if strings.Join(said, "\n") != strings.Join(want, "\n") {
		t.Errorf("said:\n%s\nwant:\n%s", strings.Join(said, "\n"), strings.Join(want, "\n"))
	}
}

// TestShippedCitationsInCatalogue: every law: the shipped definitions cite is a term
// the validator knows, so none of them escapes the check.
func TestShippedCitationsInCatalogue(t *testing.T) {
	n := 0
	for _, d := range loadShipped(t) {
		for _, s := range d.Steps {
			if s.Deadline == nil {
				continue
			}
			cites := []string{s.Deadline.Law}
			for _, c := range s.Deadline.Cases {
				cites = append(cites, c.Law)
			}
			for _, c := range cites {
				if c == "" {
					continue
				}
				n++
				if _, ok := law.Cited(c); !ok {
					t.Errorf("%s/%s %s: %q is not in the catalogue (definitions/law/articles.go)", d.Gemeente, d.Process, s.ID, c)
				}
			}
		}
	}
	if n == 0 {
		t.Error("the shipped definitions cite no law")
	}
}

var updateLawTable = flag.Bool("update-law-table", false, "rewrite the catalogue's table in README.md")

// The marks around the catalogue's table in README.md.
const (
	lawTableStart = "<!-- law catalogue: generated from definitions/law/articles.go by TestReadmeLawTable -->\n"
	lawTableEnd   = "<!-- end of law catalogue -->\n"
)

// TestReadmeLawTable keeps the designer guide's table of the terms the validator knows
// equal to the catalogue; run with -update-law-table to rewrite it.
func TestReadmeLawTable(t *testing.T) {
	readmeTable(t, lawTableStart, lawTableEnd, lawTable(), *updateLawTable,
		"go test ./definitions -run TestReadmeLawTable -update-law-table")
}

// readmeTable checks that README.md holds want between the marks start and end, or
// with update rewrites it there; rerun says how to update it.
func readmeTable(t *testing.T, start, end, want string, update bool, rerun string) {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(readme), start)
	got, after, ok2 := strings.Cut(rest, end)
	if !ok || !ok2 {
		t.Fatalf("README.md has no %q … %q marks", start, end)
	}
	if got == want {
		return
	}
	if update {
		if err := os.WriteFile("README.md", []byte(before+start+want+end+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's table after %q is stale; run\n  %s\n--- README ---\n%s--- now ---\n%s", start, rerun, got, want)
}

// lawTable renders the catalogue as the guide's Markdown table.
func lawTable() string {
	from := map[law.Start]string{
		law.FromMelding:             "the melding (`from: case`)",
		law.FromAanvraag:            "receipt of the aanvraag (any `from:`)",
		law.FromVerzoek:             "the verzoek (any `from:`)",
		law.FromBekendmaking:        "the bekendmaking of the besluit (a date field or a step, not `case`)",
		law.FromEindeBezwaartermijn: "the day after the bezwaartermijn ended (`from: <wait step>.end`)",
	}
	yes := map[bool]string{true: "yes", false: "no"}
	var b strings.Builder
	b.WriteString("| `law:` | what | term | counted from | opschorting (Awb 4:15) | verlenging (Awb 4:14) | source |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, a := range law.Articles() {
		cite := "`" + a.Cite + "`"
		for _, c := range a.Also {
			cite += "<br>`" + c + "`"
		}
		term, suspend, extend := "none of its own", "—", "—" // it changes another term
		if !a.Term.IsZero() {
			term = words.Duration(a.Term.String(), words.EN) + " (`" + a.Term.String() + "`)"
			suspend, extend = yes[a.Suspendable], yes[a.Extendable]
		}
		b.WriteString("| " + strings.Join([]string{cite, a.What, term, from[a.From],
			suspend, extend, "[wetten.overheid.nl](" + a.Source + ")"}, " | ") + " |\n")
	}
	return b.String()
}
