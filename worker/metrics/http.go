package metrics

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var (
	httpRequests = counter("wijkflow_http_requests_total",
		"HTTP requests answered, by method, route pattern and status code.", "method", "route", "code")
	httpDuration = func() *prometheus.HistogramVec {
		h := prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wijkflow_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by method and route pattern.",
			Buckets: prometheus.DefBuckets,
		}, []string{"method", "route"})
		Registry.MustRegister(h)
		return h
	}()
)

type routeKey struct{}

// SetRoute names the route pattern of the request being served (e.g. "POST
// /api/v1/cases/{id}/erase"), for the labels of its metrics. Handlers deeper than the
// outer mux call it, since only they know the pattern that matched.
func SetRoute(r *http.Request, pattern string) {
	if slot, ok := r.Context().Value(routeKey{}).(*string); ok {
		*slot = pattern
	}
}

// Middleware counts and times every request by its route pattern and status. A
// request whose handler named no pattern is labelled by the part of the site it hit,
// never by its path (paths carry case ids).
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		var route string
		rec := &Recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), routeKey{}, &route)))
		if route == "" {
			route = area(r.URL.Path)
		}
		method := r.Method
		if !knownMethod(method) {
			method = "other"
		}
		code := rec.Code
		if code == 0 {
			code = http.StatusOK
		}
		httpRequests.WithLabelValues(method, route, strconv.Itoa(code)).Inc()
		httpDuration.WithLabelValues(method, route).Observe(time.Since(start).Seconds())
	})
}

// area is the label of a request no handler named: a fixed word per part of the site.
func area(path string) string {
	switch {
	case path == "/metrics":
		return "/metrics"
	case strings.HasPrefix(path, "/api/"):
		return "api (no route)"
	case strings.HasPrefix(path, "/codec/"):
		return "codec"
	case strings.HasPrefix(path, "/static/"):
		return "web static"
	}
	return "web"
}

func knownMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// Recorder remembers the status code written; the API's audit and access lines read it
// too.
type Recorder struct {
	http.ResponseWriter
	Code int
}

// WriteHeader keeps the first code.
func (s *Recorder) WriteHeader(code int) {
	if s.Code == 0 {
		s.Code = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Write counts as 200 when no code was written.
func (s *Recorder) Write(b []byte) (int, error) {
	if s.Code == 0 {
		s.Code = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController and MaxBytesReader reach the real writer.
func (s *Recorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
