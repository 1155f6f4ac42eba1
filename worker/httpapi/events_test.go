package httpapi

import (
	_ "embed"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/workflows"
)

// eventYAML is a Dalfsen process that waits for Veilig Thuis's reply.
//
//go:embed testdata/reactie-test.yaml
var eventYAML string

// TestDeliverEvent: an event reaches the waiting case once (Idempotency-Key), its data
// checked against the form, with the event and who delivered it in the trail.
func TestDeliverEvent(t *testing.T) {
	d, issues := definitions.Parse("reactie-test.yaml", []byte(eventYAML))
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	e := newEnvWith(t, nil, d)
	var v workflows.CaseView
	e.must(201, "coach", "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "reactie-test", "data": map[string]any{}}).decode(t, &v)
	if len(v.Events) != 1 || v.Events[0] != "reactie-veilig-thuis" {
		t.Fatalf("events awaited: %v", v.Events)
	}
	path := "/cases/" + v.ID + "/events/reactie-veilig-thuis"
	var bad struct{ Errors []workflows.FieldError }
	e.must(422, "coach", "POST", path, map[string]any{"data": map[string]any{"advies": "misschien"}}).decode(t, &bad)
	if len(bad.Errors) != 1 || bad.Errors[0].Field != "advies" {
		t.Errorf("422 errors %+v", bad.Errors)
	}
	e.must(409, "coach", "POST", "/cases/"+v.ID+"/events/bezwaar", map[string]any{"data": map[string]any{}})
	e.must(404, "coach", "POST", "/cases/"+v.ID+"/events/Bezwaar!", nil)
	e.must(404, "dordrecht", "POST", path, map[string]any{"data": map[string]any{"advies": "hulp"}})
	e.must(403, "coach-lemelerveld", "POST", path, map[string]any{"data": map[string]any{"advies": "hulp"}})
	e.must(400, "coach", "POST", path, map[string]any{"dta": map[string]any{}})

	var first, again workflows.CaseView
	body := map[string]any{"data": map[string]any{"advies": "hulp"}}
	e.must(200, "coach", "POST", path, body, "Idempotency-Key", "vt-1").decode(t, &first)
	e.must(200, "coach", "POST", path, body, "Idempotency-Key", "vt-1").decode(t, &again)
	if len(first.Tasks) != 1 || first.Tasks[0].Step != "hulp" || len(first.Events) != 0 || first.Data["advies"] != "hulp" {
		t.Fatalf("after the event: tasks %+v, events %v, data %v", first.Tasks, first.Events, first.Data)
	}
	n := 0
	for _, te := range again.Trail {
		if te.Event == "event-received" {
			n++
			if te.Actor != "u-coach" || te.Args["event"] != "reactie-veilig-thuis" {
				t.Errorf("trail entry %+v", te)
			}
		}
	}
	if n != 1 || len(again.Tasks) != 1 {
		t.Errorf("a retried delivery acted again: %d entries, tasks %+v", n, again.Tasks)
	}
	e.must(409, "coach", "POST", path, body, "Idempotency-Key", "vt-2")

	// The receipt date is on the case and on its task in the task list.
	if v.Received.IsZero() || !first.Tasks[0].Received.Equal(v.Received) {
		t.Errorf("received: case %v, task %v", v.Received, first.Tasks[0].Received)
	}
	e.eventually("the task in the task list", func() bool {
		var list TaskList
		e.must(200, "coach", "GET", "/tasks", nil).decode(t, &list)
		for _, tk := range list.Tasks {
			if tk.CaseID == v.ID && tk.ID == "hulp-1" {
				return tk.Received != nil && tk.Received.Equal(v.Received)
			}
		}
		return false
	})
}
