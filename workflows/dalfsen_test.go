package workflows

import (
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
)

// shippedAll loads every shipped definition; they must have no issues.
func shippedAll(t testing.TB) []*definitions.Definition {
	t.Helper()
	defs, issues := definitions.LoadDir("../definitions")
	if len(issues) > 0 {
		t.Fatalf("shipped definitions have issues:\n%v", issues)
	}
	return defs
}

// shipped loads a shipped definition and the gemeente's other ones (for referrals).
func shipped(t testing.TB, gemeente, process string) (definitions.Definition, []definitions.Definition) {
	t.Helper()
	var own *definitions.Definition
	var related []definitions.Definition
	for _, d := range shippedAll(t) {
		if d.Gemeente != gemeente {
			continue
		}
		if d.Process == process {
			own = d
		} else {
			related = append(related, *d)
		}
	}
	if own == nil {
		t.Fatalf("no shipped definition %s/%s", gemeente, process)
	}
	return *own, related
}

func TestDalfsenShippedPath(t *testing.T) {
	own, related := shipped(t, "dalfsen", "wijkteam")
	h := newHarness(t)
	actor := func(roles ...string) Actor {
		return Actor{UserID: "u-" + roles[0], Gemeente: "dalfsen", Teams: []string{"lemelerveld"}, Roles: roles}
	}
	day := 24 * time.Hour
	steps := []struct {
		at       time.Duration
		role     string
		task     string
		data     map[string]any
		wantOpen string
	}{
		{day, "wijkcoach", "melding-1", map[string]any{"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}, "persoonlijk-plan-1"},
		{2 * day, "wijkcoach", "persoonlijk-plan-1", map[string]any{"persoonlijk_plan": "inwoner_ziet_af"}, "keukentafelgesprek-1"},
		{3 * day, "wijkcoach", "keukentafelgesprek-1", map[string]any{"verslag": "…", "eigen_kracht_toereikend": false,
			"veiligheidsrisico": "geen", "verslag_verstrekt": true, "ingezet_netwerk": []any{"mantelzorg"}}, "bijdrage-wmo-1,bijdrage-jeugd-1"},
		{4 * day, "wijkcoach", "bijdrage-wmo-1", map[string]any{"bijdrage_wmo": "…"}, "bijdrage-jeugd-1"},
		{4*day + time.Hour, "jeugdconsulent", "bijdrage-jeugd-1", map[string]any{"bijdrage_jeugd": "…"}, "plan-1"},
		{5 * day, "wijkcoach", "plan-1", map[string]any{"doelen": "…", "evaluatiedatum": "2026-06-01", "aanvraag_maatwerk": true, "aanvraag_ontvangen_op": "2026-03-06"}, "aanvraag-1"},
		{6 * day, "wmo_consulent", "aanvraag-1", map[string]any{"besluit": "toegekend", "voorzieningen": []any{"begeleiding"},
			"beschikking_verzonden": true}, ""},
		// the wait runs until 1 June 00:00; the notify step then opens the evaluation
		{time.Date(2026, 6, 2, 10, 0, 0, 0, amsterdam).Sub(testStart), "wijkcoach", "evaluatie-1",
			map[string]any{"doelen_behaald": "ja", "veiligheidsrisico": "geen", "specialistische_jeugdhulp_nodig": false}, ""},
	}
	results := make([]*outcome, len(steps))
	for i, s := range steps {
		h.at(s.at, func() {
			results[i] = h.update(UpdateComplete, s.task, CompleteRequest{Actor: actor(s.role), TaskID: s.task, Data: s.data})
		})
	}
	in := CaseInput{CaseID: "dalfsen-2026-0001", Definition: own, Related: related, Team: "lemelerveld",
		Data: map[string]any{"bron": "huisarts", "veiligheidsrisico": "geen", "jeugdige_betrokken": true, "leefgebieden": []any{"zorg", "opvoeden"}}}
	h.run(in)
	if r := h.result(); r != (CaseResult{Result: "afgerond", Step: "afgesloten"}) {
		t.Errorf("result = %+v", r)
	}
	for i, s := range steps {
		o := results[i]
		if o == nil || !o.done || o.err != nil {
			t.Fatalf("%s: %+v", s.task, o)
		}
		if got := taskIDs(o.view); got != s.wantOpen {
			t.Errorf("after %s: open %q, want %q", s.task, got, s.wantOpen)
		}
	}
	if len(h.notes) != 1 || h.notes[0].Step != "evaluatie-aankondigen" || h.notes[0].To != "wijkcoach" {
		t.Errorf("notifications = %+v, want the evaluation notice only", h.notes)
	}
}
