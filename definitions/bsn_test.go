package definitions

import (
	"testing"

	"github.com/wijkflow/wijkflow/internal/words"
)

// TestBSNRule: the bsn rule takes nine digits that pass the elfproef and says so in
// Dutch and English at the field.
func TestBSNRule(t *testing.T) {
	form := Form{{Name: "bsn", Type: FieldText, Rules: "bsn"}}
	tests := []struct {
		bsn string
		ok  bool
	}{
		{"111222333", true},
		{"000000012", true}, // the demo's residents
		{"000000061", true},
		{"123456782", true},
		{"123456789", false}, // fails the elfproef
		{"111222334", false},
		{"11122233", false}, // eight digits
		{"1112223330", false},
		{"11122233a", false},
		{"１１１２２２３３３", false}, // full-width digits are not digits here
	}
	for _, tt := range tests {
		t.Run(tt.bsn, func(t *testing.T) {
			if got := IsBSN(tt.bsn); got != tt.ok {
				t.Errorf("IsBSN(%q) = %v, want %v", tt.bsn, got, tt.ok)
			}
			ps := CheckData(form, map[string]any{"bsn": tt.bsn})
			if tt.ok {
				if len(ps) != 0 {
					t.Errorf("CheckData refuses %q: %+v", tt.bsn, ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Field != "bsn" {
				t.Fatalf("CheckData(%q) = %+v, want one problem at bsn", tt.bsn, ps)
			}
			m := words.Message{Code: ps[0].Code, Args: ps[0].Args}
			if en := m.String(); en != "must be a BSN: 9 digits that pass the elfproef" || ps[0].Message != en {
				t.Errorf("English %q (message %q)", en, ps[0].Message)
			}
			if nl := m.NL(); nl != "is geen burgerservicenummer: 9 cijfers die de elfproef doorstaan" {
				t.Errorf("Dutch %q", nl)
			}
		})
	}
	if p := CheckData(form, map[string]any{}); len(p) != 0 {
		t.Errorf("an empty optional BSN is checked: %+v", p)
	}
}

// TestBSNRuleFits: bsn is a rule of text fields (a number drops the leading zeros) and a
// misspelling of it is suggested.
func TestBSNRuleFits(t *testing.T) {
	tests := []struct {
		field Field
		want  string
	}{
		{Field{Type: FieldText, Rules: "bsn"}, ""},
		{Field{Type: FieldNumber, Rules: "bsn"}, `rules: "bsn" applies to text, not to a number field`},
		{Field{Type: FieldText, Rules: "bns"}, `rules: unknown rule "bns"; did you mean "bsn"?`},
	}
	for _, tt := range tests {
		got := ""
		if err := CheckRules(&tt.field); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckRules(%s %q) = %q, want %q", tt.field.Type, tt.field.Rules, got, tt.want)
		}
	}
}
