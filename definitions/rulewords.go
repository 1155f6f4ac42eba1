package definitions

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/locales/nl"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	nltrans "github.com/go-playground/validator/v10/translations/nl"

	"github.com/wijkflow/wijkflow/internal/words"
)

// RuleMessage is a failed validator tag as a message: words.RuleTag with the tag, its
// parameter and the kind of the checked value, or our own "rule.tag.<tag>" where the
// catalogue has one (our tags, the conditional ones, and those the validator's Dutch
// translations lack). SayRule renders it.
func RuleMessage(tag, param string, kind reflect.Kind) words.Message {
	code := words.Code("rule.tag." + tag)
	if _, ours := words.Lookup(code); !ours {
		code = words.RuleTag
	}
	m := words.Msg(code, "tag", tag, "param", param, "kind", kind.String())
	f := strings.Fields(param)
	switch {
	case (strings.HasSuffix(tag, "_if") || strings.HasSuffix(tag, "_unless")) && len(f) >= 2:
		m.Args["field"], m.Args["value"] = f[0], f[1]
	case len(f) > 0:
		m.Args["fields"] = strings.Join(f, ",")
	}
	return m
}

// SayRule renders a rule failure in a language. A failed validator tag reads in
// English as RuleSentence says it, and in Dutch from our table or else from the
// validator's own translations (translations/nl); any other message from the catalogue.
func SayRule(m words.Message, l words.Lang) string {
	tag := m.Args["tag"]
	if tag == "" || (m.Code != words.RuleTag && !strings.HasPrefix(string(m.Code), "rule.tag.")) {
		return m.In(l)
	}
	kind := kindNamed(m.Args["kind"])
	switch {
	case l == words.EN:
		return RuleSentence(tag, m.Args["param"], kind)
	case m.Code != words.RuleTag:
		return m.In(l)
	}
	if s, ok := validatorDutch(tag, m.Args["param"], kind); ok {
		return s
	}
	return m.In(l)
}

// kindNamed is the reflect.Kind whose String is name: the kinds form data is checked as.
func kindNamed(name string) reflect.Kind {
	for _, k := range []reflect.Kind{reflect.String, reflect.Slice, reflect.Float64, reflect.Bool} {
		if k.String() == name {
			return k
		}
	}
	return reflect.Invalid
}

// dutchRules renders failed tags with the validator's Dutch translations. Those read a
// validator.FieldError, which only a failed check makes; so this private validator
// fails every tag it is asked about (each tag's check is replaced by one that always
// fails) on a value of the kind the real check saw. Rendering is rare (a refused
// form), so one lock serves.
var dutchRules struct {
	sync.Mutex
	v      *validator.Validate
	trans  ut.Translator
	failed map[string]bool // tags whose check is replaced
}

// validatorDutch is the validator's Dutch for a failed tag, without the field name
// (the web shows it next to the field); false when it has none.
func validatorDutch(tag, param string, kind reflect.Kind) (string, bool) {
	d := &dutchRules
	d.Lock()
	defer d.Unlock()
	if d.v == nil {
		d.v = validator.New()
		d.trans, _ = ut.New(nl.New()).GetTranslator("nl")
		if err := nltrans.RegisterDefaultTranslations(d.v, d.trans); err != nil {
			return "", false
		}
		d.failed = map[string]bool{}
	}
	if !d.failed[tag] && tag != "required" {
		if err := d.v.RegisterValidation(tag, func(validator.FieldLevel) bool { return false }); err != nil {
			return "", false
		}
		d.failed[tag] = true
	}
	rule := tag
	if param != "" {
		rule += "=" + strings.NewReplacer(",", "0x2C", "|", "0x7C").Replace(param)
	}
	err := func() (err error) {
		defer func() {
			if recover() != nil {
				err = nil
			}
		}()
		return d.v.Var(sampleOfKind(kind, tag), rule)
	}()
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) || len(verrs) == 0 {
		return "", false
	}
	s := verrs[0].Translate(d.trans)
	if s == verrs[0].Error() { // no translation: the validator's English
		return "", false
	}
	return strings.TrimSpace(s), true
}

// sampleOfKind is a value of the kind a check saw; "required" fails on an empty one.
func sampleOfKind(kind reflect.Kind, tag string) any {
	switch {
	case tag == "required":
		return ""
	case kind == reflect.Slice:
		return []string{"x"}
	case kind == reflect.Float64:
		return float64(1)
	case kind == reflect.Bool:
		return true
	}
	return "x"
}
