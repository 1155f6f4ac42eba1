package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
)

// formField is one field of a form as a template draws it: the definition's field, what
// was entered, the server's message, and the HTML constraints its rules allow.
type formField struct {
	*definitions.Field
	ID      string // the input's id and, prefixed, its name
	Input   string // the input's name
	Text    string // entered text, number or date
	Chosen  map[string]bool
	Bool    string // "ja", "nee" or ""
	Error   string
	Attrs   template.HTMLAttr // minlength, maxlength, min, max, pattern, inputmode
	Hints   []string          // the rules in words, shown under the label
	Long    bool              // text that needs a textarea
	Numeric bool
}

// inputName is the form key of a field: prefixed, so a field may be called "csrf".
func inputName(field string) string { return "f_" + field }

// fieldsOf builds the template's fields from a form, the values sent (nil for a new
// form) and the server's errors by field.
func fieldsOf(form definitions.Form, sent url.Values, errs map[string]string) []formField {
	out := make([]formField, 0, len(form))
	for _, f := range form {
		ff := formField{Field: f, ID: "veld-" + f.Name, Input: inputName(f.Name), Chosen: map[string]bool{}, Error: errs[f.Name]}
		if sent != nil {
			vals := sent[ff.Input]
			for _, v := range vals {
				ff.Chosen[v] = true
			}
			if len(vals) > 0 {
				ff.Text, ff.Bool = vals[0], vals[0]
			}
		}
		ff.constraints()
		out = append(out, ff)
	}
	return out
}

// constraints turns the field's rules into HTML constraint attributes (so the browser
// checks what it can before sending) and into words for the worker. The server checks
// every rule again; rules without an HTML counterpart are checked only there.
func (ff *formField) constraints() {
	var attrs []string
	attr := func(k, v string) { attrs = append(attrs, k+`="`+template.HTMLEscapeString(v)+`"`) }
	for _, r := range strings.Split(ff.Rules, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(r), "=")
		switch ff.Type {
		case definitions.FieldText:
			switch k {
			case "min", "gte":
				attr("minlength", v)
				ff.Hints = append(ff.Hints, "minstens "+v+" tekens")
			case "max", "lte":
				attr("maxlength", v)
				ff.Hints = append(ff.Hints, "hoogstens "+v+" tekens")
				if n, _ := strconv.Atoi(v); n > 300 {
					ff.Long = true
				}
			case "len":
				attr("minlength", v)
				attr("maxlength", v)
				ff.Hints = append(ff.Hints, "precies "+v+" tekens")
			case "numeric", "number":
				attr("pattern", "[0-9]*")
				attr("inputmode", "numeric")
				ff.Hints = append(ff.Hints, "alleen cijfers")
			case "bsn":
				attr("pattern", "[0-9]{9}")
				attr("inputmode", "numeric")
				ff.Hints = append(ff.Hints, "9 cijfers")
			}
		case definitions.FieldNumber:
			ff.Numeric = true
			switch k {
			case "min", "gte":
				attr("min", v)
				ff.Hints = append(ff.Hints, "minstens "+v)
			case "max", "lte":
				attr("max", v)
				ff.Hints = append(ff.Hints, "hoogstens "+v)
			}
		case definitions.FieldChoices:
			switch k {
			case "min", "gte":
				ff.Hints = append(ff.Hints, "kies er minstens "+v)
			case "max", "lte":
				ff.Hints = append(ff.Hints, "kies er hoogstens "+v)
			}
		}
	}
	ff.Attrs = template.HTMLAttr(strings.Join(attrs, " "))
}

// formData turns the posted values into the JSON data the API checks. An empty input
// is left out (a required one then gets the server's "is verplicht"); a value of the
// wrong shape is sent as typed, so the server's message names the real problem.
func formData(form definitions.Form, sent url.Values) map[string]any {
	data := map[string]any{}
	for _, f := range form {
		vals := sent[inputName(f.Name)]
		first := ""
		if len(vals) > 0 {
			first = strings.TrimSpace(vals[0])
		}
		switch f.Type {
		case definitions.FieldChoices:
			if len(vals) > 0 {
				items := make([]any, len(vals))
				for i, v := range vals {
					items[i] = v
				}
				data[f.Name] = items
			}
		case definitions.FieldBool:
			switch first {
			case "ja":
				data[f.Name] = true
			case "nee":
				data[f.Name] = false
			case "":
			default:
				data[f.Name] = first
			}
		case definitions.FieldNumber:
			if first == "" {
				continue
			}
			if n, err := strconv.ParseFloat(strings.Replace(first, ",", ".", 1), 64); err == nil {
				data[f.Name] = n
			} else {
				data[f.Name] = first
			}
		default:
			if first != "" {
				data[f.Name] = first
			}
		}
	}
	return data
}
