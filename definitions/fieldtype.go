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
// the JSON Schema, conditions (expr.go) and the checks of rules' literals read it from
// fieldTypes. (Checking a submitted value is formdata.go's typedValue, a switch of its
// own for now.)
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
}

// fieldTypes is the table of field types, in the order the schema and messages list them.
var fieldTypes = []FieldTypeSpec{
	{Name: FieldText, Doc: "free text", CEL: cel.StringType, celValue: celString},
	{Name: FieldBool, Doc: "yes or no", CEL: cel.BoolType, celValue: celBool, literal: boolLiteral},
	{Name: FieldNumber, Doc: "a number", CEL: cel.DoubleType, celValue: celNumber, literal: numberLiteral},
	{Name: FieldDate, Doc: "a day, written 2026-11-25", CEL: cel.StringType, celValue: celString},
	{Name: FieldChoice, Doc: "one of its options", CEL: cel.StringType, Options: true, celValue: celString, literal: optionLiteral},
	{Name: FieldChoices, Doc: "several of its options", CEL: cel.ListType(cel.StringType), Options: true, celValue: celStrings, literal: optionLiteral},
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
