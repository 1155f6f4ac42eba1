package worker_test

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/stretchr/testify/mock"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/workflows"
)

// TestVierZoalsPublishesForTheLists drives one VierZoals case through its four tasks on
// the embedded server and checks, after each transition, that the query of wijkflow's
// team list finds it at its open step, with the search attributes and the encrypted
// memo the lists read; so the same-job baseline of BenchmarkBesideSDK does that job.
func TestVierZoalsPublishesForTheLists(t *testing.T) {
	srv := testserver.Start(t, testserver.Options{})
	w := sdkworker.New(srv.Client, sdkQueue, sdkworker.Options{})
	w.RegisterWorkflowWithOptions(vierZoals, workflow.RegisterOptions{Name: zoalsWorkflow})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	ctx := context.Background()
	id := "zoals-job"
	start := client.StartWorkflowOptions{ID: id, TaskQueue: sdkQueue, TypedSearchAttributes: zoalsStart(),
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING}
	h, err := srv.Client.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
		StartWorkflowOperation: srv.Client.NewWithStartWorkflowOperation(start, zoalsWorkflow, "inwoner"),
		UpdateOptions:          client.UpdateWorkflowOptions{UpdateName: baselineOpen, WaitForStage: client.WorkflowUpdateStageCompleted},
	})
	var task baselineTask
	if err == nil {
		err = h.Get(ctx, &task)
	}
	if err != nil {
		t.Fatal(err)
	}
	for n := range baselineSteps {
		opened := time.Now()
		e := listedAt(t, srv.Client, srv.Namespace(), task.Step)
		checkListed(t, e, task, opened)
		h, err := srv.Client.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
			WorkflowID: id, UpdateName: baselineComplete, WaitForStage: client.WorkflowUpdateStageCompleted,
			Args: []any{task.ID, map[string]any{"n": n}},
		})
		if err == nil {
			err = h.Get(ctx, &task)
		}
		if err != nil {
			t.Fatalf("complete %s: %v", task.ID, err)
		}
	}
	if err := srv.Client.GetWorkflow(ctx, id, "").Get(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// Closed, it leaves the lists: no open step, role or deadline, no task in the memo.
	d, err := srv.Client.DescribeWorkflowExecution(ctx, id, "")
	if err != nil {
		t.Fatal(err)
	}
	fields := d.GetWorkflowExecutionInfo().GetSearchAttributes().GetIndexedFields()
	for _, k := range []string{workflows.SAStep.GetName(), workflows.SARoles.GetName(), workflows.SADeadline.GetName(), workflows.SAAssignees.GetName()} {
		if fields[k] != nil {
			t.Errorf("closed case still has %s", k)
		}
	}
	if tasks := memoTasks(t, d.GetWorkflowExecutionInfo()); len(tasks) != 0 {
		t.Errorf("closed case's memo lists %v", tasks)
	}
}

// listedAt waits until the team list's query (the coach's team and role) finds the
// running case at step, and answers it.
func listedAt(t *testing.T, c client.Client, namespace, step string) *workflowpb.WorkflowExecutionInfo {
	t.Helper()
	q := fmt.Sprintf(`WorkflowType = %q AND WijkGemeente = "testdorp" AND ExecutionStatus = "Running"`+
		` AND (WijkTeam = "noord") AND (WijkRoles = "coach") AND WijkStep = %q`, zoalsWorkflow, step)
	var found *workflowpb.WorkflowExecutionInfo
	testutil.Soon(t, func() error {
		resp, err := c.ListWorkflow(context.Background(), &workflowservice.ListWorkflowExecutionsRequest{Namespace: namespace, Query: q})
		if err != nil {
			return err
		}
		if len(resp.GetExecutions()) != 1 {
			return fmt.Errorf("%s: %d cases", q, len(resp.GetExecutions()))
		}
		found = resp.GetExecutions()[0]
		return nil
	})
	return found
}

// checkListed checks what the lists read of a case with one open task: the search
// attributes (nobody claimed it: no assignee) and the memo, encrypted in Temporal.
func checkListed(t *testing.T, e *workflowpb.WorkflowExecutionInfo, task baselineTask, opened time.Time) {
	t.Helper()
	fields := e.GetSearchAttributes().GetIndexedFields()
	plain := converter.GetDefaultDataConverter()
	var roles []string
	var deadline time.Time
	if err := plain.FromPayloads(&commonpb.Payloads{Payloads: []*commonpb.Payload{fields[workflows.SARoles.GetName()], fields[workflows.SADeadline.GetName()]}}, &roles, &deadline); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(roles, []string{zoalsRole, zoalsLead}) || fields[workflows.SAAssignees.GetName()] != nil {
		t.Errorf("%s: WijkRoles %v, WijkAssignees %v", task.ID, roles, fields[workflows.SAAssignees.GetName()])
	}
	if want := opened.Add(zoalsDeadline); deadline.Before(want.Add(-time.Minute)) || deadline.After(want.Add(time.Minute)) {
		t.Errorf("%s: WijkDeadline %v, want about %v", task.ID, deadline, want)
	}
	if enc := string(e.GetMemo().GetFields()[zoalsMemo].GetMetadata()[converter.MetadataEncoding]); enc != "binary/encrypted" {
		t.Errorf("%s: memo encoding %q, want binary/encrypted", task.ID, enc)
	}
	tasks := memoTasks(t, e)
	if len(tasks) != 1 || tasks[0].ID != task.ID || tasks[0].Step != task.Step || tasks[0].Team != zoalsTeam ||
		tasks[0].Role != zoalsRole || !tasks[0].Deadline.Equal(deadline) || tasks[0].Overdue {
		t.Errorf("%s: memo %+v", task.ID, tasks)
	}
}

// memoTasks decrypts the open tasks of a case's memo, as a list does.
func memoTasks(t *testing.T, e *workflowpb.WorkflowExecutionInfo) []zoalsTask {
	t.Helper()
	var tasks []zoalsTask
	if err := testutil.Keys().DataConverter().FromPayload(e.GetMemo().GetFields()[zoalsMemo], &tasks); err != nil {
		t.Fatal(err)
	}
	return tasks
}

// TestVierZoalsMarksALateTaskOverdue runs VierZoals with time skipping: the first task
// done within its week, the second a day late. Only the second's timer fires; the memo
// then shows it overdue, and the case still finishes.
func TestVierZoalsMarksALateTaskOverdue(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	s.SetLogger(log.NewStructuredLogger(slog.New(slog.DiscardHandler)))
	env := s.NewTestWorkflowEnvironment()
	env.RegisterWorkflowWithOptions(vierZoals, workflow.RegisterOptions{Name: zoalsWorkflow})
	begin := env.Now()
	var overdue []string
	env.OnUpsertMemo(mock.Anything).Run(func(args mock.Arguments) {
		for _, task := range args.Get(0).(map[string]any)[zoalsMemo].([]zoalsTask) {
			if task.Overdue {
				overdue = append(overdue, fmt.Sprintf("%s after %v", task.ID, env.Now().Sub(begin)))
			}
		}
	}).Return(nil)
	complete := func(at time.Duration, id string) {
		env.RegisterDelayedCallback(func() {
			env.UpdateWorkflow(baselineComplete, id, &testsuite.TestUpdateCallback{
				OnReject:   func(err error) { t.Errorf("complete %s: %v", id, err) },
				OnAccept:   func() {},
				OnComplete: func(any, error) {},
			}, id, map[string]any{})
		}, at)
	}
	const day = 24 * time.Hour
	complete(time.Hour, "melding-1")
	complete(8*day+time.Hour, "gesprek-2")
	complete(8*day+2*time.Hour, "plan-3")
	complete(8*day+3*time.Hour, "evaluatie-4")
	env.ExecuteWorkflow(zoalsWorkflow, "inwoner")
	if !env.IsWorkflowCompleted() || env.GetWorkflowError() != nil {
		t.Fatalf("completed %v, error %v", env.IsWorkflowCompleted(), env.GetWorkflowError())
	}
	// gesprek-2 opened an hour in; its week ends 7 days and an hour in.
	if want := []string{"gesprek-2 after " + (7*day + time.Hour).String()}; !slices.Equal(overdue, want) {
		t.Errorf("overdue in the memo: %v, want %v", overdue, want)
	}
}
