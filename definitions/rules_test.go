package definitions

import (
	"reflect"
	"strings"
	"testing"
)

func TestRuleSentence(t *testing.T) {
	tests := []struct {
		tag, param string
		kind       reflect.Kind
		want       string
	}{
		{"required", "", reflect.String, "is required"},
		{"max", "4000", reflect.String, "must be at most 4000 characters"},
		{"min", "1", reflect.Slice, "must be at least 1 item"},
		{"min", "2", reflect.Slice, "must be at least 2 items"},
		{"max", "1", reflect.String, "must be at most 1 character"},
		{"max", "120", reflect.Float64, "must be at most 120"},
		{"gte", "0", reflect.Float64, "must be at least 0"},
		{"lte", "10", reflect.String, "must be at most 10 characters"},
		{"gt", "0", reflect.Int, "must be more than 0"},
		{"lt", "5", reflect.Float64, "must be less than 5"},
		{"len", "4", reflect.String, "must be exactly 4 characters"},
		{"oneof", "geen laag hoog", reflect.String, "must be one of: geen, laag, hoog"},
		{"oneof", "'heel hoog' laag", reflect.String, "must be one of: heel hoog, laag"},
		{"email", "", reflect.String, "must be an email address"},
		{"url", "", reflect.String, "must be a web address (URL)"},
		{"numeric", "", reflect.String, "must be a number"},
		{"alpha", "", reflect.String, "must contain only letters"},
		{"alphanum", "", reflect.String, "must contain only letters and digits"},
		{"datetime", "2006-01-02", reflect.String, "must be a date or time written as 2006-01-02"},
		{"excluded_with", "bsn", reflect.String, "must be empty when bsn is filled in"},
		{"excluded_if", "risico geen", reflect.String, "must be empty when risico is geen"},
		{"required_unless", "risico geen", reflect.String, "is required unless risico is geen"},
		{"required_without", "telefoon email", reflect.String, "is required when telefoon or email is empty"},
		{"slug", "", reflect.String, "must be lowercase letters, digits and dashes, starting with a letter"},
		{"startswith", "NL", reflect.String, `must start with "NL"`},
		{"iban", "", reflect.String, "must satisfy iban"},
	}
	for _, tt := range tests {
		t.Run(tt.tag+"="+tt.param, func(t *testing.T) {
			if got := RuleSentence(tt.tag, tt.param, tt.kind); got != tt.want {
				t.Errorf("RuleSentence(%q, %q, %v) = %q, want %q", tt.tag, tt.param, tt.kind, got, tt.want)
			}
		})
	}
}

func TestValidatorInstance(t *testing.T) {
	v := validatorInstance()
	if v != validatorInstance() {
		t.Fatal("validatorInstance returns a new validator on each call")
	}
	slugs := []struct {
		in string
		ok bool
	}{
		{"dalfsen", true}, {"dalfsen-kern", true}, {"team2", true},
		{"", false}, {"2team", false}, {"Dalfsen", false}, {"dal fsen", false}, {"dal_fsen", false}, {"-a", false},
	}
	for _, s := range slugs {
		t.Run("slug "+s.in, func(t *testing.T) {
			err := v.Var(s.in, "slug")
			if (err == nil) != s.ok {
				t.Errorf("slug %q: err = %v, want ok=%v", s.in, err, s.ok)
			}
		})
	}
	// Struct problems are named by the yaml tag, as the designer wrote them.
	type sample struct {
		TeamNaam string `yaml:"team_naam,omitempty" validate:"required"`
	}
	err := v.Struct(sample{})
	if err == nil || !strings.Contains(err.Error(), "'team_naam'") {
		t.Errorf("struct error %v does not name the yaml key team_naam", err)
	}
}
