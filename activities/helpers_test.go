package activities

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
)

// request is what a webhook received.
type request struct {
	Method, ContentType, IdempotencyKey string
	Body                                []byte
}

// webhook is a real HTTP server answering status and body, recording every request.
type webhook struct {
	*httptest.Server
	mu       sync.Mutex
	received []request
}

func newWebhook(t *testing.T, status int, body string) *webhook {
	t.Helper()
	w := &webhook{}
	w.Server = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.mu.Lock()
		w.received = append(w.received, request{r.Method, r.Header.Get("Content-Type"), r.Header.Get("Idempotency-Key"), b})
		w.mu.Unlock()
		rw.Header().Set("Content-Type", "application/json")
		rw.WriteHeader(status)
		io.WriteString(rw, body)
	}))
	t.Cleanup(w.Close)
	return w
}

// newSlowWebhook never answers; its handler returns when the client hangs up (noticed
// once the body is read) or the test ends.
func newSlowWebhook(t *testing.T) *httptest.Server {
	t.Helper()
	done := make(chan struct{})
	s := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}))
	t.Cleanup(s.Close)
	t.Cleanup(func() { close(done) }) // runs before Close, which waits for handlers
	return s
}

func (w *webhook) requests() []request {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]request(nil), w.received...)
}

// activityEnv returns a test activity environment with the activities registered by
// name, as the worker does, and the buffer their logs go to.
func activityEnv(t *testing.T, cfg Config) (*testsuite.TestActivityEnvironment, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	cfg.Logger = zerolog.New(&logs)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	New(cfg).Register(env)
	return env, &logs
}

// checkFailure asserts that err is an application error of type want (none when want
// is "") with the given retryability.
func checkFailure(t *testing.T, err error, want string, nonRetryable bool) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("error = %v, want none", err)
		}
		return
	}
	var appErr *temporal.ApplicationError
	if !errors.As(err, &appErr) {
		t.Fatalf("error = %v, want an application error of type %s", err, want)
	}
	if appErr.Type() != want || appErr.NonRetryable() != nonRetryable {
		t.Fatalf("error type %s non-retryable %v (%v), want %s non-retryable %v",
			appErr.Type(), appErr.NonRetryable(), err, want, nonRetryable)
	}
}
