package definitions

import (
	"testing"
)

// TestConditionalRulesAtRunTime: required_if and its kin are checked on the form's
// data (they used to pass silently), with the field named in the problem.
func TestConditionalRulesAtRunTime(t *testing.T) {
	form := Form{
		{Name: "besluit", Type: FieldChoice, Options: []string{"toegekend", "afgewezen"}, Required: true},
		{Name: "reden", Type: FieldText, Rules: "required_if=besluit afgewezen,max=20"},
		{Name: "bedrag", Type: FieldNumber, Rules: "required_unless=besluit afgewezen"},
		{Name: "telefoon", Type: FieldText},
		{Name: "bereikbaar", Type: FieldText, Rules: "required_with=telefoon"},
		{Name: "email", Type: FieldText, Rules: "required_without=telefoon"},
		{Name: "spoed", Type: FieldBool},
		{Name: "toelichting", Type: FieldText, Rules: "excluded_if=spoed true"},
		{Name: "gebieden", Type: FieldChoices, Options: []string{"werk", "zorg"}},
		{Name: "werkgever", Type: FieldText, Rules: "required_if=gebieden werk"},
	}
	tests := []struct {
		name string
		data map[string]any
		want []FieldProblem
	}{
		{"toegekend with an amount and a phone", map[string]any{"besluit": "toegekend", "bedrag": 10.0, "telefoon": "0612345678", "bereikbaar": "ochtend"}, nil},
		{"afgewezen without a reason", map[string]any{"besluit": "afgewezen", "email": "a@b.nl"}, []FieldProblem{
			{Field: "reden", Message: "is required when besluit is afgewezen"},
		}},
		{"the other rules still hold", map[string]any{"besluit": "afgewezen", "reden": "veel te lange reden om te geven", "email": "a@b.nl"}, []FieldProblem{
			{Field: "reden", Message: "must be at most 20 characters"},
		}},
		{"toegekend without an amount", map[string]any{"besluit": "toegekend", "email": "a@b.nl"}, []FieldProblem{
			{Field: "bedrag", Message: "is required unless besluit is afgewezen"},
		}},
		{"with and without", map[string]any{"besluit": "afgewezen", "reden": "x", "telefoon": "06"}, []FieldProblem{
			{Field: "bereikbaar", Message: "is required when telefoon is filled in"},
		}},
		{"neither phone nor email", map[string]any{"besluit": "afgewezen", "reden": "x"}, []FieldProblem{
			{Field: "email", Message: "is required when telefoon is empty"},
		}},
		{"excluded when spoed", map[string]any{"besluit": "afgewezen", "reden": "x", "email": "e", "spoed": true, "toelichting": "y"}, []FieldProblem{
			{Field: "toelichting", Message: "must be empty when spoed is true"},
		}},
		{"a choice among choices", map[string]any{"besluit": "afgewezen", "reden": "x", "email": "e", "gebieden": []any{"zorg", "werk"}}, []FieldProblem{
			{Field: "werkgever", Message: "is required when gebieden is werk"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckData(form, tt.data); problemsString(got) != problemsString(tt.want) {
				t.Errorf("CheckData = %v, want %v", got, tt.want)
			}
		})
	}
	for _, f := range form {
		if err := CheckRules(f); err != nil {
			t.Errorf("CheckRules(%s): %v", f.Name, err)
		}
	}
}

func TestConditionalRulesAtLoadTime(t *testing.T) {
	src := head + `  a:
    kind: task
    role: wijkcoach
    form:
      besluit: {type: choice, options: [ja, nee]}
      spoed: {type: bool}
      leeftijd: {type: number}
      a1: {type: text, rules: "required_if=besluit"}
      a2: {type: text, rules: "required_if=besluit nee spoed"}
      a3: {type: text, rules: "required_if=spoed ja"}
      a4: {type: text, rules: "required_if=leeftijd oud"}
      a5: {type: text, rules: "required_with=a5"}
      a6: {type: text, required: true, rules: "required_without=besluit"}
      a7: {type: text, rules: "max=3|required_with=spoed"}
      a8: {type: text, rules: "required_with"}
    next: [{goto: b}]
  b: {kind: end, result: x}
`
	_, issues := Parse("t.yaml", []byte(src))
	checkIssues(t, issues, []string{
		"t.yaml:15:31: steps.a.form.a1.rules: required_if=besluit needs pairs of a field and a value, like required_if=besluit afgewezen",
		"t.yaml:16:31: steps.a.form.a2.rules: required_if=besluit nee spoed needs pairs of a field and a value, like required_if=besluit afgewezen",
		`t.yaml:17:31: steps.a.form.a3.rules: required_if: spoed is a yes/no field: compare it with true or false, not "ja"`,
		`t.yaml:18:31: steps.a.form.a4.rules: required_if: leeftijd is a number field: compare it with a number, not "oud"`,
		"t.yaml:19:31: steps.a.form.a5.rules: required_with names the field itself; name another field of this form",
		"t.yaml:20:47: steps.a.form.a6.rules: required_without: the field is required: true already, always; remove required: true to require it only when besluit is empty",
		`t.yaml:21:31: steps.a.form.a7.rules: "max=3|required_with=spoed": a conditional rule cannot be one of several alternatives (|); write it as a rule of its own, separated by a comma`,
		"t.yaml:22:31: steps.a.form.a8.rules: required_with needs one or more fields, like required_with=telefoon",
	})
}
