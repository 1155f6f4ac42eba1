package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/workflows"
)

// TestIntakeReceiptDate: the melding form asks when the melding came in, explained,
// today by default and never after today; the date goes to the API as received, and the
// API's refusal of a date in the future comes back in Dutch at the field, with what was
// typed kept.
func TestIntakeReceiptDate(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	today := time.Now().In(law.Amsterdam()).Format(time.DateOnly)
	_, page, _ := f.get("/melding?proces=wijkteam")
	for _, want := range []string{`<label for="veld-ontvangen">Datum van de melding`,
		"De datum waarop de melding binnenkwam; de wettelijke termijnen tellen vanaf deze dag.",
		`type="date" id="veld-ontvangen" name="received" value="` + today + `" max="` + today + `" required`} {
		if !strings.Contains(page, want) {
			t.Errorf("melding form lacks %s", want)
		}
	}

	var sent string
	f.api.answer = func(r *http.Request) (int, any) {
		sent = f.api.calls[len(f.api.calls)-1]
		return 422, map[string]any{"error": "invalid", "errors": []workflows.FieldError{problem("received", words.Msg(words.RuleInTheFuture))}}
	}
	tomorrow := time.Now().In(law.Amsterdam()).AddDate(0, 0, 1).Format(time.DateOnly)
	st, body, _ := f.post("/melding", url.Values{"csrf": {secret}, "nonce": {"n-1"}, "proces": {"wijkteam"}, "team": {"noord"},
		"received": {tomorrow}, "f_naam": {"Jan Jansen"}})
	if !strings.Contains(sent, `"received":"`+tomorrow+`"`) {
		t.Errorf("the API got %s, want received %s", sent, tomorrow)
	}
	if st != http.StatusUnprocessableEntity {
		t.Fatalf("a melding from tomorrow: %d, want 422", st)
	}
	for _, want := range []string{`id="veld-ontvangen-fout"><span class="vh">Fout: </span>ligt in de toekomst`,
		`value="` + tomorrow + `"`, `aria-invalid="true"`, `href="#veld-ontvangen"`, `value="Jan Jansen"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused melding lacks %s", want)
		}
	}
}
