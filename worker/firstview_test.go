package worker_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	dto "github.com/prometheus/client_model/go"

	"github.com/wijkflow/wijkflow/worker/metrics"
	"github.com/wijkflow/wijkflow/workflows"
)

// A create on a process that runs the worker beside its API answers from the case's
// first workflow task (package firstview), with the view the case itself answers;
// a retried create of the running case, whose start comes without a task, asks by
// query and gets the same case.
func TestCreateAnswersFromFirstTask(t *testing.T) {
	_, own, base := vierService(t)

	body := map[string]any{"gemeente": "testdorp", "process": "vier", "team": "noord", "data": map[string]any{"bron": "inwoner"}}
	firstTask := func() float64 {
		var m dto.Metric
		if err := metrics.FirstViews.WithLabelValues("first-task").Write(&m); err != nil {
			t.Fatal(err)
		}
		return m.GetCounter().GetValue()
	}
	before := firstTask()
	var created workflows.CaseView
	if status, err := post(base+"/api/v1/cases", body, "eerste-taak", &created); err != nil || status != http.StatusCreated {
		t.Fatalf("create: %d %v", status, err)
	}
	if got := firstTask() - before; got != 1 {
		t.Fatalf("%v creates answered from their first task, want 1", got)
	}
	if len(created.Tasks) != 1 || created.Tasks[0].ID != "melding-1" || created.Tasks[0].Deadline == nil {
		t.Fatalf("created view: tasks %+v", created.Tasks)
	}
	var queried workflows.CaseView
	val, err := own.QueryWorkflow(context.Background(), created.ID, "", workflows.QueryCase)
	if err == nil {
		err = val.Get(&queried)
	}
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(created)
	b, _ := json.Marshal(queried)
	if string(a) != string(b) {
		t.Errorf("the create answered\n%s\nthe case answers\n%s", a, b)
	}

	var again workflows.CaseView
	if status, err := post(base+"/api/v1/cases", body, "eerste-taak", &again); err != nil || status != http.StatusCreated {
		t.Fatalf("retried create: %d %v", status, err)
	}
	if again.ID != created.ID || len(again.Tasks) != 1 || again.Tasks[0].ID != "melding-1" {
		t.Errorf("retried create answered %s %+v, want the case %s", again.ID, again.Tasks, created.ID)
	}
	if got := firstTask() - before; got != 1 {
		t.Errorf("%v creates answered from a first task, want 1: the retry has none", got)
	}
}
