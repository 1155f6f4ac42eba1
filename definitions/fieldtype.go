package definitions

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/google/cel-go/cel"

	"github.com/wijkflow/wijkflow/internal/words"
)

// FieldType is the type of a form field.
type FieldType string

// The field types.
const (
	FieldText    FieldType = "text"
	FieldBool    FieldType = "bool"
	FieldNumber  FieldType = "number"
	FieldDate    FieldType = "date"    // "2026-11-25"
	FieldChoice  FieldType = "choice"  // one of Options
	FieldChoices FieldType = "choices" // several of Options
)

// FieldTypeSpec is one field type, described once: the validator (type: and options:),
// the JSON Schema, conditions (expr.go), the checks of a form's rules (rulecheck.go)
// and of submitted data (formdata.go) read it from fieldTypes. A new field type is one
// entry here (and its rendering in the web app).
type FieldTypeSpec struct {
	// Name is the value of type: in YAML.
	Name FieldType
	// Doc says in a few words what a value is, for the schema.
	Doc string
	// CEL is the type of the field in a condition. Dates are "YYYY-MM-DD" strings, so
	// `datum < "2027-01-01"` compares them correctly.
	CEL *cel.Type
	// Options: the values come from the field's options:.
	Options bool
	// celValue converts a JSON-decoded value to the CEL value; a value of the wrong
	// type gives the zero value.
	celValue func(v any) any
	// literal says why a literal written in rule tag can never be a value of f; zero
	// when it can, and nil accepts every literal.
	literal func(tag string, f *Field, value string) words.Message
	// value checks a submitted value (not empty) and returns it as the Go value the
	// rules are checked on (string, bool, float64 or []string), or what is wrong
	// (fieldvalue.go).
	value func(f *Field, v any) (any, words.Message)
	// sample is a filled-in value, on which the validator reads every rule.
	sample func(f *Field) any
	// textRules: rules on the characters of a text (email, alpha, …) apply. On other
	// values the validator checks their printed form, so every answer would fail.
	textRules bool
	// fit says why a rule (name=param, written as part) means nothing for this type;
	// zero when it fits, and nil lets every rule fit (rulecheck.go).
	fit func(name, param, part string) words.Message
}

// fieldTypes is the table of field types, in the order the schema and messages list them.
var fieldTypes = []FieldTypeSpec{
	{Name: FieldText, Doc: "free text", CEL: cel.StringType, celValue: celString,
		value: textValue, sample: sampleOf("x"), textRules: true},
	{Name: FieldBool, Doc: "yes or no", CEL: cel.BoolType, celValue: celBool, literal: boolLiteral,
		value: boolValue, sample: sampleOf(true), fit: boolFit},
	{Name: FieldNumber, Doc: "a number", CEL: cel.DoubleType, celValue: celNumber, literal: numberLiteral,
		value: numberValue, sample: sampleOf(float64(1))},
	{Name: FieldDate, Doc: "a day, written 2026-11-25", CEL: cel.StringType, celValue: celString,
		value: dateValue, sample: sampleOf("2026-01-01"), textRules: true, fit: dateFit},
	{Name: FieldChoice, Doc: "one of its options", CEL: cel.StringType, Options: true, celValue: celString, literal: optionLiteral,
		value: choiceValue, sample: sampleOption, textRules: true, fit: choiceFit},
	{Name: FieldChoices, Doc: "several of its options", CEL: cel.ListType(cel.StringType), Options: true, celValue: celStrings, literal: optionLiteral,
		value: choicesValue, sample: sampleOptions},
}

// unknownType stands in for a type that is not in the table (reported by the
// validator): its values are checked as text.
var unknownType = FieldTypeSpec{value: textValue, sample: sampleOf("x")}

// specOf is the spec of a field's type, or unknownType.
func specOf(f *Field) *FieldTypeSpec {
	if spec := LookupFieldType(f.Type); spec != nil {
		return spec
	}
	return &unknownType
}

// LookupFieldType returns the spec of field type t, or nil for an unknown type.
func LookupFieldType(t FieldType) *FieldTypeSpec {
	for i := range fieldTypes {
		if fieldTypes[i].Name == t {
			return &fieldTypes[i]
		}
	}
	return nil
}

// fieldTypeNames lists the field types, for messages and the schema.
func fieldTypeNames() []string {
	out := make([]string, len(fieldTypes))
	for i, t := range fieldTypes {
		out[i] = string(t.Name)
	}
	return out
}

// optionTypes lists the field types whose values come from options.
func optionTypes() []string {
	var out []string
	for _, t := range fieldTypes {
		if t.Options {
			out = append(out, string(t.Name))
		}
	}
	return out
}

// validType reports whether t is a field type.
func validType(t FieldType) bool { return LookupFieldType(t) != nil }

func celString(v any) any {
	s, _ := v.(string)
	return s
}

func celBool(v any) any {
	b, _ := v.(bool)
	return b
}

func celNumber(v any) any {
	switch n := v.(type) {
	case float64:
		return n
	case float32:
		return float64(n)
	case int:
		return float64(n)
	case int64:
		return float64(n)
	case int32:
		return float64(n)
	case json.Number:
		f, _ := n.Float64()
		return f
	}
	return float64(0)
}

func celStrings(v any) any {
	out := []string{}
	switch l := v.(type) {
	case []string:
		out = append(out, l...)
	case []any:
		for _, x := range l {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func optionLiteral(tag string, f *Field, value string) words.Message {
	if slices.Contains(f.Options, value) {
		return words.Message{}
	}
	if best := newSuggester().closest(value, f.Options); best != "" {
		return words.Msg(words.ProblemRuleNotOptionMeant, "tag", tag, "value", strconv.Quote(value), "name", f.Name, "best", strconv.Quote(best))
	}
	return words.Msg(words.ProblemRuleNotOption, "tag", tag, "value", strconv.Quote(value), "name", f.Name, "options", strings.Join(f.Options, ", "))
}

func boolLiteral(tag string, f *Field, value string) words.Message {
	if value != "true" && value != "false" {
		return words.Msg(words.ProblemRuleNotBool, "tag", tag, "name", f.Name, "value", strconv.Quote(value))
	}
	return words.Message{}
}

func numberLiteral(tag string, f *Field, value string) words.Message {
	if _, err := strconv.ParseFloat(value, 64); err != nil {
		return words.Msg(words.ProblemRuleNotNumber, "tag", tag, "name", f.Name, "value", strconv.Quote(value))
	}
	return words.Message{}
}
