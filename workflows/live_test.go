package workflows

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/interceptor"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"go.temporal.io/server/temporaltest"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

// Cases on a real, in-memory Temporal server (temporaltest): for recording the replay
// histories and for the benchmark, which counts history events.

// liveServer is a server with the case search attributes registered and a worker on
// DefaultTaskQueue running the interpreter, the hand-written baseline and fake
// activities.
type liveServer struct {
	ts   *temporaltest.TestServer
	c    client.Client
	stop func()
}

// startLive starts the server, its worker with the actor check and extra interceptors;
// it stops when the test or benchmark ends.
func startLive(tb testing.TB, forms map[string]definitions.Form, extra ...interceptor.WorkerInterceptor) *liveServer {
	tb.Helper()
	quiet := log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
	keys := testutil.Keys() // as in production: payloads encrypted, actors verified
	ts := temporaltest.NewServer(
		temporaltest.WithBaseClientOptions(client.Options{Logger: quiet, DataConverter: keys.DataConverter(), FailureConverter: keys.FailureConverter()}),
		temporaltest.WithBaseWorkerOptions(sdkworker.Options{Interceptors: append([]interceptor.WorkerInterceptor{actors.NewInterceptor(keys)}, extra...)}),
	)
	stop := sync.OnceFunc(ts.Stop)
	tb.Cleanup(stop)
	c := ts.GetDefaultClient()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
		Namespace:        ts.GetDefaultNamespace(),
		SearchAttributes: SearchAttributes(),
	}); err != nil {
		tb.Fatalf("registering search attributes: %v", err)
	}
	ts.NewWorker(DefaultTaskQueue, func(r sdkworker.Registry) {
		r.RegisterWorkflowWithOptions(CaseWorkflow, workflow.RegisterOptions{Name: CaseWorkflowName})
		r.RegisterWorkflowWithOptions((&hwWorkflow{forms: forms}).run, workflow.RegisterOptions{Name: hwName})
		r.RegisterActivityWithOptions(func(context.Context, activities.NotifyInput) error { return nil },
			activity.RegisterOptions{Name: activities.NotifyName})
		r.RegisterActivityWithOptions(func(_ context.Context, in activities.HandoffInput) (activities.HandoffResult, error) {
			// A provider that refuses the first attempt of the cases named so.
			if strings.HasPrefix(in.CaseID, refusedPrefix) && !strings.Contains(in.IdempotencyKey, "/retry-") {
				return activities.HandoffResult{}, temporal.NewNonRetryableApplicationError(
					"handoff to "+in.Provider+": webhook rejected the request: 422 Unprocessable Entity", activities.ErrRejected, nil)
			}
			return activities.HandoffResult{Reference: "ref-" + in.CaseID}, nil
		}, activity.RegisterOptions{Name: activities.HandoffName})
	})
	return &liveServer{ts: ts, c: c, stop: stop}
}

// refusedPrefix starts the ids of live cases whose first hand-off attempt is refused.
const refusedPrefix = "refused-"

// liveStep is one update a team worker sends, and the open tasks its answer must show.
type liveStep struct {
	update string // UpdateComplete, UpdateClaim, UpdateSuspend, UpdateResume or UpdateExtend
	task   string
	role   string
	data   map[string]any
	// open lists the task ids open after the update, comma-separated; for a rejected
	// update, the error type instead, prefixed with "!".
	open string
	// child is the suffix of a child case's workflow id ("" for the case itself).
	child string
	// await: the task opens later (e.g. when a child case ends); wait for it first.
	await bool
	// awaitFailed: wait until a hand-off has failed first.
	awaitFailed bool
	// event is the event an UpdateEvent delivers (with data).
	event string
	// to is the step a route-on goes to.
	to string
	// to is the target of an UpdateMigrate.
	migrateTo *definitions.Definition
}

// liveCase is a case and the updates it runs through.
type liveCase struct {
	workflow string // CaseWorkflowName or hwName
	input    any
	opts     client.StartWorkflowOptions
	gemeente string
	team     string
	steps    []liveStep
	want     CaseResult
	// children are the suffixes of the child cases it starts, for recording.
	children []string
}

// run starts the case, sends its updates in order, checks every answer and the result,
// and returns the workflow's run id.
func (lc liveCase) run(ctx context.Context, c client.Client) (string, error) {
	run, err := c.ExecuteWorkflow(ctx, lc.opts, lc.workflow, lc.input)
	if err != nil {
		return "", err
	}
	// As the task API does: the first update waits until the first workflow task has
	// opened the start step.
	if err := awaitView(ctx, c, lc.opts.ID, func(CaseView) bool { return true }); err != nil {
		return "", err
	}
	for i, s := range lc.steps {
		target := lc.opts.ID + s.child
		if s.awaitFailed {
			failed := func(v CaseView) bool {
				return slices.ContainsFunc(v.Handoffs, func(h HandoffView) bool { return h.Status == "failed" })
			}
			if err := awaitView(ctx, c, target, failed); err != nil {
				return "", fmt.Errorf("waiting for a failed hand-off: %w", err)
			}
		}
		if s.await {
			open := func(v CaseView) bool {
				return slices.ContainsFunc(v.Tasks, func(t TaskView) bool { return t.ID == s.task })
			}
			if err := awaitView(ctx, c, target, open); err != nil {
				return "", fmt.Errorf("waiting for %s to open: %w", s.task, err)
			}
		}
		actor := Actor{UserID: "u-" + s.role, Gemeente: lc.gemeente, Teams: []string{lc.team}, Roles: []string{s.role}}
		var req any
		switch s.update {
		case UpdateComplete:
			req = CompleteRequest{Actor: actor, TaskID: s.task, Data: s.data}
		case UpdateClaim:
			req = ClaimRequest{Actor: actor, TaskID: s.task}
		case UpdateSuspend:
			req = SuspendRequest{Actor: actor, Reason: "wacht op gegevens van de inwoner"}
		case UpdateResume:
			req = ResumeRequest{Actor: actor}
		case UpdateExtend:
			req = ExtendRequest{Actor: actor, TaskID: s.task, Reason: "complexe situatie", By: "1w"}
		case UpdateRetryHandoff:
			req = RetryHandoffRequest{Actor: actor, Reason: "gegevens aangevuld"}
		case UpdateRouteOn:
			req = RouteOnRequest{Actor: actor, To: s.to, Reason: "aanbieder weigert"}
		case UpdateMigrate:
			req = MigrateRequest{Actor: actor, To: *s.migrateTo}
		case UpdateEvent:
			req = EventRequest{Actor: actor, Event: s.event, Data: s.data}
		}
		updateID := fmt.Sprintf("%s-%d", lc.opts.ID, i)
		if req, err = actors.Sign(testutil.Keys(), req, s.update, target, updateID, time.Now().Add(actors.TTL)); err != nil {
			return "", err
		}
		h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
			WorkflowID: target, UpdateID: updateID, UpdateName: s.update,
			Args: []any{req}, WaitForStage: client.WorkflowUpdateStageCompleted,
		})
		if err != nil {
			return "", fmt.Errorf("update %d (%s %s): %w", i, s.update, s.task, err)
		}
		var view CaseView
		err = h.Get(ctx, &view)
		if got := liveOutcome(view, err); got != s.open {
			return "", fmt.Errorf("update %d (%s %s): got %s, want %s", i, s.update, s.task, got, s.open)
		}
	}
	var res CaseResult
	if err := run.Get(ctx, &res); err != nil {
		return "", err
	}
	if res != lc.want {
		return "", fmt.Errorf("result %+v, want %+v", res, lc.want)
	}
	return run.GetRunID(), nil
}

// awaitView queries a case until its view satisfies ok (a workflow that has not run its
// first task yet answers "not ready"), backing off, within ctx.
func awaitView(ctx context.Context, c client.Client, id string, ok func(CaseView) bool) error {
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		val, err := c.QueryWorkflow(ctx, id, "", QueryCase)
		var notReady *serviceerror.WorkflowNotReady
		switch {
		case err == nil:
			var v CaseView
			if err := val.Get(&v); err != nil {
				return err
			}
			if ok(v) {
				return nil
			}
		case !errors.As(err, &notReady):
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// liveOutcome is the open task ids of an answer, or "!" and the error type.
func liveOutcome(v CaseView, err error) string {
	if err != nil {
		var appErr *temporal.ApplicationError
		if errors.As(err, &appErr) {
			return "!" + appErr.Type()
		}
		return "!" + err.Error()
	}
	ids := make([]string, len(v.Tasks))
	for i, t := range v.Tasks {
		ids[i] = t.ID
	}
	slices.Sort(ids)
	return strings.Join(ids, ",")
}

// liveEventCount counts the events of a workflow run's history.
func liveEventCount(ctx context.Context, c client.Client, id, runID string) (int, error) {
	it := c.GetWorkflowHistory(ctx, id, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	n := 0
	for it.HasNext() {
		if _, err := it.Next(); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}
