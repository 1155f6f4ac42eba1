package httpapi

import (
	"context"
	"net/http"
)

// middleware bounds each request in time, answers a panic with a JSON 500 instead of a
// dropped connection, and keeps case data out of caches.
func (a *api) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), a.timeout)
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
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
