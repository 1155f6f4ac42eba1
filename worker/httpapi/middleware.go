package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/wijkflow/wijkflow/worker/metrics"
)

// middleware bounds each request in time, answers a panic with a JSON 500 instead of a
// dropped connection, keeps case data out of caches, and names the route pattern for
// the request metrics (never the path: it carries case ids).
func (a *api) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), a.timeoutOf(r))
		defer cancel()
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				a.log.Error().Str("path", r.URL.Path).Interface("panic", v).Msg("handler panicked")
				writeError(w, errorf(http.StatusInternalServerError, "internal error"))
			}
		}()
		req := r.WithContext(ctx)
		next.ServeHTTP(w, req)
		// The mux set the pattern that matched on the request it was given.
		metrics.SetRoute(r, req.Pattern)
	})
}

// streamTimeout bounds a streamed event log: 10,000 cases take seconds, not the
// request timeout's few (eventlog.go).
const streamTimeout = 5 * time.Minute

// timeoutOf is the request's bound: the event log streams for longer.
func (a *api) timeoutOf(r *http.Request) time.Duration {
	if r.Method == http.MethodGet && r.URL.Path == prefix+"/eventlog" {
		return max(a.timeout, streamTimeout)
	}
	return a.timeout
}
