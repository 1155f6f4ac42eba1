package demo

import (
	"strconv"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
)

// formData fills a form with the plainest valid answers: the first option, "no", the
// smallest allowed number, today. Such answers route a case along its main path (no
// safety risk, no crisis), which is what a demo should show first. It carries no
// personal data: text fields get a fixed placeholder, a BSN field a made-up number that
// passes the elfproef. A field required only on a condition (required_if, …) is filled
// too, so the answer holds whichever way the condition goes.
func formData(form definitions.Form, today time.Time) map[string]any {
	data := map[string]any{}
	for _, f := range form {
		if f == nil || (!f.Required && f.Type != definitions.FieldBool && !strings.Contains(f.Rules, "required_")) {
			continue
		}
		switch f.Type {
		case definitions.FieldText:
			text := "Demo: ingevuld door wijkflow dev."
			if n := ruleInt(f.Rules, "min", "gte", "len"); n > len(text) {
				text += strings.Repeat(".", n-len(text))
			}
			if hasRule(f.Rules, "bsn") {
				text = demoBSN
			}
			data[f.Name] = text
		case definitions.FieldBool:
			data[f.Name] = false
		case definitions.FieldNumber:
			data[f.Name] = float64(max(ruleInt(f.Rules, "min", "gte"), 1))
		case definitions.FieldDate:
			data[f.Name] = today.Format(time.DateOnly)
		case definitions.FieldChoice:
			if len(f.Options) > 0 {
				data[f.Name] = f.Options[0]
			}
		case definitions.FieldChoices:
			if len(f.Options) > 0 {
				data[f.Name] = []any{f.Options[0]}
			}
		}
	}
	return data
}

// demoBSN is a made-up burgerservicenummer that passes the elfproef.
const demoBSN = "111222333"

// hasRule reports whether validator rules such as "bsn,max=9" hold the rule name.
func hasRule(rules, name string) bool {
	for _, r := range strings.Split(rules, ",") {
		if strings.TrimSpace(r) == name {
			return true
		}
	}
	return false
}

// ruleInt returns the number of the first of names found in validator rules such as
// "min=20,max=4000", or 0.
func ruleInt(rules string, names ...string) int {
	for _, r := range strings.Split(rules, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(r), "=")
		if !ok {
			continue
		}
		for _, n := range names {
			if k == n {
				if i, err := strconv.Atoi(v); err == nil {
					return i
				}
			}
		}
	}
	return 0
}
