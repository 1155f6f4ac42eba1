package metrics

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/workflows"
)

// TestMiddlewareLabels: a request is labelled by the pattern its handler named, or by
// the part of the site; never by its path.
func TestMiddlewareLabels(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/cases/{id}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotFound) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	h := Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if r.URL.Path != "/inbox/case-123" { // the web app names no pattern
			SetRoute(r, r.Pattern)
		}
	}))
	for _, tc := range []struct{ method, path, route, code string }{
		{"GET", "/api/v1/cases/case-abc", "GET /api/v1/cases/{id}", "404"},
		{"GET", "/inbox/case-123", "web", "200"},
		{"BREW", "/codec/decode", "/", "200"},
	} {
		before := value(httpRequests.WithLabelValues(method(tc.method), tc.route, tc.code))
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(tc.method, tc.path, nil))
		if got := value(httpRequests.WithLabelValues(method(tc.method), tc.route, tc.code)); got != before+1 {
			t.Errorf("%s %s: count %v, want %v under route %q", tc.method, tc.path, got, before+1, tc.route)
		}
	}
	if n := series(t, "wijkflow_http_requests_total"); n != 3 {
		t.Errorf("%d series, want 3 (no path as a label)", n)
	}
}

func method(m string) string {
	if knownMethod(m) {
		return m
	}
	return "other"
}

func TestClosing(t *testing.T) {
	for _, tc := range []struct {
		name   string
		out    any
		err    error
		result string
		closed bool
	}{
		{"ended", workflows.CaseResult{Result: "afgerond"}, nil, "afgerond", true},
		{"ended without a result", workflows.CaseResult{}, nil, "closed", true},
		{"continued", nil, &workflow.ContinueAsNewError{}, "", false},
		{"cancelled", nil, workflow.ErrCanceled, "cancelled", true},
		{"failed", nil, errors.New("boom"), "failed", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if result, closed := closing(tc.out, tc.err); result != tc.result || closed != tc.closed {
				t.Errorf("closing = %q %v, want %q %v", result, closed, tc.result, tc.closed)
			}
		})
	}
}

func TestHandoffLastAttempt(t *testing.T) {
	policy := &temporal.RetryPolicy{MaximumAttempts: 3}
	for _, tc := range []struct {
		name string
		info activity.Info
		err  error
		want bool
	}{
		{"retryable, attempts left", activity.Info{Attempt: 1, RetryPolicy: policy}, errors.New("503"), false},
		{"attempts spent", activity.Info{Attempt: 3, RetryPolicy: policy}, errors.New("503"), true},
		{"non-retryable", activity.Info{Attempt: 1, RetryPolicy: policy}, temporal.NewNonRetryableApplicationError("400", "x", nil), true},
		{"unlimited attempts", activity.Info{Attempt: 40}, errors.New("503"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := last(tc.info, tc.err); got != tc.want {
				t.Errorf("last = %v, want %v", got, tc.want)
			}
		})
	}
}

func value(c prometheus.Counter) float64 {
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		panic(err)
	}
	return m.GetCounter().GetValue()
}

func series(t *testing.T, name string) int {
	families, err := Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name {
			return len(f.GetMetric())
		}
	}
	return 0
}
