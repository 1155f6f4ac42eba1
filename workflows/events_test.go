package workflows

import (
	_ "embed"
	"testing"
	"time"
)

// eventDef waits for a reply from Veilig Thuis for at most 2 weeks.
//
//go:embed testdata/definitions/event.yaml
var eventDef string

func TestEventDelivered(t *testing.T) {
	h := newHarness(t)
	vt := worker("vt-koppeling", "wijkcoach")
	stranger := Actor{UserID: "x", Gemeente: "testgem", Teams: []string{"zuid"}}
	var waiting CaseView
	var bad, unknown, other, first *outcome
	h.at(time.Hour, func() {
		waiting = h.view()
		bad = h.update(UpdateEvent, "e0", EventRequest{Actor: vt, Event: "reactie-veilig-thuis", Data: map[string]any{"advies": "misschien"}})
		unknown = h.update(UpdateEvent, "e1", EventRequest{Actor: vt, Event: "bezwaar", Data: map[string]any{}})
		other = h.update(UpdateEvent, "e2", EventRequest{Actor: stranger, Event: "reactie-veilig-thuis", Data: map[string]any{"advies": "hulp"}})
	})
	h.at(2*time.Hour, func() {
		first = h.update(UpdateEvent, "e3", EventRequest{Actor: vt, Event: "reactie-veilig-thuis", Data: map[string]any{"advies": "hulp"}})
	})
	h.run(input(def(t, eventDef), nil))
	h.endsWith("hulp")
	if len(waiting.Events) != 1 || waiting.Events[0] != "reactie-veilig-thuis" || waiting.ActiveSteps[0] != "wacht" {
		t.Errorf("while waiting: events %v, steps %v", waiting.Events, waiting.ActiveSteps)
	}
	if errType(bad.err) != ErrInvalid || fieldErrors(t, bad.err)[0].Field != "advies" {
		t.Errorf("bad data: %v", bad.err)
	}
	if errType(unknown.err) != ErrConflict || errType(other.err) != ErrForbidden {
		t.Errorf("unknown event: %v; other team: %v", unknown.err, other.err)
	}
	if !first.done || first.err != nil {
		t.Fatalf("event: %+v", first)
	}
	n := 0
	for _, e := range first.view.Trail {
		if e.Event == "event-received" {
			n++
			if e.Actor != "vt-koppeling" || e.Args["event"] != "reactie-veilig-thuis" || e.Step != "wacht" {
				t.Errorf("trail entry %+v", e)
			}
		}
	}
	if n != 1 || first.view.Data["advies"] != "hulp" || first.view.Status != StatusClosed {
		t.Errorf("after the event: %d entries, data %v, status %s", n, first.view.Data, first.view.Status)
	}
}

func TestEventTimeout(t *testing.T) {
	h := newHarness(t)
	h.run(input(def(t, eventDef), nil))
	h.endsWith("geen-reactie")
	v := h.view()
	// Two weeks after Monday 2 March: the end of Monday 16 March.
	if at := trailAt(t, v, "event-timeout", ""); !at.Equal(ams(2026, 3, 17, 0, 0, 0, 0)) {
		t.Errorf("timed out at %v", at)
	}
}

// TestConditionalRequirementAtComplete: a field required only when another answer is
// given is refused at that field (422 in the API) and accepted once filled in.
func TestConditionalRequirementAtComplete(t *testing.T) {
	h := newHarness(t)
	w := worker("w1", "wijkcoach")
	var refused, accepted *outcome
	h.at(time.Hour, func() {
		refused = h.update(UpdateComplete, "c1", CompleteRequest{Actor: w, TaskID: "besluit-1", Data: map[string]any{"besluit": "afgewezen"}})
	})
	h.at(2*time.Hour, func() {
		accepted = h.update(UpdateComplete, "c2", CompleteRequest{Actor: w, TaskID: "besluit-1",
			Data: map[string]any{"besluit": "afgewezen", "reden": "geen indicatie"}})
	})
	h.run(input(def(t, `
gemeente: testgem
process: besluit
title: Besluit
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: besluit
steps:
  besluit:
    kind: task
    role: wijkcoach
    form:
      besluit: {type: choice, options: [toegekend, afgewezen], required: true}
      reden: {type: text, rules: "required_if=besluit afgewezen,max=200"}
    next: [{goto: klaar}]
  klaar: {kind: end, result: klaar}
`), nil))
	h.result()
	if errType(refused.err) != ErrInvalid {
		t.Fatalf("without reason: %v", refused.err)
	}
	if fe := fieldErrors(t, refused.err); len(fe) != 1 || !sameProblem(fe[0], "reden", "is required when besluit is afgewezen", "is verplicht als besluit afgewezen is") {
		t.Errorf("field errors %+v", fe)
	}
	if accepted.err != nil {
		t.Errorf("with reason: %v", accepted.err)
	}
}
