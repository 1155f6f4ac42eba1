package workflows

import (
	_ "embed"
	"slices"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/definitions"
)

// The cases the recordings and the benchmark run, on the shipped definitions.

// liveStartOptions are the options the task API starts a case with: search attributes and
// an empty memo from the start.
func liveStartOptions(id string, d definitions.Definition, team string) client.StartWorkflowOptions {
	return client.StartWorkflowOptions{
		ID: id, TaskQueue: DefaultTaskQueue, StaticSummary: d.Title,
		TypedSearchAttributes: temporal.NewSearchAttributes(
			SAGemeente.ValueSet(d.Gemeente), SAProcess.ValueSet(d.Process),
			SADefinitionVersion.ValueSet(d.Version), SATeam.ValueSet(team),
			SAStep.ValueSet([]string{d.Start}), SAStalled.ValueSet(false),
			SASuspended.ValueSet(false), SAEscalation.ValueSet(0),
		),
		Memo: map[string]any{MemoTasks: []TaskSummary{}},
	}
}

// liveToday is the date of the evaluation in the cases: already begun, so the wait until it
// passes at once (a real-time server cannot skip months).
func liveToday() string { return time.Now().In(amsterdam).Format(time.DateOnly) }

// dalfsenSteps is the full Dalfsen path: melding, persoonlijk plan, keukentafelgesprek,
// Wmo and jeugd in parallel, plan, aanvraag, the wait and the notify, evaluatie, closed.
func dalfsenSteps() []liveStep {
	return []liveStep{
		{update: UpdateComplete, task: "melding-1", role: "wijkcoach",
			data: map[string]any{"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}, open: "persoonlijk-plan-1"},
		{update: UpdateComplete, task: "persoonlijk-plan-1", role: "wijkcoach",
			data: map[string]any{"persoonlijk_plan": "inwoner_ziet_af"}, open: "keukentafelgesprek-1"},
		{update: UpdateComplete, task: "keukentafelgesprek-1", role: "wijkcoach",
			data: map[string]any{"verslag": "…", "eigen_kracht_toereikend": false, "veiligheidsrisico": "geen",
				"verslag_verstrekt": true, "ingezet_netwerk": []any{"mantelzorg"}}, open: "bijdrage-jeugd-1,bijdrage-wmo-1"},
		{update: UpdateComplete, task: "bijdrage-wmo-1", role: "wijkcoach",
			data: map[string]any{"bijdrage_wmo": "…"}, open: "bijdrage-jeugd-1"},
		{update: UpdateComplete, task: "bijdrage-jeugd-1", role: "jeugdconsulent",
			data: map[string]any{"bijdrage_jeugd": "…"}, open: "plan-1"},
		{update: UpdateComplete, task: "plan-1", role: "wijkcoach",
			data: map[string]any{"doelen": "…", "evaluatiedatum": liveToday(), "aanvraag_maatwerk": true, "aanvraag_ontvangen_op": liveToday()}, open: "aanvraag-1"},
		{update: UpdateComplete, task: "aanvraag-1", role: "wmo_consulent",
			data: map[string]any{"besluit": "toegekend", "voorzieningen": []any{"begeleiding"}, "beschikking_verzonden": true}, open: ""},
		// The bezwaartermijn (Awb 6:7) waits six weeks for a bezwaar; one comes at once.
		{update: UpdateEvent, event: "bezwaar", role: "wmo_consulent", data: map[string]any{"bezwaar_ontvangen_op": liveToday()}, open: "bezwaar-1"},
		{update: UpdateComplete, task: "bezwaar-1", role: "teamleider",
			data: map[string]any{"beslissing_op_bezwaar": "ongegrond"}, open: "evaluatie-1"},
		{update: UpdateComplete, task: "evaluatie-1", role: "wijkcoach",
			data: map[string]any{"doelen_behaald": "ja", "veiligheidsrisico": "geen", "specialistische_jeugdhulp_nodig": false}, open: ""},
	}
}

// dalfsenIntake is the signal's data.
func dalfsenIntake() map[string]any {
	return map[string]any{"bron": "huisarts", "veiligheidsrisico": "geen", "jeugdige_betrokken": true,
		"leefgebieden": []any{"zorg", "opvoeden"}}
}

// dalfsenCase runs the path on the interpreter.
func dalfsenCase(id string, own definitions.Definition, related []definitions.Definition) liveCase {
	return liveCase{
		workflow: CaseWorkflowName, gemeente: "dalfsen", team: "lemelerveld",
		input: CaseInput{CaseID: id, Definition: own, Related: related, Team: "lemelerveld", Data: dalfsenIntake()},
		opts:  liveStartOptions(id, own, "lemelerveld"), steps: dalfsenSteps(),
		want: CaseResult{Result: "afgerond", Step: "afgesloten"},
	}
}

// dalfsenHandwritten runs the same path, with the same data, on the baseline.
func dalfsenHandwritten(id string, own definitions.Definition) liveCase {
	lc := dalfsenCase(id, own, nil)
	lc.workflow = hwName
	lc.input = hwInput{CaseID: id, Team: "lemelerveld", Data: dalfsenIntake()}
	return lc
}

// dalfsenRecorded is the path with the other updates mixed in: a rejected completion
// (no trace), a claim, opschorting and resumption, and one extension, at the aanvraag
// (the onderzoek has no Awb 4:14/4:15).
func dalfsenRecorded(id string, own definitions.Definition, related []definitions.Definition) liveCase {
	lc := dalfsenCase(id, own, related)
	aanvraag := "aanvraag-1"
	extra := []liveStep{
		{update: UpdateComplete, task: aanvraag, role: "wmo_consulent", data: map[string]any{"voorzieningen": []any{"begeleiding"}}, open: "!" + ErrInvalid},
		{update: UpdateClaim, task: aanvraag, role: "wmo_consulent", open: aanvraag},
		{update: UpdateSuspend, role: "wmo_consulent", open: aanvraag},
		{update: UpdateResume, role: "wmo_consulent", open: aanvraag},
		{update: UpdateExtend, task: aanvraag, role: "wmo_consulent", open: aanvraag},
	}
	return insertBefore(lc, aanvraag, extra)
}

// dalfsenNamed is the recorded path of a melding that names the resident (placeholder
// text), so the memo publishes a name (list-memo).
func dalfsenNamed(id string, own definitions.Definition, related []definitions.Definition) liveCase {
	lc := dalfsenRecorded(id, own, related)
	in := lc.input.(CaseInput)
	in.Data["naam"] = "Inwoner Voorbeeld"
	lc.input = in
	return lc
}

// insertBefore puts extra before the completion of task in lc's steps.
func insertBefore(lc liveCase, task string, extra []liveStep) liveCase {
	at := slices.IndexFunc(lc.steps, func(s liveStep) bool { return s.update == UpdateComplete && s.task == task })
	steps := append([]liveStep(nil), lc.steps[:at]...)
	steps = append(steps, extra...)
	lc.steps = append(steps, lc.steps[at:]...)
	return lc
}

// dordrechtGGZ is a short Dordrecht case: a huisarts signal, the POH consult advises
// basis-GGZ, the case is handed off to the GGZ provider and closed.
func dordrechtGGZ(id string, own definitions.Definition, related []definitions.Definition) liveCase {
	return liveCase{
		workflow: CaseWorkflowName, gemeente: "dordrecht", team: own.Teams[0],
		input: CaseInput{CaseID: id, Definition: own, Related: related, Team: own.Teams[0],
			Data: map[string]any{"bron": "huisarts", "veiligheidsrisico": "geen", "gezin_met_kinderen": false}},
		opts: liveStartOptions(id, own, own.Teams[0]),
		steps: []liveStep{
			{update: UpdateComplete, task: "melding-1", role: "wijkcoach", data: map[string]any{"urgentie": "regulier"}, open: "poh-consult-1"},
			{update: UpdateComplete, task: "poh-consult-1", role: "wijkcoach", data: map[string]any{"poh_advies": "basis_ggz"}, open: ""},
		},
		want: CaseResult{Result: "overgedragen", Step: "overgedragen"},
	}
}

// dalfsenMeldcode is a Dalfsen case with a high safety risk at the melding: the Meldcode
// runs as a child case (its signal shows acute danger, so it is handed off to Veilig
// Thuis at once), and when the child has ended the case goes on to the
// keukentafelgesprek, where eigen kracht closes it.
func dalfsenMeldcode(id string, own definitions.Definition, related []definitions.Definition) liveCase {
	child := ".meldcode-bij-melding"
	return liveCase{
		workflow: CaseWorkflowName, gemeente: "dalfsen", team: "dalfsen",
		input: CaseInput{CaseID: id, Definition: own, Related: related, Team: "dalfsen",
			Data: map[string]any{"bron": "school", "veiligheidsrisico": "hoog", "jeugdige_betrokken": true,
				"leefgebieden": []any{"veiligheid"}}},
		opts: liveStartOptions(id, own, "dalfsen"),
		steps: []liveStep{
			{update: UpdateComplete, task: "melding-1", role: "wijkcoach",
				data: map[string]any{"urgentie": "spoed", "veiligheidsrisico": "hoog", "ontvangst_bevestigd": true, "vermoeden_huiselijk_geweld": true}, open: ""},
			{update: UpdateComplete, task: "signalen-1", role: "wijkcoach", child: child, await: true,
				data: map[string]any{"signalen": "…", "kinderen_betrokken": true, "acuut_gevaar": true}, open: ""},
			{update: UpdateComplete, task: "keukentafelgesprek-1", role: "wijkcoach", await: true,
				data: map[string]any{"verslag": "…", "eigen_kracht_toereikend": true, "veiligheidsrisico": "laag",
					"verslag_verstrekt": true}, open: ""},
		},
		want:     CaseResult{Result: "eigen_kracht", Step: "afgerond-eigen-kracht"},
		children: []string{child},
	}
}

// dordrechtRefused is the Dordrecht GGZ hand-off refused by the provider at first: the
// case stalls, the lead retries (retried) or routes it on to the Veilig Thuis referral
// (routed), and the case ends.
func dordrechtRefused(id string, own definitions.Definition, related []definitions.Definition, routeOn bool) liveCase {
	lc := dordrechtGGZ(refusedPrefix+id, own, related)
	rescue := liveStep{update: UpdateRetryHandoff, role: "teamleider", awaitFailed: true, open: ""}
	if routeOn {
		rescue = liveStep{update: UpdateRouteOn, role: "teamleider", awaitFailed: true, to: "overgedragen", open: ""}
	}
	lc.steps = append(lc.steps, rescue)
	return lc
}

// dalfsenOpschorting is the path of a melding received as a date, with the aanvraag
// suspended (Awb 4:15) and then completed while suspended: the opschorting ends with it
// by itself (terms.go, version termsOpschorting).
func dalfsenOpschorting(id string, own definitions.Definition, related []definitions.Definition) liveCase {
	lc := dalfsenCase(id, own, related)
	y, m, d := time.Now().In(amsterdam).AddDate(0, 0, -1).Date()
	in := lc.input.(CaseInput)
	in.Received = time.Date(y, m, d, 0, 0, 0, 0, amsterdam)
	lc.input = in
	aanvraag := "aanvraag-1"
	return insertBefore(lc, aanvraag, []liveStep{
		{update: UpdateClaim, task: aanvraag, role: "wmo_consulent", open: aanvraag},
		{update: UpdateSuspend, role: "wmo_consulent", open: aanvraag},
	})
}

// termsEventDef has what issue 9 added to a process: a term from a date in the intake,
// chosen by a condition; a hersteltermijn that stops it; a wait for an event.
//
//go:embed testdata/definitions/terms-herstel-event.yaml
var termsEventDef string

// termsEventCase runs termsEventDef: the hersteltermijn is completed (the beslistermijn
// runs again), the besluit is taken, and Veilig Thuis's reply arrives as an event.
func termsEventCase(id string, d definitions.Definition) liveCase {
	y, m, day := time.Now().In(amsterdam).AddDate(0, 0, -3).Date()
	return liveCase{
		workflow: CaseWorkflowName, gemeente: "testgem", team: "noord",
		input: CaseInput{CaseID: id, Definition: d, Team: "noord",
			Data: map[string]any{"crisis": false, "ontvangen_op": time.Date(y, m, day, 0, 0, 0, 0, amsterdam).Format(time.DateOnly)}},
		opts: liveStartOptions(id, d, "noord"),
		steps: []liveStep{
			{update: UpdateComplete, task: "aanvullen-1", role: "wijkcoach", data: map[string]any{"aangevuld": true}, open: "besluit-1"},
			{update: UpdateComplete, task: "besluit-1", role: "wijkcoach", data: map[string]any{"ok": true}, open: ""},
			{update: UpdateEvent, event: "reactie-veilig-thuis", role: "wijkcoach", data: map[string]any{"advies": "hulp"}, open: ""},
		},
		want: CaseResult{Result: "klaar", Step: "klaar"},
	}
}
