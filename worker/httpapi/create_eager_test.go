package httpapi

import (
	"context"
	"testing"

	enumspb "go.temporal.io/api/enums/v1"
)

// TestCreateStartsEagerly: a create's first workflow task is handed back in the start's
// answer and run by this process's worker (Temporal marks the start event
// eager_execution_accepted), and its first view comes from a query: the history holds
// no update (which cost a workflow task and a write).
func TestCreateStartsEagerly(t *testing.T) {
	e, view := newEnvWithCase(t)
	it := e.client.GetWorkflowHistory(context.Background(), view.ID, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	var types []enumspb.EventType
	for it.HasNext() {
		ev, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		if ev.GetEventType() == enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED &&
			!ev.GetWorkflowExecutionStartedEventAttributes().GetEagerExecutionAccepted() {
			t.Error("the start was not eager: its first workflow task went through the task queue")
		}
		types = append(types, ev.GetEventType())
	}
	want := []enumspb.EventType{
		enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
		enumspb.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
		enumspb.EVENT_TYPE_WORKFLOW_TASK_STARTED,
		enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
	}
	if len(types) < len(want) {
		t.Fatalf("history %v", types)
	}
	for i, w := range want {
		if types[i] != w {
			t.Fatalf("event %d is %v, want %v (history %v)", i+1, types[i], w, types)
		}
	}
	for _, ty := range types {
		if ty == enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED {
			t.Errorf("the create sent an update: %v", types)
		}
	}
}
