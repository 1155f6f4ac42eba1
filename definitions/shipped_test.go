package definitions

import (
	"bufio"
	"github.com/wijkflow/wijkflow/definitions/law"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shippedFiles lists the definition files in this folder; the test fails if there are
// none, so that a moved folder does not pass silently.
func shippedFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no shipped definitions (*.yaml) in definitions/")
	}
	return files
}

// loadShipped loads every shipped definition and fails on any issue, printed as the
// validate command would print it.
func loadShipped(t *testing.T) []*Definition {
	t.Helper()
	defs, issues := LoadDir(".")
	for _, is := range issues {
		t.Error(is.String())
	}
	if len(issues) > 0 {
		t.FailNow()
	}
	return defs
}

// shippedDef finds one loaded definition by gemeente and process.
func shippedDef(t *testing.T, defs []*Definition, gemeente, process string) *Definition {
	t.Helper()
	for _, d := range defs {
		if d.Gemeente == gemeente && d.Process == process {
			return d
		}
	}
	t.Fatalf("no shipped definition %s/%s", gemeente, process)
	return nil
}

// shippedStep finds a step or fails.
func shippedStep(t *testing.T, d *Definition, id string) *Step {
	t.Helper()
	st := d.Steps.Step(id)
	if st == nil {
		t.Fatalf("%s/%s has no step %q", d.Gemeente, d.Process, id)
	}
	return st
}

func TestShippedDefinitionsValidate(t *testing.T) {
	defs := loadShipped(t)
	if got, want := len(defs), len(shippedFiles(t)); got != want {
		t.Errorf("LoadDir loaded %d definitions from %d files", got, want)
	}
	for _, d := range defs {
		if d.Version == "" {
			t.Errorf("%s/%s has no version hash", d.Gemeente, d.Process)
		}
	}
}

// TestShippedSchemaLine keeps editor support working: every shipped file must start
// with the line that points the YAML language server at schema.json.
func TestShippedSchemaLine(t *testing.T) {
	const want = "# yaml-language-server: $schema=schema.json"
	for _, f := range shippedFiles(t) {
		t.Run(f, func(t *testing.T) {
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			sc := bufio.NewScanner(fh)
			if !sc.Scan() || strings.TrimSpace(sc.Text()) != want {
				t.Errorf("first line is %q, want %q", sc.Text(), want)
			}
		})
	}
}

// TestShippedFileNames keeps the folder readable: each file is named gemeente-process.yaml.
func TestShippedFileNames(t *testing.T) {
	for _, d := range loadShipped(t) {
		want := d.Gemeente + "-" + d.Process + ".yaml"
		if _, err := os.Stat(want); err != nil {
			t.Errorf("%s/%s: no file %s (name files gemeente-process.yaml)", d.Gemeente, d.Process, want)
		}
	}
}

// TestShippedLegalTerms pins the legal terms the shipped processes promise: the right
// length, counted from the right moment, citing the right article.
func TestShippedLegalTerms(t *testing.T) {
	defs := loadShipped(t)
	tests := []struct {
		gemeente, process, step string
		within                  law.Duration
		from                    string
		law                     string
	}{
		{"dalfsen", "wijkteam", "keukentafelgesprek", law.Duration{N: 6, Unit: law.Week}, "case", "Wmo 2015 art. 2.3.2"},
		{"dalfsen", "wijkteam", "persoonlijk-plan", law.Duration{N: 7, Unit: law.Day}, "case", "Wmo 2015 art. 2.3.2 lid 2"},
		{"dalfsen", "wijkteam", "aanvraag", law.Duration{N: 2, Unit: law.Week}, "aanvraag_ontvangen_op", "Wmo 2015 art. 2.3.5"},
		{"dalfsen", "specialistische-jeugdhulp", "beschikking", law.Duration{N: 8, Unit: law.Week}, "case", "Awb 4:13"},
		{"dordrecht", "wijkteam", "keukentafelgesprek", law.Duration{N: 6, Unit: law.Week}, "case", "Wmo 2015 art. 2.3.2"},
		{"dordrecht", "specialistische-jeugdhulp", "beschikking", law.Duration{N: 8, Unit: law.Week}, "case", "Awb 4:13"},
		{"utrecht", "buurtteam", "keukentafelgesprek", law.Duration{N: 6, Unit: law.Week}, "case", "Wmo 2015 art. 2.3.2"},
		{"utrecht", "specialistische-jeugdhulp", "beschikking", law.Duration{N: 8, Unit: law.Week}, "case", "Awb 4:13"},
	}
	for _, tt := range tests {
		t.Run(tt.gemeente+"/"+tt.process+"/"+tt.step, func(t *testing.T) {
			st := shippedStep(t, shippedDef(t, defs, tt.gemeente, tt.process), tt.step)
			dl := st.Deadline
			if dl == nil {
				t.Fatal("no deadline")
			}
			if dl.Within != tt.within || dl.From != tt.from {
				t.Errorf("deadline = %s from %q, want %s from %q", dl.Within, dl.From, tt.within, tt.from)
			}
			if !strings.HasPrefix(dl.Law, tt.law) {
				t.Errorf("law = %q, want it to start with %q", dl.Law, tt.law)
			}
		})
	}
}

// TestShippedDalfsen checks the promises of the Dalfsen wijkteam beyond its terms: the
// three woonservicegebieden, an onderzoek with an escalation ladder and without Awb
// 4:14/4:15 (chapter 4 governs the aanvraag, not the melding), a suspendable and
// extendable beschikking, both disciplines joining into one plan, and the Meldcode on
// every suspicion.
func TestShippedDalfsen(t *testing.T) {
	d := shippedDef(t, loadShipped(t), "dalfsen", "wijkteam")
	if got := strings.Join(d.Teams, ","); got != "dalfsen,nieuwleusen,lemelerveld" {
		t.Errorf("teams = %s", got)
	}
	k := shippedStep(t, d, "keukentafelgesprek")
	if k.Suspendable || k.Extendable != nil {
		t.Errorf("keukentafelgesprek: suspendable=%v extendable=%v", k.Suspendable, k.Extendable)
	}
	if a := shippedStep(t, d, "aanvraag"); !a.Suspendable || a.Extendable == nil {
		t.Errorf("aanvraag: suspendable=%v extendable=%v", a.Suspendable, a.Extendable)
	}
	var reminded, led, stalled bool
	for _, r := range k.Escalate {
		reminded = reminded || r.Remind == "assignee"
		led = led || r.To == "teamleider" || r.Remind == "teamleider"
		stalled = stalled || r.Stalled
	}
	if !reminded || !led || !stalled {
		t.Errorf("keukentafelgesprek ladder: remind=%v teamleider=%v stalled=%v", reminded, led, stalled)
	}
	join := shippedStep(t, d, "plan-samenvoegen")
	if join.Kind != KindJoin || strings.Join(join.Join, ",") != "bijdrage-wmo,bijdrage-jeugd" {
		t.Errorf("plan-samenvoegen = %s joining %v", join.Kind, join.Join)
	}
	if got := shippedStep(t, d, "samen-plannen").Kind; got != KindParallel {
		t.Errorf("samen-plannen kind = %s", got)
	}
	m := shippedStep(t, d, "melding")
	if len(m.Next) == 0 || m.Next[0].When != `vermoeden_huiselijk_geweld && meldcode_uitkomst == ""` || m.Next[0].Goto != "meldcode-bij-melding" {
		t.Errorf("melding's first transition = %+v, want a suspicion to the Meldcode", m.Next)
	}
	if ref := shippedStep(t, d, "meldcode-bij-melding"); ref.Process != "veilig-thuis" {
		t.Errorf("meldcode-bij-melding refers to %q", ref.Process)
	}
}

// TestShippedMeldcode checks the five steps of the Meldcode, in order, and that step 5
// reports to Veilig Thuis IJsselland.
func TestShippedMeldcode(t *testing.T) {
	d := shippedDef(t, loadShipped(t), "dalfsen", "veilig-thuis")
	order := []string{"signalen", "collegiale-consultatie", "gesprek", "wegen", "beslissen"}
	for n, id := range order {
		st := shippedStep(t, d, id)
		if want := "Stap " + string(rune('1'+n)) + ":"; !strings.HasPrefix(st.Title, want) {
			t.Errorf("%s title = %q, want it to start with %q", id, st.Title, want)
		}
	}
	var reports bool
	for _, tr := range shippedStep(t, d, "beslissen").Next {
		if ref := d.Steps.Step(tr.Goto); ref != nil && ref.Kind == KindReferral && ref.Provider == "veilig-thuis-ijsselland" {
			reports = true
		}
	}
	if !reports {
		t.Error("stap 5 has no referral to provider veilig-thuis-ijsselland")
	}
}

// TestShippedReferralsStayInGemeente checks the rule the loader enforces, from the
// data's side: a referral names a process of its own gemeente or a provider.
func TestShippedReferralsStayInGemeente(t *testing.T) {
	defs := loadShipped(t)
	for _, d := range defs {
		for _, st := range d.Steps {
			if st.Kind != KindReferral {
				continue
			}
			if st.Process == "" && st.Provider == "" {
				t.Errorf("%s/%s %s refers to nothing", d.Gemeente, d.Process, st.ID)
			}
			if st.Process != "" {
				shippedDef(t, defs, d.Gemeente, st.Process)
			}
		}
	}
}

// TestShippedRouting runs the conditions of the shipped processes on example answers:
// the routes a designer promised (crisis skips ahead, the huisarts's door, maatwerk only
// with a reason, the Meldcode's duty to report) are what a case will take.
func TestShippedRouting(t *testing.T) {
	defs := loadShipped(t)
	tests := []struct {
		name              string
		gemeente, process string
		step              string
		data              map[string]any
		want              string
	}{
		{"a suspicion to the Meldcode, whatever the risk", "dalfsen", "wijkteam", "melding",
			map[string]any{"veiligheidsrisico": "laag", "urgentie": "regulier", "ontvangst_bevestigd": true, "vermoeden_huiselijk_geweld": true}, "meldcode-bij-melding"},
		{"high risk without a suspicion: spoed, not the Meldcode", "dalfsen", "wijkteam", "melding",
			map[string]any{"veiligheidsrisico": "hoog", "urgentie": "regulier", "ontvangst_bevestigd": true}, "spoedvoorziening"},
		{"crisis: a spoedvoorziening, the onderzoek still ahead", "dalfsen", "wijkteam", "melding",
			map[string]any{"veiligheidsrisico": "laag", "urgentie": "crisis", "ontvangst_bevestigd": true}, "spoedvoorziening"},
		{"regular melding", "dalfsen", "wijkteam", "melding",
			map[string]any{"veiligheidsrisico": "geen", "urgentie": "regulier", "ontvangst_bevestigd": true}, "persoonlijk-plan"},
		{"receipt not confirmed: not on", "dalfsen", "wijkteam", "melding",
			map[string]any{"veiligheidsrisico": "geen", "urgentie": "regulier", "ontvangst_bevestigd": false}, "ontvangst-bevestigen"},
		{"eigen kracht first", "dalfsen", "wijkteam", "keukentafelgesprek",
			map[string]any{"veiligheidsrisico": "geen", "eigen_kracht_toereikend": true, "verslag_verstrekt": true}, "afgerond-eigen-kracht"},
		{"eigen kracht, but the resident applies", "dalfsen", "wijkteam", "keukentafelgesprek",
			map[string]any{"veiligheidsrisico": "geen", "eigen_kracht_toereikend": true, "verslag_verstrekt": true, "aanvraag_inwoner": true}, "plan-route"},
		{"a weighed suspicion starts no second Meldcode", "dalfsen", "wijkteam", "keukentafelgesprek",
			map[string]any{"vermoeden_huiselijk_geweld": true, "meldcode_uitkomst": "gemeld", "eigen_kracht_toereikend": true, "verslag_verstrekt": true}, "afgerond-eigen-kracht"},
		{"family plans together", "dalfsen", "wijkteam", "plan-route",
			map[string]any{"jeugdige_betrokken": true}, "samen-plannen"},
		{"goals met", "dalfsen", "wijkteam", "na-evaluatie",
			map[string]any{"veiligheidsrisico": "geen", "specialistische_jeugdhulp_nodig": false, "doelen_behaald": "ja"}, "afgesloten"},
		{"to specialist youth care, the child first", "dalfsen", "wijkteam", "na-evaluatie",
			map[string]any{"jeugdige_betrokken": true, "veiligheidsrisico": "laag", "specialistische_jeugdhulp_nodig": true, "doelen_behaald": "nee"}, "jeugdige-vastleggen"},
		{"no new referral after an afwijzing", "dalfsen", "wijkteam", "na-evaluatie",
			map[string]any{"jeugdige_betrokken": true, "specialistische_jeugdhulp_nodig": true, "jeugdhulp_uitkomst": "afgewezen", "doelen_behaald": "ja"}, "afgesloten"},
		{"goals partly met: back to the plan", "dalfsen", "wijkteam", "na-evaluatie",
			map[string]any{"veiligheidsrisico": "geen", "doelen_behaald": "deels"}, "plan-route"},
		{"unsafe: report although help was chosen", "dalfsen", "veilig-thuis", "beslissen",
			map[string]any{"onveiligheid": "structureel", "hulp_mogelijk": true, "hulp_aanvaard": true, "meldcode_besluit": "hulp_organiseren"}, "melden"},
		{"help refused: report", "dalfsen", "veilig-thuis", "beslissen",
			map[string]any{"hulp_mogelijk": true, "hulp_aanvaard": false, "meldcode_besluit": "hulp_organiseren"}, "melden"},
		{"safe help", "dalfsen", "veilig-thuis", "beslissen",
			map[string]any{"hulp_mogelijk": true, "hulp_aanvaard": true, "meldcode_besluit": "hulp_organiseren"}, "hulp-organiseren"},
		{"acute danger skips the steps", "dalfsen", "veilig-thuis", "signalen",
			map[string]any{"acuut_gevaar": true}, "direct-melden"},
		{"medical referral needs no onderzoek", "dalfsen", "specialistische-jeugdhulp", "toegang",
			map[string]any{"verwijzer": "huisarts"}, "toewijzing-gegevens"},
		{"the gecertificeerde instelling decides", "dalfsen", "specialistische-jeugdhulp", "toegang",
			map[string]any{"verwijzer": "gecertificeerde_instelling"}, "toewijzing-gegevens"},
		{"continuing needs a new besluit", "dalfsen", "specialistische-jeugdhulp", "evaluatie",
			map[string]any{"voortzetten": true}, "herbeschikking"},
		{"child case of the wijkteam", "dalfsen", "specialistische-jeugdhulp", "toegang",
			map[string]any{}, "onderzoek"},
		{"the huisarts's door", "dordrecht", "wijkteam", "melding",
			map[string]any{"bron": "huisarts", "veiligheidsrisico": "geen", "urgentie": "regulier"}, "poh-consult"},
		{"the resident's door", "dordrecht", "wijkteam", "melding",
			map[string]any{"bron": "inwoner", "veiligheidsrisico": "geen", "urgentie": "regulier"}, "ontvangst-bevestigen"},
		{"POH advises GGZ", "dordrecht", "wijkteam", "poh-consult",
			map[string]any{"poh_advies": "basis_ggz"}, "ggz"},
		{"jeugd-GGZ is jeugdhulp", "dordrecht", "wijkteam", "poh-consult",
			map[string]any{"gezin_met_kinderen": true, "poh_advies": "basis_ggz", "ggz_voor_jeugdige": true}, "jeugdige-vastleggen"},
		{"maatwerk with a reason", "utrecht", "buurtteam", "melding",
			map[string]any{"veiligheidsrisico": "geen", "direct_naar_plan": true, "reden_maatwerk": "Plan al opgesteld met de huisarts en het netwerk"}, "plan"},
		{"maatwerk without a reason", "utrecht", "buurtteam", "melding",
			map[string]any{"veiligheidsrisico": "geen", "direct_naar_plan": true, "reden_maatwerk": ""}, "persoonlijk-plan"},
		{"every aanvraag through an onderzoek step", "utrecht", "buurtteam", "plan",
			map[string]any{"direct_naar_plan": false, "aanvraag_maatwerk": true}, "onderzoek-aanvraag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := shippedDef(t, defs, tt.gemeente, tt.process)
			conds, err := NewConditions(AllFields(d))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, tr := range shippedStep(t, d, tt.step).Next {
				ok := tr.When == ""
				if !ok {
					if ok, err = conds.Eval(tr.When, tt.data); err != nil {
						t.Fatal(err)
					}
				}
				if ok {
					got = tr.Goto
					break
				}
			}
			if got != tt.want {
				t.Errorf("%s goes to %q, want %q", tt.step, got, tt.want)
			}
		})
	}
}
