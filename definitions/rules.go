package definitions

import (
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// slugPattern is what a gemeente, process or team id looks like: it ends up in URLs,
// workflow IDs and search attributes, so it stays plain ASCII.
var slugPattern = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

var (
	validateOnce sync.Once
	validateInst *validator.Validate
)

// validatorInstance returns the package's one validator, shared by the loader's struct
// checks and the form-data checks, so custom tags are registered once and the
// validator's parsed-tag cache is reused. It is safe for concurrent use.
func validatorInstance() *validator.Validate {
	validateOnce.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		// Problems name fields as the designer wrote them in YAML, never as Go names.
		v.RegisterTagNameFunc(func(f reflect.StructField) string {
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "-" {
				return ""
			}
			return name
		})
		if err := v.RegisterValidation("slug", func(fl validator.FieldLevel) bool {
			return slugPattern.MatchString(fl.Field().String())
		}); err != nil {
			panic(err) // a programming error: the tag name is a constant
		}
		if err := v.RegisterValidation("bsn", func(fl validator.FieldLevel) bool {
			return IsBSN(fl.Field().String())
		}); err != nil {
			panic(err)
		}
		validateInst = v
	})
	return validateInst
}

// RuleSentence turns a failed validator tag into an English sentence for a process
// designer, e.g. ("max", "4000", reflect.String) → "must be at most 4000 characters".
// kind is the kind of the checked value: it decides whether min/max count characters,
// items or the value itself.
func RuleSentence(tag, param string, kind reflect.Kind) string {
	unit := ruleUnit(kind, param)
	switch tag {
	case "required", "required_if", "required_unless", "required_with", "required_with_all",
		"required_without", "required_without_all":
		return "is required" + ruleCondition(tag, param)
	case "excluded_if", "excluded_unless", "excluded_with", "excluded_with_all",
		"excluded_without", "excluded_without_all":
		return "must be empty" + ruleCondition(tag, param)
	case "isdefault":
		return "must be empty"
	case "min", "gte":
		return "must be at least " + param + unit
	case "max", "lte":
		return "must be at most " + param + unit
	case "gt":
		return "must be more than " + param + unit
	case "lt":
		return "must be less than " + param + unit
	case "len":
		return "must be exactly " + param + unit
	case "eq", "eq_ignore_case":
		return "must be " + param
	case "ne", "ne_ignore_case":
		return "must not be " + param
	case "oneof", "oneofci":
		return "must be one of: " + strings.Join(oneofValues(param), ", ")
	case "email":
		return "must be an email address"
	case "url", "http_url", "https_url", "uri":
		return "must be a web address (URL)"
	case "numeric", "number":
		return "must be a number"
	case "boolean":
		return "must be true or false"
	case "alpha", "alphaunicode":
		return "must contain only letters"
	case "alphanum", "alphanumunicode":
		return "must contain only letters and digits"
	case "ascii", "printascii":
		return "must contain only plain (ASCII) characters"
	case "lowercase":
		return "must be in lowercase"
	case "uppercase":
		return "must be in uppercase"
	case "contains":
		return `must contain "` + param + `"`
	case "excludes":
		return `must not contain "` + param + `"`
	case "startswith":
		return `must start with "` + param + `"`
	case "endswith":
		return `must end with "` + param + `"`
	case "startsnotwith":
		return `must not start with "` + param + `"`
	case "endsnotwith":
		return `must not end with "` + param + `"`
	case "unique":
		return "must not contain the same value twice"
	case "datetime":
		return "must be a date or time written as " + param
	case "e164":
		return "must be a phone number in international form, e.g. +31201234567"
	case "postcode_iso3166_alpha2":
		return "must be a postcode of country " + param
	case "uuid", "uuid4":
		return "must be a UUID"
	case "iso3166_1_alpha2":
		return "must be a two-letter country code"
	case "slug":
		return "must be lowercase letters, digits and dashes, starting with a letter"
	case "bsn":
		return "must be a BSN: 9 digits that pass the elfproef"
	}
	return "must satisfy " + tag
}

// ruleUnit is the unit of a min/max/len parameter for a value of the given kind: text
// counts characters, a selection counts items, a number is its own unit.
func ruleUnit(kind reflect.Kind, param string) string {
	unit := ""
	switch kind {
	case reflect.String:
		unit = " character"
	case reflect.Slice, reflect.Array, reflect.Map:
		unit = " item"
	default:
		return ""
	}
	if param != "1" {
		unit += "s"
	}
	return unit
}

// ruleCondition renders the parameter of a conditional tag: "veld waarde" pairs for
// *_if/*_unless, field names for *_with/*_without.
func ruleCondition(tag, param string) string {
	if param == "" {
		return ""
	}
	f := strings.Fields(param)
	switch {
	case strings.HasSuffix(tag, "_if") && len(f) >= 2:
		return " when " + f[0] + " is " + f[1]
	case strings.HasSuffix(tag, "_unless") && len(f) >= 2:
		return " unless " + f[0] + " is " + f[1]
	case strings.HasSuffix(tag, "_with_all"):
		return " when " + strings.Join(f, " and ") + " are filled in"
	case strings.HasSuffix(tag, "_with"):
		return " when " + strings.Join(f, " or ") + " is filled in"
	case strings.HasSuffix(tag, "_without_all"):
		return " when " + strings.Join(f, " and ") + " are all empty"
	case strings.HasSuffix(tag, "_without"):
		return " when " + strings.Join(f, " or ") + " is empty"
	}
	return ""
}

// oneofValues splits a oneof parameter the way the validator does: on spaces, with
// single-quoted values that may contain spaces.
func oneofValues(param string) []string {
	var out []string
	for len(param) > 0 {
		param = strings.TrimLeft(param, " ")
		if param == "" {
			break
		}
		if param[0] == '\'' {
			end := strings.IndexByte(param[1:], '\'')
			if end >= 0 {
				out = append(out, param[1:1+end])
				param = param[2+end:]
				continue
			}
		}
		v, rest, _ := strings.Cut(param, " ")
		out = append(out, v)
		param = rest
	}
	return out
}

// knownRules are the rule names suggested when a designer misspells one; the validator
// itself accepts more.
var knownRules = []string{
	"required", "omitempty", "min", "max", "len", "eq", "ne", "gt", "gte", "lt", "lte",
	"oneof", "email", "url", "numeric", "number", "alpha", "alphanum", "ascii", "lowercase",
	"uppercase", "contains", "excludes", "startswith", "endswith", "unique", "datetime",
	"e164", "postcode_iso3166_alpha2", "uuid", "boolean", "dive", "bsn",
}
