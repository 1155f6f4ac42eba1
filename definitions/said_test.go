package definitions

import (
	"errors"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/words"
)

// TestEveryIssueSaid: the problems that used to be English only (the file as a whole,
// YAML syntax, unknown and duplicate keys, durations, conditions, form rules) carry a
// code, read in English exactly as their Message, and have a Dutch text.
func TestEveryIssueSaid(t *testing.T) {
	conditions := head + `  a:
    kind: task
    role: wijkcoach
    form: {risico: {type: choice, options: [laag, hoog]}, aantal: {type: number}}
    next:
      - {when: risco == 'hoog', goto: b}
      - {when: aantal, goto: b}
      - {when: risico ==, goto: b}
      - {when: aantal == 'veel', goto: b}
      - {when: ris-ico, goto: b}
      - goto: b
  b: {kind: end, result: x}
`
	rules := head + `  a:
    kind: task
    role: wijkcoach
    form:
      a: {type: text, rules: "mx=3"}
      b: {type: number, rules: "lte=oud"}
      c: {type: number, rules: "email"}
      d: {type: bool, rules: "min=2"}
      e: {type: date, rules: "max=3"}
      f: {type: choice, options: [x], rules: "max=3"}
      g: {type: text, required: true, rules: "required_if=a x"}
    deadline: 3 werkdagn
    next: [{goto: b}]
  b: {kind: end, result: x}
`
	sources := map[string]string{
		"conditions":    conditions,
		"rules":         rules,
		"empty":         "",
		"two":           "gemeente: a\n---\ngemeente: b\n",
		"list":          "- a\n",
		"tab":           "gemeente: a\nsteps:\n\tx: 1\n",
		"deeper":        "gemeente: a\n  process: b\n",
		"syntax":        "gemeente: [a\n",
		"keys":          head + "  a: {kind: end, result: x, reslt: y}\n  a: {kind: end}\n",
		"shape":         head + "  a: {kind: end, result: [x]}\n",
		"quoted bool":   head + "  a: {kind: task, role: wijkcoach, form: {x: {type: bool, required: 'true'}}, next: [{goto: b}]}\n  b: {kind: end, result: x}\n",
		"long duration": head + "  a: {kind: wait, for: " + strings.Repeat("x", 50) + ", next: [{goto: b}]}\n  b: {kind: end, result: x}\n",
	}
	for name, src := range sources {
		_, is := Parse("t.yaml", []byte(src))
		if len(is) == 0 {
			t.Errorf("%s: no issues", name)
		}
		for _, i := range is {
			switch {
			case i.Problem.Code == "":
				t.Errorf("%s: no code: %s", name, i)
			case i.In(words.EN) != i.String():
				t.Errorf("%s: from its code %q, as Message %q", name, i.In(words.EN), i.String())
			case i.In(words.NL) == i.String():
				t.Errorf("%s: no Dutch: %s", name, i)
			}
		}
	}
}

// TestConditionIssueInDutch: a condition's mistakes read in Dutch, all of them.
func TestConditionIssueInDutch(t *testing.T) {
	c := exprTestConditions(t)
	for expr, want := range map[string]string{
		`veiligheidsrisico == 1`:         `kolom 19: == kan niet gebruikt worden met text en a number`,
		`eigen-kracht`:                   `kolom 1: onbekend veld "eigen"`,
		`veiligheidrisico == "x"`:        `kolom 1: onbekend veld "veiligheidrisico"; bedoelde je "veiligheidsrisico"?`,
		`leefgebieden.exists(g, g == 1)`: `kolom 26: == kan niet gebruikt worden met text en a number`,
	} {
		var ce *ConditionError
		if !errorsAs(c.Check(expr), &ce) {
			t.Errorf("%s: no ConditionError", expr)
			continue
		}
		if got := ce.Problems[0].In(words.NL); got != want {
			t.Errorf("%s: got %q, want %q", expr, got, want)
		}
	}
	_, is := Parse("t.yaml", []byte(head+"  a: {kind: decision, next: [{when: ris-ico, goto: b}, {goto: b}]}\n  b: {kind: end, result: x}\n"))
	if len(is) != 1 || len(is[0].More) != 1 || !strings.HasSuffix(is[0].In(words.NL), `kolom 1: onbekend veld "ris"; kolom 5: onbekend veld "ico"`) {
		t.Errorf("a condition with two mistakes: %q", issueLines(is))
	}
}

// TestRulesTheValidatorKnows: a rule the validator knows is accepted although the
// suggestions do not list it, and an unknown one is refused on any type it may fit.
func TestRulesTheValidatorKnows(t *testing.T) {
	for _, f := range []Field{
		{Type: FieldText, Rules: "hexcolor"},
		{Type: FieldText, Rules: "omitempty,printascii,max=20"},
		{Type: FieldChoices, Options: []string{"a"}, Rules: "unique"},
	} {
		if err := CheckRules(&f); err != nil {
			t.Errorf("%s: %v", f.Rules, err)
		}
	}
	for _, typ := range []FieldType{FieldText, FieldNumber, FieldDate, FieldChoices} {
		f := Field{Type: typ, Rules: "zonnig"}
		var re *RulesError
		if !errorsAs(CheckRules(&f), &re) || re.Problem.Code != words.ProblemRuleUnknown {
			t.Errorf("%s: %v", typ, CheckRules(&f))
		}
	}
}

func errorsAs[T error](err error, target *T) bool { return errors.As(err, target) }
