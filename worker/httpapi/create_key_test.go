package httpapi

import (
	"context"
	"strings"
	"sync"
	"testing"

	"go.temporal.io/api/workflowservice/v1"

	"github.com/wijkflow/wijkflow/workflows"
)

func createBody() map[string]any {
	return map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": dalfsenIntake()}
}

// TestCreateWithIdempotencyKey: the same caller and key reach the same case, answered
// with its view; another body with that key is a 409; another caller's same key is
// another case; a blank key is a 400.
func TestCreateWithIdempotencyKey(t *testing.T) {
	e := newEnv(t)
	var first, again, other workflows.CaseView
	e.must(201, "coach", "POST", "/cases", createBody(), "Idempotency-Key", "melding-0042").decode(t, &first)
	if len(first.Tasks) != 1 || first.Tasks[0].Step != "melding" {
		t.Fatalf("first view without the melding task: %+v", first.Tasks)
	}
	e.must(201, "coach", "POST", "/cases", createBody(), "Idempotency-Key", "melding-0042").decode(t, &again)
	if again.ID != first.ID || len(again.Tasks) != 1 {
		t.Errorf("retry reached %s (tasks %v), want %s", again.ID, again.Tasks, first.ID)
	}
	changed := createBody()
	changed["team"] = "lemelerveld"
	r := e.must(409, "coach", "POST", "/cases", changed, "Idempotency-Key", "melding-0042")
	var msg Error
	r.decode(t, &msg)
	if msg.Message != "this Idempotency-Key was used for another request; send that request again, or use a new key" {
		t.Errorf("409 message %q", msg.Message)
	}
	e.must(201, "jeugd", "POST", "/cases", createBody(), "Idempotency-Key", "melding-0042").decode(t, &other)
	if other.ID == first.ID {
		t.Error("another caller's key reached the first caller's case")
	}
	for _, k := range []string{" ", "a b", strings.Repeat("k", 201)} {
		e.must(400, "coach", "POST", "/cases", createBody(), "Idempotency-Key", k)
	}
	if n := e.count(`WorkflowId = "` + first.ID + `"`); n != 1 {
		t.Errorf("%d executions of the keyed case", n)
	}
}

// TestConcurrentCreatesOneCase: creates sent at once with one key make one case, and
// every one of them answers it.
func TestConcurrentCreatesOneCase(t *testing.T) {
	e := newEnv(t)
	const n = 6
	views := make([]workflows.CaseView, n)
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r := e.do("coach", "POST", "/cases", createBody(), "Idempotency-Key", "tegelijk-1")
			statuses[i] = r.status
			if r.status == 201 {
				r.decode(t, &views[i])
			}
		})
	}
	wg.Wait()
	for i := range n {
		if statuses[i] != 201 || views[i].ID != views[0].ID {
			t.Fatalf("create %d: status %d case %s, want 201 and %s", i, statuses[i], views[i].ID, views[0].ID)
		}
	}
	if got := e.count(`WijkGemeente = "dalfsen"`); got != 1 {
		t.Errorf("%d cases, want 1", got)
	}
}

// count counts the executions a visibility query matches, waiting until visibility
// has caught up (it never shrinks here, so the first stable answer above zero counts).
func (e *env) count(query string) int64 {
	e.t.Helper()
	var n int64
	e.eventually("visibility shows "+query, func() bool {
		resp, err := e.client.CountWorkflow(context.Background(), &workflowservice.CountWorkflowExecutionsRequest{Namespace: e.ns, Query: query})
		if err != nil {
			return false
		}
		n = resp.GetCount()
		return n > 0
	})
	return n
}
