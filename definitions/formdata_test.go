package definitions

import (
	"encoding/json"
	"fmt"
	"testing"
)

// formdataTestForm is the kind of form a keukentafelgesprek collects.
func formdataTestForm() Form {
	return Form{
		{Name: "verslag", Type: FieldText, Required: true, Rules: "max=20"},
		{Name: "risico", Type: FieldChoice, Options: []string{"geen", "laag", "hoog"}, Required: true},
		{Name: "eigen_kracht", Type: FieldBool, Required: true},
		{Name: "leeftijd", Type: FieldNumber, Rules: "gte=0,lte=120"},
		{Name: "evaluatie", Type: FieldDate},
		{Name: "gebieden", Type: FieldChoices, Options: []string{"werk", "zorg", "wonen"}, Rules: "max=2"},
		{Name: "email", Type: FieldText, Rules: "omitempty,email"},
	}
}

// problemsString renders problems compactly for comparison.
func problemsString(ps []FieldProblem) string {
	s := ""
	for _, p := range ps {
		s += fmt.Sprintf("%s: %s\n", p.Field, p.Message)
	}
	return s
}

func TestCheckData(t *testing.T) {
	valid := func() map[string]any {
		return map[string]any{"verslag": "gesprek gevoerd", "risico": "laag", "eigen_kracht": false}
	}
	with := func(kv ...any) map[string]any {
		m := valid()
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i+1] == nil {
				delete(m, kv[i].(string))
				continue
			}
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name string
		data map[string]any
		want string
	}{
		{"valid", valid(), ""},
		{"all optional filled", with("leeftijd", 42.0, "evaluatie", "2027-02-28", "gebieden", []any{"werk", "zorg"}, "email", "a@b.nl"), ""},
		{"false is an answer", with("eigen_kracht", false), ""},
		{"empty data", map[string]any{}, "verslag: is required\nrisico: is required\neigen_kracht: is required\n"},
		{"nil data", nil, "verslag: is required\nrisico: is required\neigen_kracht: is required\n"},
		{"blank text", with("verslag", "   "), "verslag: is required\n"},
		{"null value", with("risico", nil, "eigen_kracht", nil), "risico: is required\neigen_kracht: is required\n"},
		{"too long", with("verslag", "dit verslag is veel te lang"), "verslag: must be at most 20 characters\n"},
		{"text not a string", with("verslag", 12.0), "verslag: must be text\n"},
		{"choice not an option", with("risico", "middel"), "risico: must be one of: geen, laag, hoog\n"},
		{"bool as string", with("eigen_kracht", "ja"), "eigen_kracht: must be yes or no (true or false)\n"},
		{"number as string", with("leeftijd", "42"), "leeftijd: must be a number\n"},
		{"number too high", with("leeftijd", 130.0), "leeftijd: must be at most 120\n"},
		{"number too low", with("leeftijd", -1.0), "leeftijd: must be at least 0\n"},
		{"number as json.Number", with("leeftijd", json.Number("42")), ""},
		{"number as int", with("leeftijd", 42), ""},
		{"date wrong form", with("evaluatie", "28-02-2027"), "evaluatie: must be a date written as YYYY-MM-DD, e.g. 2026-11-25\n"},
		{"date impossible", with("evaluatie", "2027-02-30"), "evaluatie: must be an existing date written as YYYY-MM-DD, e.g. 2026-11-25\n"},
		{"choices not a list", with("gebieden", "werk"), "gebieden: must be a list of: werk, zorg, wonen\n"},
		{"choices bad item", with("gebieden", []any{"werk", "geld"}), "gebieden: \"geld\" is not one of: werk, zorg, wonen\n"},
		{"choices too many", with("gebieden", []any{"werk", "zorg", "wonen"}), "gebieden: must be at most 2 items\n"},
		{"choices empty optional", with("gebieden", []any{}), ""},
		{"email", with("email", "geen-adres"), "email: must be an email address\n"},
		{"unknown keys sorted after", with("zzz", 1.0, "aaa", "x", "risico", "middel"), "risico: must be one of: geen, laag, hoog\naaa: is not a field of this form\nzzz: is not a field of this form\n"},
	}
	form := formdataTestForm()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemsString(CheckData(form, tt.data))
			if got != tt.want {
				t.Errorf("CheckData:\n got: %q\nwant: %q", got, tt.want)
			}
		})
	}
}

func TestCheckDataBadRulesDoNotPanic(t *testing.T) {
	form := Form{{Name: "x", Type: FieldText, Rules: "mx=3"}}
	got := problemsString(CheckData(form, map[string]any{"x": "abc"}))
	want := "x: has rules that cannot be checked: mx=3\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCheckRules(t *testing.T) {
	tests := []struct {
		name  string
		field Field
		want  string
	}{
		{"empty", Field{Type: FieldText}, ""},
		{"max text", Field{Type: FieldText, Rules: "max=4000"}, ""},
		{"range number", Field{Type: FieldNumber, Rules: "gte=0,lte=120"}, ""},
		{"omitempty email", Field{Type: FieldText, Rules: "omitempty,email"}, ""},
		{"choices count", Field{Type: FieldChoices, Options: []string{"a"}, Rules: "min=1,max=2"}, ""},
		{"misspelt", Field{Type: FieldText, Rules: "mx=3"}, `rules: unknown rule "mx"; did you mean "max"?`},
		{"misspelt after omitempty", Field{Type: FieldText, Rules: "omitempty,emial"}, `rules: unknown rule "emial"; did you mean "email"?`},
		{"unknown far", Field{Type: FieldText, Rules: "zonnig"}, `rules: unknown rule "zonnig"`},
		{"param not a number", Field{Type: FieldText, Rules: "max=veel"}, `rules: "max=veel" cannot be read: a rule's value is not a number`},
		{"text rule on a number", Field{Type: FieldNumber, Rules: "gte=0,numeric"}, `rules: "numeric" applies to text, not to a number field`},
		{"text rule on choices", Field{Type: FieldChoices, Rules: "omitempty|email"}, `rules: "email" applies to text, not to a choices field`},
		{"text rule on a date", Field{Type: FieldDate, Rules: "datetime=2006-01-02"}, ""},
		{"number param not a number", Field{Type: FieldNumber, Rules: "lte=oud"}, `rules: "lte=oud" cannot be read: a rule's value is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRules(&tt.field)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("CheckRules(%q) = %q, want %q", tt.field.Rules, got, tt.want)
			}
		})
	}
}

func BenchmarkCheckData(b *testing.B) {
	form := formdataTestForm()
	data := map[string]any{"verslag": "gesprek gevoerd", "risico": "laag", "eigen_kracht": true, "leeftijd": 42.0}
	for b.Loop() {
		if ps := CheckData(form, data); ps != nil {
			b.Fatal(ps)
		}
	}
}
