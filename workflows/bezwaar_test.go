package workflows

import (
	_ "embed"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
)

// bezwaarDef is a beschikking, its bezwaartermijn as a wait for the bezwaar event, and
// the decision on the bezwaar counted from the end of that term (Awb 7:10).
//
//go:embed testdata/definitions/bezwaar.yaml
var bezwaarDef string

// TestBezwaarDecisionTerm: a bezwaar that comes in two weeks after the bekendmaking
// (Monday 2 March 2026) opens the decision at once, but its term counts from the day
// after the bezwaartermijn ended (Monday 13 April): six weeks to Monday 25 May, tweede
// Pinksterdag, so by the Atw to the end of Tuesday 26 May; with an adviescommissie
// twelve weeks, to the end of Monday 6 July.
func TestBezwaarDecisionTerm(t *testing.T) {
	for _, tt := range []struct {
		name   string
		advies bool
		due    time.Time
		law    string
	}{
		{"zes weken", false, ams(2026, 5, 27, 0, 0, 0, 0), "Awb 7:10 lid 1"},
		{"adviescommissie", true, ams(2026, 7, 7, 0, 0, 0, 0), "Awb 7:10 lid 1 (adviescommissie)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			consulent, jurist := worker("c1", "consulent"), worker("j1", "jurist")
			var open, waiting CaseView
			h.at(time.Hour, func() {
				h.update(UpdateComplete, "c1", CompleteRequest{Actor: consulent, TaskID: "beschikking-1", Data: map[string]any{"toegekend": false}})
			})
			h.at(14*24*time.Hour, func() {
				waiting = h.view()
				h.update(UpdateEvent, "e1", EventRequest{Actor: jurist, Event: "bezwaar", Data: map[string]any{"adviescommissie": tt.advies}})
			})
			h.at(15*24*time.Hour, func() {
				open = h.view()
				h.update(UpdateComplete, "c2", CompleteRequest{Actor: jurist, TaskID: "beslissen-op-bezwaar-1", Data: map[string]any{"gegrond": false}})
			})
			h.run(input(def(t, bezwaarDef), nil))
			h.endsWith("besloten")
			// The resident's term shows while it runs: up to and including 13 April.
			if b := waiting.Bezwaartermijnen; len(b) != 1 || b[0].LastDay != "2026-04-13" || b[0].Event != "bezwaar" || b[0].Title != "Bezwaartermijn" {
				t.Errorf("while the bezwaartermijn runs: %+v", b)
			}
			if len(open.Bezwaartermijnen) != 0 {
				t.Errorf("after the bezwaar: still %+v", open.Bezwaartermijnen)
			}
			if len(open.Tasks) != 1 || open.Tasks[0].ID != "beslissen-op-bezwaar-1" {
				t.Fatalf("after the bezwaar: tasks %+v", open.Tasks)
			}
			task := open.Tasks[0]
			if task.Deadline == nil || !task.Deadline.Equal(tt.due) || task.Law != tt.law {
				t.Errorf("decision due %v (%s), want %v (%s)", task.Deadline, task.Law, tt.due, tt.law)
			}
		})
	}
}

// TestBezwaarTermPasses: without a bezwaar the besluit is onherroepelijk when the six
// weeks from the day after the bekendmaking have passed: at the end of Monday 13 April.
func TestBezwaarTermPasses(t *testing.T) {
	h := newHarness(t)
	h.at(time.Hour, func() {
		h.update(UpdateComplete, "c1", CompleteRequest{Actor: worker("c1", "consulent"), TaskID: "beschikking-1", Data: map[string]any{"toegekend": true}})
	})
	h.run(input(def(t, bezwaarDef), nil))
	h.endsWith("onherroepelijk")
	if at := trailAt(t, h.view(), "event-timeout", ""); !at.Equal(ams(2026, 4, 14, 0, 0, 0, 0)) {
		t.Errorf("bezwaartermijn ended at %v", at)
	}
}

// bezwaarCase runs bezwaarDef on a live server: the beschikking, a bezwaar within the
// term (the wait ends by its event), and the decision on it.
func bezwaarCase(id string, d definitions.Definition) liveCase {
	return liveCase{
		workflow: CaseWorkflowName, gemeente: "testgem", team: "noord",
		input: CaseInput{CaseID: id, Definition: d, Team: "noord", Data: map[string]any{}},
		opts:  liveStartOptions(id, d, "noord"),
		steps: []liveStep{
			{update: UpdateComplete, task: "beschikking-1", role: "consulent", data: map[string]any{"toegekend": false}, open: ""},
			{update: UpdateEvent, event: "bezwaar", role: "jurist", data: map[string]any{"adviescommissie": true}, open: "beslissen-op-bezwaar-1"},
			{update: UpdateComplete, task: "beslissen-op-bezwaar-1", role: "jurist", data: map[string]any{"gegrond": true}, open: ""},
		},
		want: CaseResult{Result: "besloten", Step: "besloten"},
	}
}
