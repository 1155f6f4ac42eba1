package httpapi

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/workflows"
)

// TestBadInputChangesNothing: each bad input found by the drill of issue 8 gets its
// 4xx with our own message, and the case is as it was.
func TestBadInputChangesNothing(t *testing.T) {
	e, v := newEnvWithCase(t)
	tk := task(t, v, "melding").ID
	base := "/cases/" + v.ID + "/tasks/" + tk
	longID := strings.Repeat("x", 5000)
	for _, tc := range []struct {
		name, method, path string
		body               any
		headers            []string
		status             int
		msg                string
	}{
		{"garbage page token", "GET", "/cases?pageToken=YWJj", nil, nil, 400, "pageToken is not a token this API handed out; pass nextPageToken unchanged"},
		{"garbage page token on tasks", "GET", "/tasks?pageToken=YWJj", nil, nil, 400, "pageToken is not a token this API handed out; pass nextPageToken unchanged"},
		{"assign to an unknown user", "POST", base + "/assign", map[string]any{"assignee": "u-nobody"}, nil, 422, "the request breaks the rules; see errors"},
		{"assign to a user of another gemeente", "POST", base + "/assign", map[string]any{"assignee": "u-dordrecht"}, nil, 422, "the request breaks the rules; see errors"},
		{"assign with {}", "POST", base + "/assign", map[string]any{}, nil, 422, "the request breaks the rules; see errors"},
		{"keys in another case", "POST", base + "/complete", `{"DATA": {"urgentie": "regulier"}}`, nil, 400, `unknown field "DATA"; field names are case-sensitive: write "data"`},
		{"blank Idempotency-Key", "POST", base + "/claim", nil, []string{"Idempotency-Key", " "}, 400, "Idempotency-Key is blank; send a key (e.g. a UUID) or leave the header out"},
		{"a 5000-character task id", "POST", "/cases/" + v.ID + "/tasks/" + longID + "/claim", nil, nil, 404, "task not found: not a task id (they read step-1)"},
		{"received 0000-01-01", "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": dalfsenIntake(), "received": "0000-01-01"}, nil, 422, "the request breaks the rules; see errors"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do("coach", tc.method, tc.path, tc.body, tc.headers...)
			var got Error
			r.decode(t, &got)
			if r.status != tc.status || got.Message != tc.msg {
				t.Errorf("status %d %q, want %d %q (errors %v)", r.status, got.Message, tc.status, tc.msg, got.Errors)
			}
		})
	}
	after := e.view("coach", v.ID)
	if len(after.Trail) != len(v.Trail) || task(t, after, "melding").Assignee != "" {
		t.Errorf("bad input changed the case: trail %s", trailEvents(after))
	}
	var l caseList
	e.must(200, "coach", "GET", "/cases", nil).decode(t, &l)
	for _, c := range l.Cases {
		if c.ID != v.ID {
			t.Errorf("a rejected create made case %s", c.ID)
		}
	}
}

// TestAssignTwiceChangesTheTrailOnce: a reassign to the current assignee is a 409.
func TestAssignTwiceChangesTheTrailOnce(t *testing.T) {
	e, v := newEnvWithCase(t)
	path := fmt.Sprintf("/cases/%s/tasks/%s/assign", v.ID, task(t, v, "melding").ID)
	e.must(200, "lead", "POST", path, map[string]any{"assignee": "u-coach"})
	e.must(409, "lead", "POST", path, map[string]any{"assignee": "u-coach"})
	if n := strings.Count(trailEvents(e.view("lead", v.ID)), "task-reassigned"); n != 1 {
		t.Errorf("%d reassign entries", n)
	}
}

// TestTerminatedCaseIsClosed: a case terminated from outside (the Web UI) is shown
// closed, as terminated, without open tasks; an update on it is a 409.
func TestTerminatedCaseIsClosed(t *testing.T) {
	e, v := newEnvWithCase(t)
	if err := e.client.TerminateWorkflow(context.Background(), v.ID, "", "test"); err != nil {
		t.Fatal(err)
	}
	got := e.view("coach", v.ID)
	if got.Status != workflows.StatusClosed || got.ClosedAs != "terminated" || len(got.Tasks) != 0 {
		t.Errorf("terminated case: status %s closedAs %q tasks %d", got.Status, got.ClosedAs, len(got.Tasks))
	}
	e.must(409, "coach", "POST", fmt.Sprintf("/cases/%s/tasks/%s/claim", v.ID, task(t, v, "melding").ID), nil)
}
