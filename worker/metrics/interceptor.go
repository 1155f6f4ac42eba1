package metrics

import (
	"context"
	"errors"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/interceptor"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/workflows"
)

// Names of the metrics the interceptor counts through the SDK's handler; the exporter
// adds "_total".
const (
	casesStarted    = "wijkflow_cases_started"
	casesClosed     = "wijkflow_cases_closed"
	taskCompletions = "wijkflow_task_completions"
	handoffs        = "wijkflow_handoffs"
)

// help describes the metrics the interceptor counts.
var help = map[string]string{
	casesStarted:    "Cases started, by gemeente and process (a continued case is not started again).",
	casesClosed:     "Cases closed, by gemeente, process and result (the end step's result, failed or cancelled).",
	taskCompletions: "Task completions, by gemeente, process and outcome (completed, or refused by the workflow).",
	handoffs:        "Hand-off attempts to providers, by outcome (delivered, retrying, failed).",
}

// NewInterceptor counts cases started and closed, task completions and hand-offs on
// the worker. It records through the SDK's metrics handler of the workflow or activity,
// which stays silent while a workflow replays, so a case replayed on another worker is
// never counted twice. Workflow histories and results are untouched.
func NewInterceptor() interceptor.WorkerInterceptor { return &workerInterceptor{} }

type workerInterceptor struct {
	interceptor.WorkerInterceptorBase
}

func (*workerInterceptor) InterceptWorkflow(_ workflow.Context, next interceptor.WorkflowInboundInterceptor) interceptor.WorkflowInboundInterceptor {
	return &caseInbound{WorkflowInboundInterceptorBase: interceptor.WorkflowInboundInterceptorBase{Next: next}}
}

func (*workerInterceptor) InterceptActivity(_ context.Context, next interceptor.ActivityInboundInterceptor) interceptor.ActivityInboundInterceptor {
	return &handoffInbound{ActivityInboundInterceptorBase: interceptor.ActivityInboundInterceptorBase{Next: next}}
}

type caseInbound struct {
	interceptor.WorkflowInboundInterceptorBase
	tags map[string]string
}

func (c *caseInbound) ExecuteWorkflow(ctx workflow.Context, in *interceptor.ExecuteWorkflowInput) (any, error) {
	input, ok := caseInput(in.Args)
	if !ok || workflow.GetInfo(ctx).WorkflowType.Name != workflows.CaseWorkflowName {
		return c.Next.ExecuteWorkflow(ctx, in)
	}
	c.tags = map[string]string{"gemeente": input.Definition.Gemeente, "process": input.Definition.Process}
	m := workflow.GetMetricsHandler(ctx).WithTags(c.tags)
	if input.Carried == nil { // a continued case started before
		m.Counter(casesStarted).Inc(1)
	}
	out, err := c.Next.ExecuteWorkflow(ctx, in)
	if result, closed := closing(out, err); closed {
		m.WithTags(map[string]string{"result": result}).Counter(casesClosed).Inc(1)
	}
	return out, err
}

// closing says whether the case ended and how: its result, or "failed" and
// "cancelled". A continue-as-new goes on as the same case.
func closing(out any, err error) (string, bool) {
	var cont *workflow.ContinueAsNewError
	switch {
	case errors.As(err, &cont):
		return "", false
	case errors.Is(err, workflow.ErrCanceled):
		return "cancelled", true
	case err != nil:
		return "failed", true
	}
	if r, ok := out.(workflows.CaseResult); ok && r.Result != "" {
		return r.Result, true
	}
	return "closed", true
}

func (c *caseInbound) ExecuteUpdate(ctx workflow.Context, in *interceptor.UpdateInput) (any, error) {
	out, err := c.Next.ExecuteUpdate(ctx, in)
	if in.Name == workflows.UpdateComplete && c.tags != nil {
		outcome := "completed"
		if err != nil {
			outcome = "refused"
		}
		workflow.GetMetricsHandler(ctx).WithTags(c.tags).WithTags(map[string]string{"outcome": outcome}).
			Counter(taskCompletions).Inc(1)
	}
	return out, err
}

func caseInput(args []any) (workflows.CaseInput, bool) {
	if len(args) != 1 {
		return workflows.CaseInput{}, false
	}
	switch v := args[0].(type) {
	case workflows.CaseInput:
		return v, true
	case *workflows.CaseInput:
		return *v, v != nil
	}
	return workflows.CaseInput{}, false
}

type handoffInbound struct {
	interceptor.ActivityInboundInterceptorBase
}

// ExecuteActivity counts hand-off attempts by outcome: "delivered", "retrying" (the
// activity will be tried again) or "failed" (no more tries: the case shows it).
func (h *handoffInbound) ExecuteActivity(ctx context.Context, in *interceptor.ExecuteActivityInput) (any, error) {
	out, err := h.Next.ExecuteActivity(ctx, in)
	info := activity.GetInfo(ctx)
	if info.ActivityType.Name != activities.HandoffName {
		return out, err
	}
	outcome := "delivered"
	if err != nil {
		outcome = "retrying"
		if last(info, err) {
			outcome = "failed"
		}
	}
	activity.GetMetricsHandler(ctx).WithTags(map[string]string{"outcome": outcome}).Counter(handoffs).Inc(1)
	return out, err
}

// last is true when no retry follows err: it is non-retryable or the attempts are spent.
func last(info activity.Info, err error) bool {
	var app interface{ NonRetryable() bool }
	if errors.As(err, &app) && app.NonRetryable() {
		return true
	}
	max := info.RetryPolicy
	return max != nil && max.MaximumAttempts > 0 && info.Attempt >= max.MaximumAttempts
}
