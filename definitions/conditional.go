package definitions

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// Conditional rules make a field required (or keep it empty) depending on other
// answers in the same form, in the validator's own words:
//
//	rules: "required_if=besluit afgewezen"    required when besluit is afgewezen
//	rules: "required_unless=besluit toegekend" required unless besluit is toegekend
//	rules: "required_with=telefoon"            required when telefoon is filled in
//	rules: "required_without=email"            required when email is empty
//	rules: "excluded_if=besluit toegekend"     must be empty when besluit is toegekend
//
// (and the _all forms of with and without). The validator checks them only on structs,
// so on a form's data they used to pass silently; CheckData checks them itself, and
// the loader checks that they name fields of the same form and values those fields can
// have.
var conditionalTags = map[string]bool{
	"required_if": true, "required_unless": true, "required_with": true, "required_with_all": true,
	"required_without": true, "required_without_all": true,
	"excluded_if": true, "excluded_unless": true, "excluded_with": true, "excluded_with_all": true,
	"excluded_without": true, "excluded_without_all": true,
}

// condRule is one conditional rule of a field.
type condRule struct {
	tag    string
	param  string
	params []string
}

// splitConditional takes the conditional rules out of a rule string and returns them
// and the rest, which the validator checks on the value alone. A conditional rule
// among alternatives (a|b) stays in the rest; the loader refuses it.
func splitConditional(rules string) ([]condRule, string) {
	if !strings.Contains(rules, "_") {
		return nil, rules // the common case: no conditional rule can be in it
	}
	var conds []condRule
	var rest []string
	for _, part := range strings.Split(rules, ",") {
		name, param, _ := strings.Cut(strings.TrimSpace(part), "=")
		if conditionalTags[name] && !strings.Contains(part, "|") {
			conds = append(conds, condRule{tag: name, param: param, params: strings.Fields(param)})
			continue
		}
		rest = append(rest, part)
	}
	return conds, strings.Join(rest, ",")
}

// applies reports whether a conditional rule's condition holds on the data.
func (r condRule) applies(form Form, data map[string]any) bool {
	filled := func(name string) bool {
		v, ok := data[name]
		return ok && v != nil && !isEmptyValue(v)
	}
	pairs := func() bool { // every "field value" pair matches
		for i := 0; i+1 < len(r.params); i += 2 {
			if !answerIs(form.Field(r.params[i]), data[r.params[i]], r.params[i+1]) {
				return false
			}
		}
		return len(r.params) >= 2
	}
	any, all := false, len(r.params) > 0
	for _, name := range r.params {
		if filled(name) {
			any = true
		} else {
			all = false
		}
	}
	switch strings.TrimPrefix(strings.TrimPrefix(r.tag, "required_"), "excluded_") {
	case "if":
		return pairs()
	case "unless":
		return !pairs()
	case "with":
		return any
	case "with_all":
		return all
	case "without":
		return !all
	case "without_all":
		return !any
	}
	return false
}

// answerIs reports whether an answer equals value as written in a rule: the text, the
// option, true/false, the number; for a choices field, one of the chosen.
func answerIs(f *Field, v any, value string) bool {
	switch x := v.(type) {
	case string:
		return x == value
	case bool:
		return strconv.FormatBool(x) == value
	case []any, []string:
		items, _ := stringList(x)
		return slices.Contains(items, value)
	}
	if n, ok := numberValue(v); ok {
		w, err := strconv.ParseFloat(value, 64)
		return err == nil && n == w
	}
	return false
}

// conditionalProblems checks a field's conditional rules against the data: a field
// left empty that a rule requires, a filled field that a rule wants empty.
func conditionalProblems(form Form, f *Field, conds []condRule, data map[string]any, empty bool) []FieldProblem {
	var out []FieldProblem
	for _, r := range conds {
		required := strings.HasPrefix(r.tag, "required_")
		if required != empty || !r.applies(form, data) {
			continue
		}
		out = append(out, fieldProblem(f.Name, RuleMessage(r.tag, r.param, reflect.String)))
		break
	}
	return out
}

// conditionalRules checks, at load time, the conditional rules of a form's fields: the
// fields they name are in the same form (a rule sees only the answers submitted with
// it), a value fits the field it is compared with, and the rule is not among
// alternatives.
func (c *checker) conditionalRules(form Form, path string) {
	names := make([]string, 0, len(form))
	for _, f := range form {
		names = append(names, f.Name)
	}
	for _, f := range form {
		if f.Rules == "" {
			continue
		}
		p := path + "." + f.Name + ".rules"
		for _, part := range strings.Split(f.Rules, ",") {
			name, _, _ := strings.Cut(strings.TrimSpace(part), "=")
			if first, _, _ := strings.Cut(name, "|"); strings.Contains(part, "|") && (conditionalTags[first] || strings.Contains(part, "required_") || strings.Contains(part, "excluded_")) {
				c.problem(p, words.Msg(words.ProblemRuleAlternative, "part", strconv.Quote(part)))
			}
		}
		conds, _ := splitConditional(f.Rules)
		for _, r := range conds {
			c.conditionalRule(form, names, f, r, p)
		}
	}
}

func (c *checker) conditionalRule(form Form, names []string, f *Field, r condRule, p string) {
	pairs := strings.HasSuffix(r.tag, "_if") || strings.HasSuffix(r.tag, "_unless")
	switch {
	case len(r.params) == 0 && pairs:
		c.problem(p, words.Msg(words.ProblemRuleNeedsPair, "tag", r.tag))
		return
	case len(r.params) == 0:
		c.problem(p, words.Msg(words.ProblemRuleNeedsFields, "tag", r.tag))
		return
	case pairs && len(r.params)%2 != 0:
		c.problem(p, words.Msg(words.ProblemRuleOddPairs, "tag", r.tag, "param", r.param))
		return
	}
	if f.Required && strings.HasPrefix(r.tag, "required_") {
		c.fail(p, fmt.Sprintf("%s: the field is required: true already, always; remove required: true to require it only %s", r.tag, strings.TrimPrefix(ruleCondition(r.tag, r.param), " ")))
	}
	step := 1
	if pairs {
		step = 2
	}
	for i := 0; i < len(r.params); i += step {
		name := r.params[i]
		other := form.Field(name)
		switch {
		case name == f.Name:
			c.problem(p, words.Msg(words.ProblemRuleNamesItself, "tag", r.tag))
			continue
		case other == nil:
			c.problem(p, words.Msg(words.ProblemRuleNamesOther, "tag", r.tag, "name", strconv.Quote(name)),
				c.sug.hint(name, names, words.ProblemHintItsFields))
			continue
		}
		if pairs {
			if m := valueFits(r.tag, other, r.params[i+1]); m.Code != "" {
				c.problem(p, m)
			}
		}
	}
}

// valueFits says why value, in a rule tag, can never be the answer of f; zero when it can.
func valueFits(tag string, f *Field, value string) words.Message {
	if spec := LookupFieldType(f.Type); spec != nil && spec.literal != nil {
		return spec.literal(tag, f, value)
	}
	return words.Message{}
}
