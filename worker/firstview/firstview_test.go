package firstview

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/grpc"
)

// call runs req through the interceptor with an invoker that answers reply (or err).
func call(t *testing.T, ctx context.Context, req, reply any, err error) {
	t.Helper()
	invoker := func(context.Context, string, any, any, *grpc.ClientConn, ...grpc.CallOption) error { return err }
	if got := UnaryClientInterceptor()(ctx, "/m", req, reply, nil, invoker); got != err {
		t.Fatalf("the interceptor returned %v, want the call's %v", got, err)
	}
}

// start answers w's start with a first task of token (none when empty).
func start(t *testing.T, w *Wait, token string) {
	resp := &workflowservice.StartWorkflowExecutionResponse{RunId: "run-1"}
	if token != "" {
		resp.EagerWorkflowTask = &workflowservice.PollWorkflowTaskQueueResponse{TaskToken: []byte(token)}
	}
	call(t, w.Context(context.Background()), &workflowservice.StartWorkflowExecutionRequest{RequestEagerExecution: true}, resp, nil)
}

func TestAcceptedFirstTaskAnswersItsLastOffer(t *testing.T) {
	w := Expect("case-a")
	defer w.Close()
	if Expect("case-a") != nil {
		t.Fatal("a second create of the same case waits too")
	}
	s := sink{}
	if s.Wants("case-a", "run-1") {
		t.Fatal("wanted before the start was answered")
	}
	start(t, w, "token-a")
	if s.Wants("case-a", "run-2") || !s.Wants("case-a", "run-1") {
		t.Fatal("wants another run, or not this one")
	}
	s.Offer("case-a", "run-1", []byte(`{"view":1}`))
	s.Offer("case-a", "run-2", []byte(`{"other run":1}`))
	s.Offer("case-a", "run-1", []byte(`{"view":2}`))
	call(t, context.Background(), &workflowservice.RespondWorkflowTaskCompletedRequest{TaskToken: []byte("token-a")}, &workflowservice.RespondWorkflowTaskCompletedResponse{}, nil)
	s.Offer("case-a", "run-1", []byte(`{"view":3}`)) // the next task's: too late
	if s.Wants("case-a", "run-1") {
		t.Error("still wanted after the first task was accepted")
	}
	got, ok := w.Await(context.Background())
	if !ok || string(got) != `{"view":2}` {
		t.Errorf("Await = %s %v, want the last offer before the task was accepted", got, ok)
	}
}

func TestFirstTaskFailedOrAbsentAsksByQuery(t *testing.T) {
	s := sink{}
	failed := Expect("case-b")
	defer failed.Close()
	start(t, failed, "token-b")
	s.Offer("case-b", "run-1", []byte(`{}`))
	call(t, context.Background(), &workflowservice.RespondWorkflowTaskFailedRequest{TaskToken: []byte("token-b")}, &workflowservice.RespondWorkflowTaskFailedResponse{}, nil)
	if _, ok := failed.Await(context.Background()); ok {
		t.Error("a failed first task answered")
	}

	refused := Expect("case-c")
	defer refused.Close()
	start(t, refused, "token-c")
	s.Offer("case-c", "run-1", []byte(`{}`))
	boom := errors.New("unavailable")
	call(t, context.Background(), &workflowservice.RespondWorkflowTaskCompletedRequest{TaskToken: []byte("token-c")}, &workflowservice.RespondWorkflowTaskCompletedResponse{}, boom)
	if _, ok := refused.Await(context.Background()); ok {
		t.Error("a completion Temporal refused answered")
	}

	lazy := Expect("case-d")
	defer lazy.Close()
	start(t, lazy, "") // another worker's, or a case that already ran
	if s.Wants("case-d", "run-1") {
		t.Error("wanted without a first task of this process")
	}
	if answeredSoon(t, lazy, time.Second) {
		t.Error("answered without a first task")
	}

	var none *Wait // Expect's answer for a create already waiting
	if _, ok := none.Await(context.Background()); ok {
		t.Error("no wait answered")
	}
	none.Close()
}

func TestCloseForgets(t *testing.T) {
	w := Expect("case-e")
	start(t, w, "token-e")
	w.Close()
	waits.mu.Lock()
	n, m := len(waits.byCase), len(waits.byToken)
	waits.mu.Unlock()
	if n != 0 || m != 0 {
		t.Errorf("%d waits by case and %d by token left", n, m)
	}
	if (sink{}).Wants("case-e", "run-1") {
		t.Error("a closed wait is still wanted")
	}
	again := Expect("case-e")
	if again == nil {
		t.Error("the case cannot be waited for again")
	}
	again.Close()
}

// A first task this process's worker never completes (it stopped; Temporal runs the
// task anew elsewhere, with another token) leaves the create to its query.
func TestUnfinishedFirstTaskAsksByQueryInTime(t *testing.T) {
	defer func(p time.Duration) { patience = p }(patience)
	patience = 50 * time.Millisecond
	w := Expect("case-f")
	defer w.Close()
	start(t, w, "token-f")
	(sink{}).Offer("case-f", "run-1", []byte(`{}`))
	if answeredSoon(t, w, 5*time.Second) {
		t.Error("answered a task that was never accepted")
	}
}

// answeredSoon is Await's ok, which must come within limit.
func answeredSoon(t *testing.T, w *Wait, limit time.Duration) bool {
	t.Helper()
	done := make(chan bool, 1)
	go func() { _, ok := w.Await(context.Background()); done <- ok }()
	select {
	case ok := <-done:
		return ok
	case <-time.After(limit):
		t.Fatalf("Await still waits after %v", limit)
		return false
	}
}
