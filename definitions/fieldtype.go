package definitions

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/google/cel-go/cel"
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
	// literal says why a literal written in a rule can never be a value of f, or "";
	// nil accepts every literal.
	literal func(f *Field, value string) string
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

func optionLiteral(f *Field, value string) string {
	if slices.Contains(f.Options, value) {
		return ""
	}
	if best := newSuggester().closest(value, f.Options); best != "" {
		return fmt.Sprintf("%q is not an option of %s, so the rule never applies; did you mean %q?", value, f.Name, best)
	}
	return fmt.Sprintf("%q is not an option of %s, so the rule never applies; its options are %s", value, f.Name, strings.Join(f.Options, ", "))
}

func boolLiteral(f *Field, value string) string {
	if value != "true" && value != "false" {
		return fmt.Sprintf("%s is a yes/no field: compare it with true or false, not %q", f.Name, value)
	}
	return ""
}

func numberLiteral(f *Field, value string) string {
	if _, err := strconv.ParseFloat(value, 64); err != nil {
		return fmt.Sprintf("%s is a number field: compare it with a number, not %q", f.Name, value)
	}
	return ""
}
