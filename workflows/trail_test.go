package workflows

import (
	"errors"
	"slices"
	"testing"
	"time"

	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/internal/words"
)

// TestEveryEventHasItsWords walks the closed list of events: each has a label and a
// detail in Dutch and English, and no event is listed twice.
func TestEveryEventHasItsWords(t *testing.T) {
	if len(Events) != 39 {
		t.Errorf("%d events; a new one goes into Events and the catalogue", len(Events))
	}
	for i, e := range Events {
		if slices.Contains(Events[:i], e) {
			t.Errorf("%s listed twice", e)
		}
		for _, c := range []words.Code{e.Label().Code, e.detailCode()} {
			if x, ok := words.Lookup(c); !ok || x.NL == "" || x.EN == "" {
				t.Errorf("%s: no text for %s", e, c)
			}
		}
	}
}

// TestTrailSays renders entries as they are written: terms in words, a suspension in
// whole days, a worker's reason as given, an entry from before arguments as stored.
func TestTrailSays(t *testing.T) {
	since := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		e      TrailEntry
		nl, en string
	}{
		{TrailEntry{Event: EventResumed, Args: args("suspended", days(since, since.Add(3*24*time.Hour+5*time.Hour)))},
			"Hervat na 3 dagen opschorting", "suspended 3 days"},
		{TrailEntry{Event: EventResumed, Args: args("suspended", days(since, since.Add(2*time.Hour)))},
			"Hervat na minder dan een dag opschorting", "suspended less than a day"},
		{TrailEntry{Event: EventExtended, Args: args("by", "2w"), Detail: "wacht op advies"},
			"Termijn verlengd met 2 weken: wacht op advies", "extended by 2 weeks: wacht op advies"},
		{TrailEntry{Event: EventEscalated, Args: args("role", "teamleider")}, "Opgeschaald naar teamleider", "escalated to teamleider"},
		{TrailEntry{Event: EventSuspended, Detail: "wacht op gegevens"}, "Opgeschort: wacht op gegevens", "wacht op gegevens"},
		{TrailEntry{Event: EventNotified, Args: notifyArgs(activities.NotifyInput{Kind: "remind", To: "wijkcoach"}, words.NotifiedRemind, words.NotifiedEscalate)},
			"Herinnering verstuurd aan wijkcoach", "reminder to wijkcoach"},
		{TrailEntry{Event: EventStuck, Args: sayArgs(words.Msg(words.StuckUnknownStep, "target", "plna"))},
			"Stap „plna” bestaat niet", `step "plna" does not exist`},
		{TrailEntry{Event: EventTaskReassigned, Args: assigneeArgs("")}, "Aan niemand meer toegewezen", "unassigned"},
		{TrailEntry{Event: EventEscalated, Detail: "to teamleider"}, "to teamleider", "to teamleider"},
		{TrailEntry{Event: EventTaskOpened}, "De taak staat open", "the task is open"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			if got := tt.e.Say().NL(); got != tt.nl {
				t.Errorf("nl %q, want %q", got, tt.nl)
			}
			if got := tt.e.Say().String(); got != tt.en {
				t.Errorf("en %q, want %q", got, tt.en)
			}
		})
	}
	if got := (TrailEntry{Event: EventEscalated}).Label().NL(); got != "Opgeschaald" {
		t.Errorf("label %q", got)
	}
}

// TestRefusalCarriesItsMessage: a refusal's text is the English the API answered
// before codes, and its details carry the code and arguments for the web.
func TestRefusalCarriesItsMessage(t *testing.T) {
	err := conflict(words.Msg(words.RefuseExtendedOnce, "task", "plan-1"))
	var app *temporal.ApplicationError
	if !errors.As(err, &app) || app.Type() != ErrConflict || app.Message() != "task plan-1 was already extended once" {
		t.Fatalf("refusal %v", err)
	}
	var m words.Message
	if err := app.Details(&m); err != nil || m.NL() != "de termijn van taak plan-1 is al eens verlengd (Awb 4:14: eenmaal)" {
		t.Errorf("details %+v (%v)", m, err)
	}
}
