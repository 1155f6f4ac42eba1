package definitions

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/cel-go/cel"
)

// exprTestConditions are the conditions over exprTestFields.
func exprTestConditions(tb testing.TB) *Conditions {
	tb.Helper()
	c, err := NewConditions(exprTestFields())
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// exprTestFields is a form with one field of every type.
func exprTestFields() Form {
	return Form{
		{Name: "veiligheidsrisico", Type: FieldChoice, Options: []string{"geen", "laag", "hoog"}},
		{Name: "eigen_kracht_toereikend", Type: FieldBool},
		{Name: "kinderen", Type: FieldNumber},
		{Name: "verslag", Type: FieldText},
		{Name: "evaluatiedatum", Type: FieldDate},
		{Name: "leefgebieden", Type: FieldChoices, Options: []string{"werk", "zorg", "wonen"}},
		{Name: "eigen-kracht", Type: FieldBool}, // not a CEL identifier: left out
	}
}

func TestAllFields(t *testing.T) {
	d := &Definition{
		Intake: Form{{Name: "bron", Type: FieldChoice}},
		Steps: Steps{
			{ID: "a", Form: Form{{Name: "risico", Type: FieldChoice}, {Name: "bron", Type: FieldText}}},
			{ID: "b"},
			{ID: "c", Form: Form{{Name: "verslag", Type: FieldText}}},
		},
	}
	got := AllFields(d)
	var names []string
	for _, f := range got {
		names = append(names, f.Name+":"+string(f.Type))
	}
	want := "bron:choice risico:choice verslag:text"
	if strings.Join(names, " ") != want {
		t.Fatalf("AllFields = %q, want %q", strings.Join(names, " "), want)
	}
}

func TestConditionsCheck(t *testing.T) {
	c := exprTestConditions(t)
	tests := []struct {
		expr, want string // want "" means valid
	}{
		{`veiligheidsrisico == "hoog"`, ""},
		{`eigen_kracht_toereikend`, ""},
		{`!eigen_kracht_toereikend && kinderen > 0`, ""},
		{`kinderen == 2`, ""},
		{`kinderen >= 1.5`, ""},
		{`kinderen in [1, 2, 3]`, ""},
		{`size(leefgebieden) == 2`, ""},
		{`"zorg" in leefgebieden`, ""},
		{`leefgebieden.exists(g, g == "werk")`, ""},
		{`evaluatiedatum < "2027-01-01"`, ""},
		{`verslag.contains("schuld")`, ""},
		{`veiligheidrisico == "hoog"`, `column 1: unknown field "veiligheidrisico"; did you mean "veiligheidsrisico"?`},
		{`eigen_kracht_toreikend`, `column 1: unknown field "eigen_kracht_toreikend"; did you mean "eigen_kracht_toereikend"?`},
		{`x == 1`, `column 1: unknown field "x"`},
		{`veiligheidsrisico == 1`, `column 19: == cannot be used with text and a number`},
		{`verslag`, `condition must be yes or no (true/false), but gives text`},
		{`kinderen + 1`, `condition must be yes or no (true/false), but gives a number`},
		{`veiligheidsrisico ==`, `column 21: syntax error: mismatched input the end`},
		{`veiligheidsrisico = "hoog"`, `column 19: write == instead of =`},
		{`kinderen > 0 and !eigen_kracht_toereikend`, `column 14: write && instead of and`},
		{`verslag == "a = b" or kinderen >= 1`, `column 20: write || instead of or`},
		{`verslag == "zeg \"not\"" OR kinderen <= 1`, `column 26: write || instead of OR`},
		{`  `, `condition is empty`},
		{strings.Repeat("a", 4001), `condition is longer than 4000 characters`},
		{`eigen-kracht`, `column 1: unknown field "eigen"; column 7: unknown field "kracht"`},
	}
	for _, tt := range tests {
		t.Run(tt.expr[:min(len(tt.expr), 40)], func(t *testing.T) {
			err := c.Check(tt.expr)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Check(%q) = %q, want %q", tt.expr, got, tt.want)
			}
		})
	}
}

func TestConditionsEval(t *testing.T) {
	c := exprTestConditions(t)
	data := map[string]any{
		"veiligheidsrisico":       "hoog",
		"eigen_kracht_toereikend": false,
		"kinderen":                float64(2),
		"evaluatiedatum":          "2026-12-01",
		"leefgebieden":            []any{"werk", "zorg"},
	}
	tests := []struct {
		name string
		expr string
		data map[string]any
		want bool
	}{
		{"choice", `veiligheidsrisico == "hoog"`, data, true},
		{"bool", `eigen_kracht_toereikend`, data, false},
		{"number int literal", `kinderen == 2`, data, true},
		{"number cross compare", `kinderen > 1`, data, true},
		{"number from int", `kinderen == 3`, map[string]any{"kinderen": 3}, true},
		{"number from json.Number", `kinderen == 2.5`, map[string]any{"kinderen": json.Number("2.5")}, true},
		{"date compare", `evaluatiedatum < "2027-01-01"`, data, true},
		{"choices in", `"zorg" in leefgebieden`, data, true},
		{"choices size", `size(leefgebieden) == 2`, data, true},
		{"missing text is empty", `verslag == ""`, data, true},
		{"missing bool is false", `!eigen_kracht_toereikend`, map[string]any{}, true},
		{"missing number is 0", `kinderen == 0`, nil, true},
		{"missing choices is empty", `size(leefgebieden) == 0`, nil, true},
		{"wrong type counts as missing", `kinderen == 0`, map[string]any{"kinderen": "twee"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Eval(tt.expr, tt.data)
			if err != nil {
				t.Fatalf("Eval(%q): %v", tt.expr, err)
			}
			if got != tt.want {
				t.Errorf("Eval(%q) = %v, want %v", tt.expr, got, tt.want)
			}
		})
	}
}

func TestConditionsEvalErrors(t *testing.T) {
	c := exprTestConditions(t)
	tests := []struct {
		name, expr, want string
	}{
		{"unchecked", `onbekend`, `column 1: unknown field "onbekend"`},
		{"cost limit", `[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, a+b+c+d+e > 0)))))`, `condition "[1,2,3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Eval(tt.expr, nil)
			if err == nil {
				t.Fatalf("Eval(%q) succeeded, want an error", tt.expr)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Eval(%q) = %q, want prefix %q", tt.expr, err, tt.want)
			}
		})
	}
}

func TestConditionsCache(t *testing.T) {
	c := exprTestConditions(t)
	for i := 0; i < 3; i++ {
		if _, err := c.Eval(`kinderen > 1`, nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(c.progs) != 1 {
		t.Errorf("cache holds %d programs, want 1", len(c.progs))
	}
	if c.Check(`onbekend`) == nil || len(c.progs) != 1 {
		t.Errorf("a failing condition must not be cached; cache holds %d", len(c.progs))
	}
}

func TestMeantName(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"plna", []string{"plan", "melding"}, `; did you mean "plan"?`},
		{"veiligheidrisico", []string{"veiligheidsrisico"}, `; did you mean "veiligheidsrisico"?`},
		{"x", []string{"bron"}, ``},
		{"plan", []string{"plan"}, ``},
		{"mx", []string{"max", "min"}, `; did you mean "max"?`},
		{"anything", nil, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meantName(tt.name, tt.candidates); got != tt.want {
				t.Errorf("meantName(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func BenchmarkConditionsEval(b *testing.B) {
	c := exprTestConditions(b)
	data := map[string]any{"veiligheidsrisico": "hoog", "kinderen": float64(2)}
	for b.Loop() {
		if _, err := c.Eval(`veiligheidsrisico == "hoog" && kinderen > 1`, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkConditionsCheck(b *testing.B) {
	c := exprTestConditions(b)
	for b.Loop() {
		c.progs = map[string]cel.Program{}
		if err := c.Check(`veiligheidsrisico == "hoog" && kinderen > 1`); err != nil {
			b.Fatal(err)
		}
	}
}
