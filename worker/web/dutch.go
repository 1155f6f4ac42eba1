package web

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
)

// The task API and the workflow speak English to programs; a worker reads Dutch. dutch
// translates the messages they give, pattern by pattern; a message no pattern knows is
// shown as it is rather than hidden.
var translations = []struct {
	re *regexp.Regexp
	nl string
}{
	{regexp.MustCompile(`^is required when (\S+) is (\S+)$`), "is verplicht als $1 $2 is"},
	{regexp.MustCompile(`^is required(: .*)?$`), "is verplicht"},
	{regexp.MustCompile(`^must be at least (\d+) characters?$`), "moet minstens $1 tekens lang zijn"},
	{regexp.MustCompile(`^must be at most (\d+) characters?$`), "mag hoogstens $1 tekens lang zijn"},
	{regexp.MustCompile(`^must be exactly (\d+) characters?$`), "moet precies $1 tekens lang zijn"},
	{regexp.MustCompile(`^must be at least (\d+) items?$`), "kies er minstens $1"},
	{regexp.MustCompile(`^must be at most (\d+) items?$`), "kies er hoogstens $1"},
	{regexp.MustCompile(`^must be at least (\S+)$`), "moet minstens $1 zijn"},
	{regexp.MustCompile(`^must be at most (\S+)$`), "mag hoogstens $1 zijn"},
	{regexp.MustCompile(`^must be more than (\S+)$`), "moet meer dan $1 zijn"},
	{regexp.MustCompile(`^must be less than (\S+)$`), "moet minder dan $1 zijn"},
	{regexp.MustCompile(`^must be a number$`), "moet een getal zijn"},
	{regexp.MustCompile(`^must be numeric$|^must be a number \(digits only\)$|^must contain only digits$`), "mag alleen cijfers bevatten"},
	{regexp.MustCompile(`^must be yes or no.*$`), "kies ja of nee"},
	{regexp.MustCompile(`^must be (an existing )?date written as YYYY-MM-DD.*$|^must be an existing date.*$|^must be a date.*$`), "moet een bestaande datum zijn (jjjj-mm-dd)"},
	{regexp.MustCompile(`^must be one of: (.*)$`), "kies een van: $1"},
	{regexp.MustCompile(`^must be a list of: (.*)$`), "kies uit: $1"},
	{regexp.MustCompile(`^"(.*)" is not one of: (.*)$`), "„$1” is geen keuze; kies uit: $2"},
	{regexp.MustCompile(`^must be text$`), "moet tekst zijn"},
	{regexp.MustCompile(`^must be empty.*$`), "moet leeg blijven"},
	{regexp.MustCompile(`^must be an email address$`), "moet een e-mailadres zijn"},
	{regexp.MustCompile(`^is not a field of this form$`), "hoort niet bij dit formulier"},
	{regexp.MustCompile(`^may be at most (\S+)$`), "mag hoogstens $1 zijn"},
	{regexp.MustCompile(`^task (\S+) is not open$|^task "(\S+)" is not open$`), "de taak is niet meer open"},
	{regexp.MustCompile(`^case (\S+) is closed$`), "de zaak is gesloten"},
	{regexp.MustCompile(`^task (\S+) is already claimed by another user$`), "een collega heeft de taak al opgepakt"},
	{regexp.MustCompile(`^task (\S+) is claimed by another user$`), "een collega heeft de taak opgepakt"},
	{regexp.MustCompile(`^the case is already suspended$`), "de zaak is al opgeschort"},
	{regexp.MustCompile(`^the case is not suspended$`), "de zaak is niet opgeschort"},
	{regexp.MustCompile(`^no open task has a clock that may be suspended$`), "geen open taak heeft een termijn die mag worden opgeschort"},
	{regexp.MustCompile(`^the deadline of task (\S+) cannot be extended$`), "de termijn van deze taak kan niet worden verlengd"},
	{regexp.MustCompile(`^task (\S+) was already extended once$`), "de termijn is al eens verlengd (Awb 4:14: eenmaal)"},
	{regexp.MustCompile(`^the deadline of task (\S+) has passed.*$`), "de termijn is al verstreken; verleng vóór de termijn afloopt"},
}

// dutch translates one message of the API or the workflow.
func dutch(msg string) string {
	msg = strings.TrimSpace(msg)
	for _, t := range translations {
		if t.re.MatchString(msg) {
			return t.re.ReplaceAllString(msg, t.nl)
		}
	}
	return msg
}

// eventsNL names the trail's events for the timeline.
var eventsNL = map[string]string{
	"case-started":      "Zaak gestart (melding)",
	"case-closed":       "Zaak afgesloten",
	"step-entered":      "Stap begonnen",
	"task-opened":       "Taak geopend",
	"task-claimed":      "Taak opgepakt",
	"task-reassigned":   "Taak overgedragen",
	"task-completed":    "Taak afgerond",
	"task-closed":       "Taak gesloten",
	"task-cancelled":    "Taak vervallen",
	"suspended":         "Opgeschort",
	"resumed":           "Hervat",
	"extended":          "Termijn verlengd",
	"escalated":         "Opgeschaald",
	"stalled":           "Vastgelopen",
	"deadline-passed":   "Termijn verstreken",
	"norm-passed":       "Servicenorm verstreken",
	"notified":          "Bericht verstuurd",
	"notify-failed":     "Bericht niet verstuurd",
	"referred":          "Doorverwezen",
	"referral-returned": "Terug van doorverwijzing",
	"handed-off":        "Overgedragen aan aanbieder",
	"wait-passed":       "Wachttijd voorbij",
	"wait-skipped":      "Wachttijd overgeslagen",
	"join-waiting":      "Wacht op andere bijdragen",
	"condition-error":   "Fout in een voorwaarde",
	"stuck":             "Kan niet verder",
	"continued-as-new":  "Voortgezet",
}

func eventNL(e string) string {
	if s, ok := eventsNL[e]; ok {
		return s
	}
	return e
}

// valueNL shows a form answer: ja/nee, a Dutch date, a list joined by commas.
func valueNL(f *definitions.Field, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case bool:
		if x {
			return "ja"
		}
		return "nee"
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = fmt.Sprint(p)
		}
		return strings.Join(parts, ", ")
	case string:
		if f != nil && f.Type == definitions.FieldDate {
			if d := dateNL(x); d != "" {
				return d
			}
		}
		return x
	case float64:
		return strings.Replace(fmt.Sprint(x), ".", ",", 1)
	}
	return fmt.Sprint(v)
}
