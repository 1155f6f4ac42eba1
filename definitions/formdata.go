package definitions

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-playground/validator/v10"

	"github.com/wijkflow/wijkflow/internal/words"
)

// FieldProblem is one problem with submitted form data, for the API's 422 answer.
type FieldProblem struct {
	Field string `json:"field"`
	// Message is the problem in English; Code and Args say it for the catalogue
	// (internal/words/rules.go), to be rendered with SayRule.
	Message string            `json:"message"`
	Code    words.Code        `json:"code,omitempty"`
	Args    map[string]string `json:"args,omitempty"`
}

// fieldProblem is the problem m with a field.
func fieldProblem(field string, m words.Message) FieldProblem {
	return FieldProblem{Field: field, Message: SayRule(m, words.EN), Code: m.Code, Args: m.Args}
}

// CheckData checks submitted form data (as decoded from JSON: string, bool, float64,
// []any) against a form: every key is a field, required fields are filled in, values
// have the field's type, choices come from the options, dates are YYYY-MM-DD, and the
// field's rules hold. Problems come in form order, then unknown keys in sorted order;
// nil means the data is valid. The result is deterministic, so a workflow's update
// validator can use it.
func CheckData(form Form, data map[string]any) []FieldProblem {
	var out []FieldProblem
	for _, f := range form {
		if f == nil {
			continue
		}
		conds, rules := splitConditional(f.Rules)
		v, present := data[f.Name]
		if !present || v == nil || isEmptyValue(v) {
			if f.Required {
				out = append(out, fieldProblem(f.Name, words.Msg(words.RuleRequired)))
			} else {
				out = append(out, conditionalProblems(form, f, conds, data, true)...)
			}
			continue
		}
		val, msg := typedValue(f, v)
		if msg.Code != "" {
			out = append(out, fieldProblem(f.Name, msg))
			continue
		}
		if p := conditionalProblems(form, f, conds, data, false); len(p) > 0 {
			out = append(out, p...)
			continue
		}
		if rules != "" {
			if msg := checkRules(rules, val); msg.Code != "" {
				out = append(out, fieldProblem(f.Name, msg))
			}
		}
	}
	var unknown []string
	for k := range data {
		if form.Field(k) == nil {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		out = append(out, fieldProblem(k, words.Msg(words.RuleUnknownField)))
	}
	return out
}

// isEmptyValue reports whether a submitted value counts as not filled in: an empty
// text or an empty selection. false and 0 are answers, not blanks.
func isEmptyValue(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	case []string:
		return len(x) == 0
	}
	return false
}

// datePattern is the only date form accepted, so that dates compare as text in conditions.
var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// typedValue checks v against the field's type and returns it as the Go value the rules
// are checked on (string, bool, float64 or []string), or a message.
func typedValue(f *Field, v any) (any, words.Message) {
	switch f.Type {
	case FieldBool:
		b, ok := v.(bool)
		if !ok {
			return nil, words.Msg(words.RuleNotBool)
		}
		return b, words.Message{}
	case FieldNumber:
		n, ok := numberValue(v)
		if !ok {
			return nil, words.Msg(words.RuleNotNumber)
		}
		return n, words.Message{}
	case FieldDate:
		s, ok := v.(string)
		if !ok || !datePattern.MatchString(s) {
			return nil, words.Msg(words.RuleNotDate)
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return nil, words.Msg(words.RuleNoSuchDate)
		}
		return s, words.Message{}
	case FieldChoice:
		s, ok := v.(string)
		if !ok || !slices.Contains(f.Options, s) {
			return nil, words.Msg(words.RuleNotChoice, "options", strings.Join(f.Options, ", "))
		}
		return s, words.Message{}
	case FieldChoices:
		items, ok := stringList(v)
		if !ok {
			return nil, words.Msg(words.RuleNotChoices, "options", strings.Join(f.Options, ", "))
		}
		for _, s := range items {
			if !slices.Contains(f.Options, s) {
				return nil, words.Msg(words.RuleNotOption, "value", s, "options", strings.Join(f.Options, ", "))
			}
		}
		return items, words.Message{}
	}
	s, ok := v.(string)
	if !ok {
		return nil, words.Msg(words.RuleNotText)
	}
	return s, words.Message{}
}

// numberValue accepts the number forms a decoder may produce.
func numberValue(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// stringList accepts a JSON array of strings.
func stringList(v any) ([]string, bool) {
	switch l := v.(type) {
	case []string:
		return l, true
	case []any:
		out := make([]string, 0, len(l))
		for _, x := range l {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// checkRules runs the validator tag string rules on one value and says its first
// failure; no code when the rules hold. A rule string the validator cannot read (which
// CheckRules reports at load time) gives a message instead of a panic.
func checkRules(rules string, val any) (msg words.Message) {
	defer func() {
		if r := recover(); r != nil {
			msg = words.Msg(words.RuleUncheckable, "rules", rules)
		}
	}()
	err := validatorInstance().Var(val, rules)
	if err == nil {
		return words.Message{}
	}
	var verrs validator.ValidationErrors
	if errors.As(err, &verrs) && len(verrs) > 0 {
		e := verrs[0]
		return RuleMessage(e.Tag(), e.Param(), e.Kind())
	}
	return words.Msg(words.RuleBroken, "rules", rules)
}

// undefinedRuleRe picks the rule name out of the validator's panic for an unknown tag.
var undefinedRuleRe = regexp.MustCompile(`Undefined validation function '([^']*)'`)

// CheckRules reports whether f.Rules is a rule string the validator understands for a
// field of f.Type: known rule names, parameters it can read. The validator panics on a
// bad tag; the panic becomes the error.
func CheckRules(f *Field) (err error) {
	if f == nil || strings.TrimSpace(f.Rules) == "" {
		return nil
	}
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		text := fmt.Sprint(r)
		if m := undefinedRuleRe.FindStringSubmatch(text); m != nil {
			err = fmt.Errorf("rules: unknown rule %q", m[1])
			if hint := meantName(m[1], knownRules); hint != "" {
				err = fmt.Errorf("rules: unknown rule %q%s", m[1], hint)
			}
			return
		}
		err = fmt.Errorf("rules: %q cannot be read: %s", f.Rules, ruleParamProblem(text))
	}()
	_, rules := splitConditional(f.Rules) // checked with the form (conditional.go)
	if strings.TrimSpace(rules) == "" {
		return nil
	}
	if f.Type != FieldText && f.Type != FieldDate && f.Type != FieldChoice {
		for _, name := range ruleNames(rules) {
			if textOnlyRules[name] {
				return fmt.Errorf("rules: %q applies to text, not to a %s field", name, f.Type)
			}
		}
	}
	if err := ruleFits(f, rules); err != nil {
		return err
	}
	// A non-empty sample value of the field's type makes the validator parse every tag
	// and every parameter (omitempty would skip them for an empty one).
	_ = validatorInstance().Var(sampleValue(f), rules)
	return nil
}

// sizeRules compare a size: the characters of a text, the items of a list, a number.
var sizeRules = map[string]bool{"min": true, "max": true, "len": true, "gt": true, "gte": true, "lt": true, "lte": true}

// ruleFits refuses size rules that mean nothing for the field's type, in a sentence:
// on a date they count its 10 characters (max=3 refuses every date), on a choice the
// characters of the option, and a yes/no answer has no size at all (the validator
// answers such a rule with a Go error at run time).
func ruleFits(f *Field, rules string) error {
	for _, part := range strings.FieldsFunc(rules, func(r rune) bool { return r == ',' || r == '|' }) {
		name, param, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch {
		case f.Type == FieldBool && name != "omitempty" && name != "required" && !strings.HasPrefix(name, "eq") && !strings.HasPrefix(name, "ne"):
			return fmt.Errorf("rules: %q does not fit a yes/no field: the answer is yes or no and has no size or form; remove it (required: true asks for an answer)", part)
		case f.Type == FieldDate && sizeRules[name]:
			effect := "checks nothing"
			if validatorInstance().Var("2026-01-01", part) != nil {
				effect = "refuses every date"
			}
			return fmt.Errorf("rules: %q does not fit a date field: it counts the characters of the date (%s), always 10 (YYYY-MM-DD), not days, so it %s; remove it", part, RuleSentence(name, param, reflect.String), effect)
		case f.Type == FieldChoice && sizeRules[name]:
			return fmt.Errorf("rules: %q does not fit a choice field: it would count the characters of the chosen option; the options already say what may be chosen, so remove it", part)
		}
	}
	return nil
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
	"e164": true, "uuid": true, "uuid4": true, "postcode_iso3166_alpha2": true,
}

// ruleNames lists the rule names of a rule string ("omitempty,max=3|len=5" → omitempty,
// max, len).
func ruleNames(rules string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(rules, func(r rune) bool { return r == ',' || r == '|' }) {
		name, _, _ := strings.Cut(part, "=")
		out = append(out, strings.TrimSpace(name))
	}
	return out
}

// ruleParamProblem shortens a validator panic about a parameter, e.g. a number that is
// not a number ("max=veel").
func ruleParamProblem(text string) string {
	if strings.Contains(text, "strconv.") || strings.Contains(text, "invalid syntax") {
		return "a rule's value is not a number"
	}
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return text
}

// sampleValue is a filled-in value of the field's type.
func sampleValue(f *Field) any {
	switch f.Type {
	case FieldBool:
		return true
	case FieldNumber:
		return float64(1)
	case FieldDate:
		return "2026-01-01"
	case FieldChoices:
		if len(f.Options) > 0 {
			return []string{f.Options[0]}
		}
		return []string{"x"}
	case FieldChoice:
		if len(f.Options) > 0 {
			return f.Options[0]
		}
	}
	return "x"
}
