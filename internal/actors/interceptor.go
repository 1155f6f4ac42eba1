package actors

import (
	"context"
	"reflect"

	"go.temporal.io/sdk/interceptor"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// ErrForbidden is the application error type of an update whose actor is not signed:
// the case workflow's own type for a caller who may not act (workflows.ErrForbidden),
// which the task API answers with 403.
const ErrForbidden = "Forbidden"

// NewInterceptor verifies the signed actor of every update before its validator
// runs. Every update of the case workflow takes one request struct with an Actor field,
// so a new update is covered without a line of its own; an update without an actor is
// rejected.
func NewInterceptor(keys Keys) interceptor.WorkerInterceptor {
	return &workerInterceptor{keys: keys}
}

type workerInterceptor struct {
	interceptor.WorkerInterceptorBase
	keys Keys
}

func (i *workerInterceptor) InterceptWorkflow(ctx workflow.Context, next interceptor.WorkflowInboundInterceptor) interceptor.WorkflowInboundInterceptor {
	return &inbound{WorkflowInboundInterceptorBase: interceptor.WorkflowInboundInterceptorBase{Next: next}, keys: i.keys}
}

func (i *workerInterceptor) InterceptActivity(ctx context.Context, next interceptor.ActivityInboundInterceptor) interceptor.ActivityInboundInterceptor {
	return next
}

type inbound struct {
	interceptor.WorkflowInboundInterceptorBase
	keys Keys
}

// ValidateUpdate runs only when an update is admitted, never on replay.
func (a *inbound) ValidateUpdate(ctx workflow.Context, in *interceptor.UpdateInput) error {
	if err := a.verify(ctx, in); err != nil {
		return temporal.NewNonRetryableApplicationError(err.Error(), ErrForbidden, nil)
	}
	return a.Next.ValidateUpdate(ctx, in)
}

func (a *inbound) verify(ctx workflow.Context, in *interceptor.UpdateInput) error {
	info := workflow.GetCurrentUpdateInfo(ctx)
	if info == nil || len(in.Args) != 1 {
		return ErrNotSigned
	}
	f, ok := actorField(reflect.ValueOf(in.Args[0]))
	if !ok {
		return ErrNotSigned
	}
	caseID := workflow.GetInfo(ctx).WorkflowExecution.ID
	return Verify(a.keys, f.Interface().(Actor), in.Name, caseID, info.ID, workflow.Now(ctx))
}
