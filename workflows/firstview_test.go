package workflows

import (
	"path/filepath"
	"sync/atomic"
	"testing"

	"go.temporal.io/sdk/interceptor"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// countingSink wants every case's view and counts what it is asked and offered.
type countingSink struct{ asked, offered atomic.Int64 }

func (s *countingSink) Wants(string, string) bool    { s.asked.Add(1); return true }
func (s *countingSink) Offer(string, string, []byte) { s.offered.Add(1) }

type sinkInterceptor struct {
	interceptor.WorkerInterceptorBase
	sink FirstViewSink
}

func (i *sinkInterceptor) InterceptWorkflow(_ workflow.Context, next interceptor.WorkflowInboundInterceptor) interceptor.WorkflowInboundInterceptor {
	return &sinkInbound{WorkflowInboundInterceptorBase: interceptor.WorkflowInboundInterceptorBase{Next: next}, sink: i.sink}
}

type sinkInbound struct {
	interceptor.WorkflowInboundInterceptorBase
	sink FirstViewSink
}

func (i *sinkInbound) ExecuteWorkflow(ctx workflow.Context, in *interceptor.ExecuteWorkflowInput) (any, error) {
	return i.Next.ExecuteWorkflow(WithFirstViewSink(ctx, i.sink), in)
}

// A replayed case offers its view to no one (and asks no one whether to): the sink
// sees only live work, so a case on a worker that takes it over runs as it did.
func TestReplayOffersNoFirstView(t *testing.T) {
	sink := &countingSink{}
	keys := testutil.Keys()
	r, err := sdkworker.NewWorkflowReplayerWithOptions(sdkworker.WorkflowReplayerOptions{
		DataConverter: keys.DataConverter(), FailureConverter: keys.FailureConverter(),
		Interceptors: []interceptor.WorkerInterceptor{&sinkInterceptor{sink: sink}},
	})
	if err != nil {
		t.Fatal(err)
	}
	r.RegisterWorkflowWithOptions(CaseWorkflow, workflow.RegisterOptions{Name: CaseWorkflowName})
	file := filepath.Join(historiesDir, "list-memo-dalfsen.json")
	if err := r.ReplayWorkflowHistoryFromJSONFile(replayLogger(), file); err != nil {
		t.Fatal(err)
	}
	if a, o := sink.asked.Load(), sink.offered.Load(); a != 0 || o != 0 {
		t.Errorf("replaying %s asked the sink %d times and offered it %d views, want none", file, a, o)
	}
}
