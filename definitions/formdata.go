package definitions

import (
	"errors"
	"sort"
	"strings"

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
// Say is the problem as a message of the catalogue; a problem recorded before problems
// had codes says its English message as it is.
func (p FieldProblem) Say() words.Message {
	if p.Code == "" {
		return words.Msg(words.Verbatim, "detail", p.Message)
	}
	return words.Message{Code: p.Code, Args: p.Args}
}

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

// typedValue checks v against the field's type and returns it as the Go value the rules
// are checked on, or a message.
func typedValue(f *Field, v any) (any, words.Message) { return specOf(f).value(f, v) }

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
