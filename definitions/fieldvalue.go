package definitions

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/internal/words"
)

// How a submitted value of each field type is checked (FieldTypeSpec.value) and what a
// filled-in value looks like (FieldTypeSpec.sample). A value arrives as JSON decodes it:
// string, bool, float64 or []any.

// textValue accepts a text.
func textValue(_ *Field, v any) (any, words.Message) {
	s, ok := v.(string)
	if !ok {
		return nil, words.Msg(words.RuleNotText)
	}
	return s, words.Message{}
}

// boolValue accepts true or false.
func boolValue(_ *Field, v any) (any, words.Message) {
	b, ok := v.(bool)
	if !ok {
		return nil, words.Msg(words.RuleNotBool)
	}
	return b, words.Message{}
}

// numberValue accepts a number.
func numberValue(_ *Field, v any) (any, words.Message) {
	n, ok := numberOf(v)
	if !ok {
		return nil, words.Msg(words.RuleNotNumber)
	}
	return n, words.Message{}
}

// datePattern is the only date form accepted, so that dates compare as text in conditions.
var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// dateValue accepts a day written YYYY-MM-DD that exists.
func dateValue(_ *Field, v any) (any, words.Message) {
	s, ok := v.(string)
	if !ok || !datePattern.MatchString(s) {
		return nil, words.Msg(words.RuleNotDate)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return nil, words.Msg(words.RuleNoSuchDate)
	}
	return s, words.Message{}
}

// choiceValue accepts one of the field's options.
func choiceValue(f *Field, v any) (any, words.Message) {
	s, ok := v.(string)
	if !ok || !slices.Contains(f.Options, s) {
		return nil, words.Msg(words.RuleNotChoice, "options", strings.Join(f.Options, ", "))
	}
	return s, words.Message{}
}

// choicesValue accepts a list of the field's options.
func choicesValue(f *Field, v any) (any, words.Message) {
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

// numberOf accepts the number forms a decoder may produce.
func numberOf(v any) (float64, bool) {
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

// sampleOf returns a sample function that always gives v.
func sampleOf(v any) func(*Field) any { return func(*Field) any { return v } }

// sampleOption is the field's first option, or "x".
func sampleOption(f *Field) any {
	if len(f.Options) > 0 {
		return f.Options[0]
	}
	return "x"
}

// sampleOptions is a list of the field's first option, or of "x".
func sampleOptions(f *Field) any {
	if len(f.Options) > 0 {
		return []string{f.Options[0]}
	}
	return []string{"x"}
}
