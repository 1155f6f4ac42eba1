package httpapi

import (
	"context"
	"net/http"
	"time"

	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/worker/auth"
)

// healthz answers 200 when Temporal answers its health check, 503 otherwise.
func (a *api) healthz(w http.ResponseWriter, r *http.Request, _ *auth.User) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := a.cfg.Client.CheckHealth(ctx, &client.CheckHealthRequest{}); err != nil {
		a.log.Warn().Err(err).Msg("health check: Temporal does not answer")
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "Temporal does not answer"})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
