package simulate

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDutchReport reads the ladder's late case off the Dutch report line by line: the
// path, each term met or late by how many days with its last day, what fired after
// how long, and the end in words.
func TestDutchReport(t *testing.T) {
	results := rehearse(t, parseLadder(t, ladder), "basis.scenarios.yaml", ladderScenarios)
	var out bytes.Buffer
	if n := WriteReport(&out, results); n != 1 {
		t.Errorf("%d problems, want 1 (the unused answer)", n)
	}
	want := `te laat, met plan
  Pad:
    gesprek → plan → klaar
  Termijnen:
    gesprek-1: te laat, 2 dagen (uiterlijk 16 maart 2026)
    plan-1: gehaald (uiterlijk 25 maart 2026)
  Herinneringen en opschalingen:
    +7 dagen: herinnering aan wijkcoach (gesprek-1)
    +14 dagen: opgeschaald naar teamleider (gesprek-1)
    +14 dagen: vastgelopen (gesprek-1)
  Einde:
    afgerond bij klaar, na 18 dagen
`
	if !strings.Contains(out.String(), want) {
		t.Errorf("report lacks the late case as\n%s\ngot:\n%s", want, out.String())
	}
	for _, line := range []string{
		"    gesprek-1: gehaald (uiterlijk 16 maart 2026)",
		"    afgerond bij klaar, na 3 dagen",
		"    gesprek-1: te laat, nog niet af (uiterlijk 16 maart 2026)",
		"    nog open na 4 weken, bij gesprek",
		"  Problemen:",
	} {
		if !strings.Contains(out.String(), line+"\n") {
			t.Errorf("report lacks the line %q:\n%s", line, out.String())
		}
	}
	for _, english := range []string{"met", "missed", "reminder", "escalated", "after"} {
		for _, line := range strings.Split(out.String(), "\n") {
			// Case names are the designer's; problems are still English (see Result.Problems).
			if strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "    the answer") && strings.Contains(" "+line+" ", " "+english+" ") {
				t.Errorf("English %q in the Dutch report: %q", english, line)
			}
		}
	}
}

// TestReportLinesFit gives a case a long name and a long path: every line stays within
// Width, the path wrapped at its arrows' words, indented under its heading.
func TestReportLinesFit(t *testing.T) {
	long := Result{Case: strings.Repeat("een heel lange naam voor een proefgeval ", 4),
		Path: strings.Fields(strings.Repeat("melding persoonlijk-plan keukentafelgesprek plan-route ", 4))}
	var out bytes.Buffer
	WriteReport(&out, []Result{long})
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > Width {
			t.Errorf("%d columns: %q", n, l)
		}
	}
	if len(lines) < 10 || !strings.HasPrefix(lines[1], "  voor een") || !strings.HasPrefix(lines[4], "      ") {
		t.Errorf("name and path not wrapped under their headings:\n%s", out.String())
	}
	if got := Wrap(strings.Repeat("x", Width+5), "  ", "  "); len(got) != 1 {
		t.Errorf("a word wider than a line is split: %q", got)
	}
}

// TestDutchComparison: the comparison the report prints names the part that changed
// and its old and new text in Dutch.
func TestDutchComparison(t *testing.T) {
	old, next := rehearseChange(t)
	var out bytes.Buffer
	if n := WriteComparisonReport(&out, old, next); n != 3 {
		t.Errorf("%d cases differ, want 3:\n%s", n, out.String())
	}
	for _, want := range []string{
		"te laat, met plan, verschil in termijnen:\n" +
			"  oud: gesprek-1: te laat, 2 dagen (uiterlijk 16 maart 2026); plan-1: gehaald (uiterlijk 25 maart\n" +
			"       2026)\n" +
			"  nieuw: gesprek-1: gehaald (uiterlijk 23 maart 2026); plan-1: gehaald (uiterlijk 25 maart 2026)\n",
		"3 van 3 proefgevallen verschillen\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("comparison lacks\n%s\ngot:\n%s", want, out.String())
		}
	}
}
