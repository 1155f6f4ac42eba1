package definitions

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/wijkflow/wijkflow/internal/words"
)

// Checking a field's rules: string at load time. The validator panics on a rule it
// cannot read; which rule that is, and why, is found by asking it about each rule on
// its own, never from the panic's text.

// RulesError is why a field's rules cannot be used, as a message of the catalogue. Its
// Error is the English, after "rules: ".
type RulesError struct {
	Problem words.Message
}

// Error says the problem in English.
func (e *RulesError) Error() string { return "rules: " + e.Problem.In(words.EN) }

func rulesError(code words.Code, nameValues ...string) error {
	return &RulesError{Problem: words.Msg(code, nameValues...)}
}

// CheckRules reports whether f.Rules is a rule string the validator understands for a
// field of f.Type: known rule names, parameters it can read, rules that mean something
// for the type. The error is a *RulesError.
func CheckRules(f *Field) error {
	if f == nil || strings.TrimSpace(f.Rules) == "" {
		return nil
	}
	_, rules := splitConditional(f.Rules) // checked with the form (conditional.go)
	if strings.TrimSpace(rules) == "" {
		return nil
	}
	names := ruleNames(rules)
	spec := specOf(f)
	if !spec.textRules {
		for _, name := range names {
			if textOnlyRules[name] {
				return rulesError(words.ProblemRuleTextOnly, "rule", strconv.Quote(name), "type", string(f.Type))
			}
		}
	}
	if spec.fit != nil {
		for _, part := range ruleParts(rules) {
			name, param, _ := strings.Cut(strings.TrimSpace(part), "=")
			if m := spec.fit(name, param, part); m.Code != "" {
				return &RulesError{Problem: m}
			}
		}
	}
	for _, name := range names {
		if !ruleDefined(name) {
			if best := closestName(name, knownRules); best != "" {
				return rulesError(words.ProblemRuleUnknownMeant, "rule", strconv.Quote(name), "best", strconv.Quote(best))
			}
			return rulesError(words.ProblemRuleUnknown, "rule", strconv.Quote(name))
		}
	}
	// A non-empty sample value of the field's type makes the validator parse every tag
	// and every parameter (omitempty would skip them for an empty one).
	sample := spec.sample(f)
	if p := panicOf(func() { _ = validatorInstance().Var(sample, rules) }); p != nil {
		return unreadable(rules, sample, p)
	}
	return nil
}

// unreadable says why the validator could not check rules on sample (it panicked with
// p): a rule that fails alone on a value that should be a number and is not, or else
// the validator's own words.
func unreadable(rules string, sample any, p any) error {
	for _, part := range ruleParts(rules) {
		_, param, ok := strings.Cut(part, "=")
		if _, err := strconv.ParseFloat(strings.TrimSpace(param), 64); ok && err != nil &&
			panicOf(func() { _ = validatorInstance().Var(sample, part) }) != nil {
			return rulesError(words.ProblemRuleParamNotNumber, "rules", strconv.Quote(rules))
		}
	}
	detail := fmt.Sprint(p)
	if i := strings.IndexByte(detail, '\n'); i >= 0 {
		detail = detail[:i]
	}
	return rulesError(words.ProblemRuleUnreadable, "rules", strconv.Quote(rules), "detail", detail)
}

// panicOf runs f and returns what it panicked with, or nil.
func panicOf(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

var definedRules sync.Map // rule name → bool

// ruleDefined reports whether the validator knows a rule name. It reads a rule string
// before it checks a value, and checks nothing on a missing (nil) value, so asking it
// about a nil value fails only on a name it cannot read.
func ruleDefined(name string) bool {
	if d, ok := definedRules.Load(name); ok {
		return d.(bool)
	}
	d := panicOf(func() { _ = validatorInstance().Var(nil, name) }) == nil
	definedRules.Store(name, d)
	return d
}

// sizeRules compare a size: the characters of a text, the items of a list, a number.
var sizeRules = map[string]bool{"min": true, "max": true, "len": true, "gt": true, "gte": true, "lt": true, "lte": true}

// boolFit refuses every rule but required and (in)equality on a yes/no field: the
// answer has no size or form (the validator answers such a rule with a Go error).
func boolFit(name, _, part string) words.Message {
	if name != "omitempty" && name != "required" && !strings.HasPrefix(name, "eq") && !strings.HasPrefix(name, "ne") {
		return words.Msg(words.ProblemRuleNotForBool, "part", strconv.Quote(part))
	}
	return words.Message{}
}

// dateFit refuses size rules on a date: they count its 10 characters (max=3 refuses
// every date), not days.
func dateFit(name, param, part string) words.Message {
	if !sizeRules[name] {
		return words.Message{}
	}
	code := words.ProblemRuleDateNothing
	if validatorInstance().Var("2026-01-01", part) != nil {
		code = words.ProblemRuleDateRefuses
	}
	return words.Msg(code, "part", strconv.Quote(part), "sentence", RuleSentence(name, param, reflect.String))
}

// choiceFit refuses size rules on a choice: they count the characters of the option.
func choiceFit(name, _, part string) words.Message {
	if sizeRules[name] {
		return words.Msg(words.ProblemRuleNotForChoice, "part", strconv.Quote(part))
	}
	return words.Message{}
}

// textOnlyRules check the characters of a text. On a number, yes/no or list the
// validator does not complain; it checks the value's printed form, so every answer would
// be refused.
var textOnlyRules = map[string]bool{
	"email": true, "url": true, "http_url": true, "https_url": true, "uri": true,
	"alpha": true, "alphaunicode": true, "alphanum": true, "alphanumunicode": true,
	"numeric": true, "number": true, "ascii": true, "printascii": true, "lowercase": true,
	"uppercase": true, "contains": true, "excludes": true, "startswith": true,
	"endswith": true, "startsnotwith": true, "endsnotwith": true, "datetime": true,
	"e164": true, "uuid": true, "uuid4": true, "postcode_iso3166_alpha2": true, "bsn": true,
}

// ruleParts splits a rule string into its rules ("omitempty,max=3|len=5" → omitempty,
// max=3, len=5).
func ruleParts(rules string) []string {
	return strings.FieldsFunc(rules, func(r rune) bool { return r == ',' || r == '|' })
}

// ruleNames lists the rule names of a rule string ("omitempty,max=3|len=5" → omitempty,
// max, len).
func ruleNames(rules string) []string {
	var out []string
	for _, part := range ruleParts(rules) {
		name, _, _ := strings.Cut(part, "=")
		out = append(out, strings.TrimSpace(name))
	}
	return out
}
