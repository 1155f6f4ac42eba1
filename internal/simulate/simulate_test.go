package simulate

import (
	"bytes"
	_ "embed"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

// TestShippedScenarios rehearses every shipped definition on the scenarios file beside
// it: each file has one, each sample case ends where it says (or is flagged), and no
// answer is refused or left unused. It is what `wijkflow simulate` runs, in CI.
func TestShippedScenarios(t *testing.T) {
	defs := testutil.Shipped(t)
	files := definitions.Files(testutil.ShippedDir())
	if len(files) != len(defs) || len(defs) == 0 {
		t.Fatalf("%d files for %d definitions", len(files), len(defs))
	}
	for i, def := range defs {
		name := filepath.Base(files[i])
		t.Run(name, func(t *testing.T) {
			var related []*definitions.Definition
			for _, d := range defs {
				if d.Gemeente == def.Gemeente && d.Process != def.Process {
					related = append(related, d)
				}
			}
			sc, issues := Load(filepath.Join(testutil.ShippedDir(), "scenarios", name), def, related)
			if len(issues) > 0 {
				t.Fatalf("scenarios: %v", issues)
			}
			expecting := 0
			for _, c := range sc.Cases {
				if c.Expect != "" {
					expecting++
				}
			}
			if len(sc.Cases) < 3 || expecting < 2 {
				t.Errorf("%d sample cases, %d with an expected end; ship at least three, two of them with expect:", len(sc.Cases), expecting)
			}
			var out bytes.Buffer
			if n := WriteTable(&out, Run(def, related, sc)); n > 0 {
				t.Errorf("%d problems:\n%s", n, out.String())
			}
		})
	}
}

// ladder is a small process with a deadline and an escalation ladder, to read the
// report's cells off exactly.
//
//go:embed testdata/ladder.yaml
var ladder string

const ladderScenarios = `cases:
  - name: op tijd
    intake: {risico: laag}
    answers:
      - {step: gesprek, after: 3d, data: {eigen_kracht: true}}
    expect: klaar
  - name: te laat, met plan
    intake: {risico: laag}
    answers:
      - {step: gesprek, after: 16d, data: {eigen_kracht: false}}
      - {step: plan, after: 2d, data: {doelen: "…"}}
    expect: klaar
  - name: blijft liggen
    until: 4w
    intake: {risico: hoog}
    answers:
      - {step: plan, after: 1d, data: {doelen: "…"}}
`

// rehearse runs the scenarios in src (a file named name) on def.
func rehearse(t *testing.T, def *definitions.Definition, name, src string) []Result {
	t.Helper()
	sc, issues := Parse(name, []byte(src), def, nil)
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	return Run(def, nil, sc)
}

func parseLadder(t *testing.T, src string) *definitions.Definition {
	t.Helper()
	d, issues := definitions.Parse("basis.yaml", []byte(src))
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	return d
}

func TestRunReportsPathDeadlinesEscalationsAndEnd(t *testing.T) {
	def := parseLadder(t, ladder)
	results := rehearse(t, def, "basis.scenarios.yaml", ladderScenarios)
	if len(results) != 3 {
		t.Fatalf("%d results", len(results))
	}
	type row struct{ path, deadlines, escalations, end string }
	want := []row{
		{"gesprek → klaar", "gesprek-1 met (2026-03-16)", "-", "afgerond at klaar after 3d"},
		{"gesprek → plan → klaar", "gesprek-1 missed (2026-03-16), plan-1 met (2026-03-25)",
			"+7d gesprek-1 reminder to wijkcoach; +14d gesprek-1 escalated to teamleider; +14d gesprek-1 stalled",
			"afgerond at klaar after 18d"},
		{"gesprek", "gesprek-1 missed (2026-03-16)",
			"+7d gesprek-1 reminder to wijkcoach; +14d gesprek-1 escalated to teamleider; +14d gesprek-1 stalled",
			"open after 4w at gesprek"},
	}
	for i, r := range results {
		p, d, e, end := r.Cells()
		if got := (row{p, d, e, end}); got != want[i] {
			t.Errorf("%s:\n got %+v\nwant %+v", r.Case, got, want[i])
		}
	}
	// The third case's answer to plan never came to use: flagged, like a missed end.
	if ps := results[2].Problems; len(ps) != 1 || !strings.Contains(ps[0], "the answer to plan (line 17) was never used: no such task was open then") {
		t.Errorf("problems of the third case = %q", ps)
	}
	var out bytes.Buffer
	if n := WriteTable(&out, results); n != 1 || !strings.Contains(out.String(), "CASE  ") {
		t.Errorf("table with %d problems:\n%s", n, out.String())
	}
}

// rehearseChange runs the ladder's scenarios on the ladder and on a version with three
// weeks for the gesprek instead of two: the late case is on time there.
func rehearseChange(t *testing.T) (old, next []Result) {
	t.Helper()
	changed := strings.Replace(strings.Replace(ladder, "within: 2w", "within: 3w", 1), "{after: 2w, to: teamleider", "{after: 3w, to: teamleider", 1)
	return rehearse(t, parseLadder(t, ladder), "basis.scenarios.yaml", ladderScenarios),
		rehearse(t, parseLadder(t, changed), "basis.scenarios.yaml", ladderScenarios)
}

func TestCompareShowsWhatAChangeDoes(t *testing.T) {
	old, next := rehearseChange(t)
	var out bytes.Buffer
	if n := WriteComparison(&out, old, next); n != 3 {
		t.Errorf("%d cases differ, want 3 (every deadline moved):\n%s", n, out.String())
	}
	flat := strings.Join(strings.Fields(out.String()), " ") // the table's padding aside
	for _, want := range []string{
		"te laat, met plan deadlines gesprek-1 missed (2026-03-16), plan-1 met (2026-03-25) gesprek-1 met (2026-03-23), plan-1 met (2026-03-25)",
		"te laat, met plan escalations +7d gesprek-1 reminder to wijkcoach; +14d gesprek-1 escalated to teamleider; +14d gesprek-1 stalled +7d gesprek-1 reminder to wijkcoach",
		"3 of 3 cases differ",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("comparison lacks %q:\n%s", want, out.String())
		}
	}
}

func TestScenarioProblemsAreLocated(t *testing.T) {
	def := parseLadder(t, ladder)
	src := `cases:
  - name: fout
    team: zuid
    intake: {risico: laag}
    answers:
      - {step: gesprk, after: 3d}
      - {step: plan, after: 3 maanden}
      - {step: plan, na: 3d}
    expect: plan
  - intake: {}
`
	_, issues := Parse("s.yaml", []byte(src), def, nil)
	var got []string
	for _, is := range issues {
		got = append(got, is.String())
	}
	want := []string{
		`s.yaml:3:11: cases[0].team: team "zuid" is not one of the definition's teams (noord)`,
		`s.yaml:6:16: cases[0].answers[0].step: "gesprk" is not a task step of basis`,
		`s.yaml:7:29: cases[0].answers[1].after: "3 maanden" is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)`,
		`s.yaml:8:22: cases[0].answers[2].na: unknown key "na"; write one of: process, step, event, after, data, suspend`,
		`s.yaml:9:13: cases[0].expect: "plan" is not an end step of basis`,
		`s.yaml:10:5: cases[1].name: is required: the name of the case in the report`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEveryShippedDefinitionHasScenarios(t *testing.T) {
	files, err := filepath.Glob("../../definitions/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("shipped definitions: %v", err)
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join("../../definitions/scenarios", filepath.Base(f))); err != nil {
			t.Errorf("%s has no scenarios file: %v", f, err)
		}
	}
}

// TestRefusedAnswerIsAProblem: an answer that breaks the form (here: the required field
// is missing, as after a change that added it) is refused by the workflow, the task stays
// open, and the report says so.
func TestRefusedAnswerIsAProblem(t *testing.T) {
	def := parseLadder(t, ladder)
	src := `cases:
  - name: veld ontbreekt
    until: 3w
    intake: {risico: laag}
    answers:
      - {step: gesprek, after: 1d, data: {}}
    expect: klaar
`
	r := rehearse(t, def, "s.yaml", src)[0]
	if r.End != "open after 3w at gesprek" || len(r.Problems) != 2 ||
		!strings.Contains(r.Problems[0], "the answer to gesprek-1 was refused") || !strings.Contains(r.Problems[0], "eigen_kracht: is required") ||
		r.Problems[1] != "expected to end at klaar" {
		t.Errorf("end %q, problems %q", r.End, r.Problems)
	}
}

// waitsForReply waits up to two weeks for a reply from outside.
//
//go:embed testdata/waits-for-reply.yaml
var waitsForReply string

func TestEventsFromOutside(t *testing.T) {
	def := parseLadder(t, waitsForReply)
	src := `cases:
  - name: antwoord op tijd
    intake: {}
    answers:
      - {step: vraag, after: 1d, data: {gesteld: true}}
      - {event: antwoord-aanbieder, after: 3d, data: {akkoord: true}}
    expect: klaar
  - name: geen antwoord
    intake: {}
    answers:
      - {step: vraag, after: 1d, data: {gesteld: true}}
    expect: te-laat
  - name: antwoord te laat
    intake: {}
    answers:
      - {step: vraag, after: 1d, data: {gesteld: true}}
      - {event: antwoord-aanbieder, after: 3w, data: {akkoord: true}}
`
	rs := rehearse(t, def, "s.yaml", src)
	if len(rs) != 3 {
		t.Fatalf("%d results", len(rs))
	}
	for i, want := range []string{"beantwoord at klaar after 4d", "geen_antwoord at te-laat after 15d", "geen_antwoord at te-laat after 15d"} {
		if rs[i].End != want {
			t.Errorf("%s: end %q, want %q", rs[i].Case, rs[i].End, want)
		}
	}
	if len(rs[0].Problems)+len(rs[1].Problems) > 0 {
		t.Errorf("problems: %q %q", rs[0].Problems, rs[1].Problems)
	}
	// The late reply comes after the wait timed out: nothing waits for it any more.
	if ps := rs[2].Problems; len(ps) != 1 || !strings.Contains(ps[0], "the event antwoord-aanbieder (line 17) was never delivered: nothing waited for it then") {
		t.Errorf("problems of the late reply: %q", ps)
	}
	if _, issues := Parse("s.yaml", []byte("cases:\n  - name: x\n    answers:\n      - {event: onbekend, after: 1d}\n"), def, nil); len(issues) != 1 ||
		issues[0].String() != `s.yaml:4:17: cases[0].answers[0].event: no wait step of antwoord waits for event "onbekend"` {
		t.Errorf("unknown event: %v", issues)
	}
}

func TestOpschortingMovesTheDeadline(t *testing.T) {
	def := parseLadder(t, strings.Replace(ladder, "    deadline: {within: 2w", "    suspendable: true\n    deadline: {within: 2w", 1))
	src := `cases:
  - name: opgeschort
    intake: {risico: laag}
    answers:
      - {step: gesprek, after: 2d, suspend: 1w}
      - {step: gesprek, after: 16d, data: {eigen_kracht: true}}
    expect: klaar
`
	r := rehearse(t, def, "s.yaml", src)[0]
	_, deadlines, escalations, end := r.Cells()
	// Without the week of opschorting the deadline (2026-03-16) would be missed on day 16.
	if !strings.HasPrefix(deadlines, "gesprek-1 met (2026-03-2") || !strings.Contains(escalations, "+2d suspended; +9d resumed") ||
		end != "afgerond at klaar after 16d" || len(r.Problems) > 0 {
		t.Errorf("deadlines %q, escalations %q, end %q, problems %q", deadlines, escalations, end, r.Problems)
	}
}

// TestScenarioFileShape: a scenarios file is read like every YAML file of wijkflow,
// each problem located.
func TestScenarioFileShape(t *testing.T) {
	def := parseLadder(t, ladder)
	tests := []struct{ name, src, want string }{
		{"empty", "", "s.yaml:1:1: the file is empty; a scenarios file starts with cases:"},
		{"no cases", "cases: []\n", "s.yaml:1:8: cases: holds no cases; add at least one"},
		{"cases not a list", "cases: {a: 1}\n", "s.yaml:1:8: cases: expected a list of cases, not a mapping"},
		{"start not a time", "start: morgen\ncases: [{name: x}]\n", "s.yaml:1:8: start: is not a time; write e.g. 2026-03-02T09:00:00+01:00"},
		{"a key twice", "cases:\n  - name: x\n    name: y\n", `s.yaml:3:5: cases[0].name: "name" is already defined on line 2; keep one`},
		{"data not a mapping", "cases:\n  - name: x\n    answers: [{step: gesprek, data: ja}]\n", `s.yaml:3:37: cases[0].answers[0].data: expected a mapping of form fields to values, not "ja"`},
		{"a tab", "cases:\n\t- name: x\n", "s.yaml:2:1: invalid YAML: a tab indents this line; YAML indents with spaces only: replace the tab by spaces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, issues := Parse("s.yaml", []byte(tt.src), def, nil)
			if got := issues.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
