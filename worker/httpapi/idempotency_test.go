package httpapi

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/wijkflow/wijkflow/workflows"
)

// meldingData completes the dalfsen melding task.
func meldingData() map[string]any {
	return map[string]any{"data": map[string]any{"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}}
}

func completions(v workflows.CaseView, taskID string) int {
	n := 0
	for _, tr := range v.Trail {
		if tr.Event == "task-completed" && tr.Task == taskID {
			n++
		}
	}
	return n
}

// TestIdempotencyKey: the same completion twice with one key acts once and answers the
// same; with another key it is a 409, because the task is no longer open.
func TestIdempotencyKey(t *testing.T) {
	e, v := newEnvWithCase(t)
	tk, path := completePath(t, v, "melding")

	first := e.must(200, "coach", "POST", path, meldingData(), "Idempotency-Key", "key-1")
	again := e.must(200, "coach", "POST", path, meldingData(), "Idempotency-Key", "key-1")
	if !bytes.Equal(first.body, again.body) {
		t.Errorf("a retry answered differently:\nfirst %s\nagain %s", first.body, again.body)
	}
	if n := completions(e.view("coach", v.ID), tk); n != 1 {
		t.Errorf("the task was completed %d times", n)
	}
	r := e.must(409, "coach", "POST", path, meldingData(), "Idempotency-Key", "key-2")
	var got Error
	r.decode(t, &got)
	if got.Message == "" {
		t.Error("409 without a message")
	}
	// The key is scoped to the action and task: reusing it to claim the next task acts.
	next := task(t, e.view("coach", v.ID), "persoonlijk-plan").ID
	e.must(200, "coach", "POST", fmt.Sprintf("/cases/%s/tasks/%s/claim", v.ID, next), nil, "Idempotency-Key", "key-1")
	if a := task(t, e.view("coach", v.ID), "persoonlijk-plan").Assignee; a != "u-coach" {
		t.Errorf("claim with a reused key did not act: assignee %q", a)
	}
}

// TestConcurrentCompletions: of many simultaneous completions of one task exactly one
// wins; the others are told the task is not open.
func TestConcurrentCompletions(t *testing.T) {
	e, v := newEnvWithCase(t)
	tk, path := completePath(t, v, "melding")
	const n = 8
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			statuses[i] = e.do("coach", "POST", path, meldingData()).status
		})
	}
	wg.Wait()
	count := map[int]int{}
	for _, s := range statuses {
		count[s]++
	}
	if count[200] != 1 || count[409] != n-1 {
		t.Fatalf("statuses %v, want one 200 and %d × 409", statuses, n-1)
	}
	if c := completions(e.view("coach", v.ID), tk); c != 1 {
		t.Errorf("the task was completed %d times", c)
	}
}
