// Package firstview hands a new case's first view from the worker in this process to
// the create that started the case, once Temporal accepted the case's first workflow
// task: the create needs no query.
//
// A create starts its case eagerly: Temporal answers the start with the case's first
// workflow task, which the worker of the same process runs at once. Before, the create
// then asked the case for its view by query (workflows.QueryCreated), a round trip
// through Temporal's history and matching services to this very worker and back: about
// a twentieth of the CPU of a four-task case (README "Numbers"). Now:
//
//  1. the create says it waits for its case (Expect) and starts it with the wait in
//     its context;
//  2. the client's gRPC interceptor (UnaryClientInterceptor) notes the run and the
//     token of the first workflow task that Temporal's answer to the start carries;
//  3. the case, running that task, offers its view each time it publishes
//     (workflows.FirstViewSink, installed by NewWorkerInterceptor);
//  4. when Temporal accepts that task's completion (the interceptor again, seeing the
//     token in RespondWorkflowTaskCompleted succeed), the last view offered is the
//     answer: the case's state as that task left it, stored in history.
//
// Anything else falls back to the query, as before: a start without an eager task
// (another process's worker, no free slot, a retried create of a case that runs), a
// first task that failed, a client or worker without these interceptors.
package firstview

import (
	"context"
	"sync"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/interceptor"
	"go.temporal.io/sdk/workflow"
	"google.golang.org/grpc"

	"github.com/wijkflow/wijkflow/workflows"
)

// Wait is one create waiting for its case's first view.
type Wait struct {
	caseID string
	// Set under waits.mu: the run and the first task's token once the start was
	// answered with one; the last view offered; the view when that task was accepted.
	runID, token string
	offered      []byte
	final        []byte
	done         chan struct{} // closed when the first task was accepted or failed
	over         bool          // done is closed
}

// waits are the creates of this process waiting, by case id and by task token.
var waits = struct {
	mu      sync.Mutex
	byCase  map[string]*Wait
	byToken map[string]*Wait
}{byCase: map[string]*Wait{}, byToken: map[string]*Wait{}}

// Expect registers a create of caseID that will wait for its first view; nil when
// another create of the same case already waits (a create retried while the first one
// runs: it asks by query). Close it when done.
func Expect(caseID string) *Wait {
	waits.mu.Lock()
	defer waits.mu.Unlock()
	if _, busy := waits.byCase[caseID]; busy {
		return nil
	}
	w := &Wait{caseID: caseID, done: make(chan struct{})}
	waits.byCase[caseID] = w
	return w
}

type waitKey struct{}

// Context carries the wait to the start's gRPC call (UnaryClientInterceptor).
func (w *Wait) Context(ctx context.Context) context.Context {
	if w == nil {
		return ctx
	}
	return context.WithValue(ctx, waitKey{}, w)
}

// Close forgets the wait.
func (w *Wait) Close() {
	if w == nil {
		return
	}
	waits.mu.Lock()
	defer waits.mu.Unlock()
	if waits.byCase[w.caseID] == w {
		delete(waits.byCase, w.caseID)
	}
	if w.token != "" && waits.byToken[w.token] == w {
		delete(waits.byToken, w.token)
	}
}

// Await returns the case's view (workflows.Created as JSON) as its first workflow task
// left it, once Temporal accepted that task; false when this process does not run
// that task (the start came without one), when the task failed, or when ctx ends
// first: the caller then asks by query.
func (w *Wait) Await(ctx context.Context) ([]byte, bool) {
	if w == nil {
		return nil, false
	}
	waits.mu.Lock()
	eager := w.token != ""
	waits.mu.Unlock()
	if !eager {
		return nil, false
	}
	select {
	case <-w.done:
	case <-time.After(patience):
		return nil, false // e.g. a worker stopping: another runs the task anew
	case <-ctx.Done():
		return nil, false
	}
	waits.mu.Lock()
	defer waits.mu.Unlock()
	return w.final, w.final != nil
}

// patience is how long a create waits for its first task before it asks by query: a
// task that this process's worker does not complete (it stops) runs anew elsewhere, with
// another token.
var patience = 5 * time.Second

// started notes the run and the first task's token of the wait in ctx.
func started(ctx context.Context, resp *workflowservice.StartWorkflowExecutionResponse) {
	w, ok := ctx.Value(waitKey{}).(*Wait)
	token := string(resp.GetEagerWorkflowTask().GetTaskToken())
	if !ok || token == "" {
		return
	}
	waits.mu.Lock()
	defer waits.mu.Unlock()
	if waits.byCase[w.caseID] != w {
		return // closed meanwhile
	}
	w.runID, w.token = resp.GetRunId(), token
	waits.byToken[token] = w
}

// settled ends the wait of the task with token: accepted, its last offer is the view.
func settled(token []byte, accepted bool) {
	waits.mu.Lock()
	defer waits.mu.Unlock()
	w, ok := waits.byToken[string(token)]
	if !ok {
		return
	}
	delete(waits.byToken, string(token))
	if accepted && w.offered != nil {
		w.final = w.offered
	}
	w.over = true
	close(w.done)
}

// UnaryClientInterceptor watches the calls that start a waited-for case and complete
// (or fail) its first workflow task. Give it to the client the API and the worker of
// this process share.
func UnaryClientInterceptor() grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		err := invoker(ctx, method, req, reply, cc, opts...)
		switch r := req.(type) {
		case *workflowservice.StartWorkflowExecutionRequest:
			if resp, ok := reply.(*workflowservice.StartWorkflowExecutionResponse); ok && err == nil && r.GetRequestEagerExecution() {
				started(ctx, resp)
			}
		case *workflowservice.RespondWorkflowTaskCompletedRequest:
			settled(r.GetTaskToken(), err == nil)
		case *workflowservice.RespondWorkflowTaskFailedRequest:
			settled(r.GetTaskToken(), false)
		}
		return err
	}
}

// sink is the workflows.FirstViewSink of this process's waits.
type sink struct{}

func (sink) Wants(caseID, runID string) bool {
	waits.mu.Lock()
	defer waits.mu.Unlock()
	return waiting(caseID, runID) != nil
}

func (sink) Offer(caseID, runID string, created []byte) {
	waits.mu.Lock()
	defer waits.mu.Unlock()
	if w := waiting(caseID, runID); w != nil {
		w.offered = created
	}
}

// waiting is the wait for this run's first task while that task runs here; waits.mu is held.
func waiting(caseID, runID string) *Wait {
	if w, ok := waits.byCase[caseID]; ok && w.runID == runID && w.token != "" && !w.over {
		return w
	}
	return nil
}

// NewWorkerInterceptor installs this process's sink in every case the worker runs.
func NewWorkerInterceptor() interceptor.WorkerInterceptor { return &workerInterceptor{} }

type workerInterceptor struct {
	interceptor.WorkerInterceptorBase
}

func (*workerInterceptor) InterceptWorkflow(_ workflow.Context, next interceptor.WorkflowInboundInterceptor) interceptor.WorkflowInboundInterceptor {
	return &inbound{WorkflowInboundInterceptorBase: interceptor.WorkflowInboundInterceptorBase{Next: next}}
}

type inbound struct {
	interceptor.WorkflowInboundInterceptorBase
}

func (i *inbound) ExecuteWorkflow(ctx workflow.Context, in *interceptor.ExecuteWorkflowInput) (any, error) {
	return i.Next.ExecuteWorkflow(workflows.WithFirstViewSink(ctx, sink{}), in)
}
