package definitions

import (
	"reflect"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/words"
)

// TestRulesInDutch: a form's problems read in Dutch from their codes, the validator's
// tags through its own translations, ours from the catalogue; in English as the API
// says them.
func TestRulesInDutch(t *testing.T) {
	form := Form{
		{Name: "verslag", Type: FieldText, Required: true, Rules: "min=3,max=20"},
		{Name: "leeftijd", Type: FieldNumber, Rules: "gte=0,lte=120"},
		{Name: "evaluatie", Type: FieldDate},
		{Name: "gebieden", Type: FieldChoices, Options: []string{"werk", "zorg", "wonen"}, Rules: "max=2"},
		{Name: "email", Type: FieldText, Rules: "omitempty,email"},
		{Name: "code", Type: FieldText, Rules: "omitempty,startswith=W"},
		{Name: "reden", Type: FieldText, Rules: "required_if=leeftijd 12"},
	}
	tests := []struct {
		data   map[string]any
		nl, en string
	}{
		{map[string]any{}, "is verplicht", "is required"},
		{map[string]any{"verslag": "ab"}, "moet tenminste 3 karakters lang zijn", "must be at least 3 characters"},
		{map[string]any{"verslag": "abc", "leeftijd": 130.0}, "moet 120 of minder zijn", "must be at most 120"},
		{map[string]any{"verslag": "abc", "evaluatie": "2026-02-30"}, "moet een bestaande datum zijn (jjjj-mm-dd)", "must be an existing date written as YYYY-MM-DD, e.g. 2026-11-25"},
		{map[string]any{"verslag": "abc", "gebieden": []any{"werk", "zorg", "wonen"}}, "mag maximaal 2 items bevatten", "must be at most 2 items"},
		{map[string]any{"verslag": "abc", "gebieden": []any{"hobby"}}, "„hobby” is geen keuze; kies uit: werk, zorg, wonen", `"hobby" is not one of: werk, zorg, wonen`},
		{map[string]any{"verslag": "abc", "email": "geen adres"}, "moet een e-mailadres zijn", "must be an email address"},
		{map[string]any{"verslag": "abc", "code": "X1"}, "moet beginnen met „W”", `must start with "W"`},
		{map[string]any{"verslag": "abc", "leeftijd": 12.0}, "is verplicht als leeftijd 12 is", "is required when leeftijd is 12"},
		{map[string]any{"verslag": "abc", "onbekend": 1.0}, "hoort niet bij dit formulier", "is not a field of this form"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			ps := CheckData(form, tt.data)
			if len(ps) != 1 {
				t.Fatalf("problems %v", ps)
			}
			m := words.Message{Code: ps[0].Code, Args: ps[0].Args}
			if got := SayRule(m, words.NL); got != tt.nl {
				t.Errorf("nl %q, want %q", got, tt.nl)
			}
			if got := SayRule(m, words.EN); got != tt.en || ps[0].Message != tt.en {
				t.Errorf("en %q, message %q, want %q", got, ps[0].Message, tt.en)
			}
		})
	}
}

// TestOurRuleTextsSayWhatRuleSentenceSays: where the catalogue has a tag's text, its
// English is RuleSentence's, so the two never drift apart.
func TestOurRuleTextsSayWhatRuleSentenceSays(t *testing.T) {
	params := map[string]string{"startswith": "W", "endswith": "x", "datetime": "2006-01-02",
		"postcode_iso3166_alpha2": "NL", "required_if": "besluit afgewezen", "required_unless": "besluit afgewezen",
		"excluded_if": "spoed true", "excluded_unless": "spoed true", "required_with": "telefoon",
		"required_without": "email", "excluded_with": "a", "excluded_without": "b",
		"required_with_all": "a b", "required_without_all": "a b", "excluded_with_all": "a b", "excluded_without_all": "a b"}
	n := 0
	for _, c := range words.Codes() {
		tag, ok := strings.CutPrefix(string(c), "rule.tag.")
		if !ok {
			continue
		}
		n++
		m := RuleMessage(tag, params[tag], reflect.String)
		if m.Code != c {
			t.Errorf("%s: RuleMessage gives %s", tag, m.Code)
		}
		if got, want := m.String(), RuleSentence(tag, params[tag], reflect.String); got != want {
			t.Errorf("%s: catalogue %q, RuleSentence %q", tag, got, want)
		}
	}
	if n == 0 {
		t.Error("no rule.tag codes in the catalogue")
	}
}
