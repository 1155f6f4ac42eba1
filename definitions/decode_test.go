package definitions

import (
	"fmt"
	"github.com/wijkflow/wijkflow/definitions/law"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestDecodeShapes(t *testing.T) {
	src := head + `  a: &base
    kind: task
    title: Eerste
    role: wijkcoach
    deadline: 6 weken
    norm: {within: 10 werkdagen, from: case}
    extendable: 2w
    form:
      z_eerst: {type: bool}
      a_daarna: {type: choice, options: [ja, nee]}
    next: [{goto: b}]
  b:
    <<: *base
    title: Tweede
    next: [{goto: c}]
  c:
    kind: referral
    provider: ggz
    await: false
    next: [{goto: d}]
  d: {kind: end, result: klaar}
`
	d, issues := Parse("t.yaml", []byte(src))
	checkIssues(t, issues, nil)
	if d == nil {
		t.Fatal("no definition")
	}
	a, b, c := d.Steps.Step("a"), d.Steps.Step("b"), d.Steps.Step("c")
	tests := []struct {
		name      string
		got, want any
	}{
		{"step order", []string{d.Steps[0].ID, d.Steps[1].ID, d.Steps[2].ID, d.Steps[3].ID}, []string{"a", "b", "c", "d"}},
		{"form order and names", []string{a.Form[0].Name, a.Form[1].Name}, []string{"z_eerst", "a_daarna"}},
		{"bare deadline", *a.Deadline, Deadline{Within: law.Duration{N: 6, Unit: law.Week}}},
		{"deadline mapping", *a.Norm, Deadline{Within: law.Duration{N: 10, Unit: law.WorkingDay}, From: "case"}},
		{"duration", *a.Extendable, law.Duration{N: 2, Unit: law.Week}},
		{"merge keeps the base", b.Role, "wijkcoach"},
		{"merge lets keys override", b.Title, "Tweede"},
		{"merged next overridden", b.Next, []Transition{{Goto: "c"}}},
		{"await false", c.Await != nil && !*c.Await, true},
		{"await unset means true", a.Awaits(), true},
		{"calendar default", d.Calendar, "nl"},
		{"empty intake stays nil", d.Intake == nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %#v, want %#v", tt.got, tt.want)
			}
		})
	}
}

func TestDecodeFileShape(t *testing.T) {
	tests := []parseCase{
		{"empty", "", []string{"t.yaml:1:1: the file is empty; a definition starts with gemeente:, process:, title:, …"}},
		{"only a comment", "# niets\n", []string{"t.yaml:1:1: the file is empty; a definition starts with gemeente:, process:, title:, …"}},
		{"a list", "- a\n- b\n", []string{"t.yaml:1:1: a definition is a mapping of keys (gemeente:, process:, steps:, …), not a list"}},
		{"a scalar", "hallo\n", []string{`t.yaml:1:1: a definition is a mapping of keys (gemeente:, process:, steps:, …), not "hallo"`}},
		{"two documents", validYAML + "---\n" + validYAML, []string{"t.yaml:26:1: a file holds one definition; move the document after --- to a file of its own"}},
		{"syntax error", "gemeente: a\n  process: b\n", []string{"t.yaml:2:3: invalid YAML: this line is indented 2 spaces, deeper than the line before, which has its value already; indent it 0 spaces like that line, or end the line before with the key alone (key:)"}},
		{"a flow mapping over lines is not judged", "gemeente: {a: b,\n      c: d\n", []string{"t.yaml:2: invalid YAML: did not find expected ',' or '}'"}},
		{"tab indent", "gemeente: a\nsteps:\n\ta: b\n", []string{"t.yaml:3:1: invalid YAML: a tab indents this line; YAML indents with spaces only: replace the tab by spaces"}},
		{"too big", strings.Repeat("#", MaxFileSize+1), []string{"t.yaml: the file has 1048577 bytes; a definition may be at most 1048576"}},
		{"merge of a scalar", strings.Replace(validYAML, "  klaar: {kind: end, result: afgerond}", "  klaar: {<<: 5, kind: end, result: afgerond}", 1), []string{
			"t.yaml:25:15: steps.klaar: a merge key (<<) needs an alias of a mapping, like <<: *defaults",
		}},
	}
	checkParse(t, tests)
}

// TestDecodeAliasBomb feeds merge keys of merge keys ("billion laughs"): decoding must
// stop with an issue instead of expanding 10^10 entries.
func TestDecodeAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(head + "  m0: &m0 {kind: end, result: x}\n")
	for i := 1; i <= 10; i++ {
		prev := "*m" + strconv.Itoa(i-1)
		fmt.Fprintf(&b, "  m%d: &m%d {<<: [%s]}\n", i, i, strings.TrimSuffix(strings.Repeat(prev+", ", 10), ", "))
	}
	_, issues := Parse("t.yaml", []byte(b.String()))
	checkIssues(t, issues, []string{
		"t.yaml:13:7: steps.m5: the file expands to more than 300000 values; do anchors and aliases (*name) repeat each other?",
	})
}
