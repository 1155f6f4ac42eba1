package httpapi

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"

	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/worker/auth"
)

// healthz answers 200 while the process serves: the liveness probe. It asks nothing
// of Temporal, so an outage of the cluster never gets the workers restarted.
func (a *api) healthz(w http.ResponseWriter, _ *http.Request, _ *auth.User) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// readyz answers 200 when this process may take requests: Temporal answers, the worker
// polls its task queue, definitions are loaded and the search attributes are usable;
// otherwise 503 with what is not ready. The readiness probe.
func (a *api) readyz(w http.ResponseWriter, r *http.Request, _ *auth.User) error {
	notReady := a.cfg.Ready.NotReady()
	if a.reg == nil || len(a.reg.Set().Current()) == 0 {
		notReady = append(notReady, "no definitions are loaded")
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := a.cfg.Client.CheckHealth(ctx, &client.CheckHealthRequest{}); err != nil {
		a.log.Warn().Err(err).Msg("readiness: Temporal does not answer")
		notReady = append(notReady, "Temporal does not answer")
	}
	if len(notReady) > 0 {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "notReady": notReady})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	return nil
}

// Readiness holds the conditions, beyond Temporal's answer and loaded definitions,
// that keep a process out of the load balancer: not polling yet, search attributes
// still propagating, shutting down. The zero value has none; a nil one is always ready.
type Readiness struct {
	mu      sync.Mutex
	pending []string
}

// Block adds a condition, in words for the operator reading /readyz, until the
// returned func is called.
func (r *Readiness) Block(why string) (done func()) {
	r.mu.Lock()
	r.pending = append(r.pending, why)
	r.mu.Unlock()
	return sync.OnceFunc(func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		if i := slices.Index(r.pending, why); i >= 0 {
			r.pending = slices.Delete(r.pending, i, i+1)
		}
	})
}

// NotReady lists the conditions that still hold, oldest first.
func (r *Readiness) NotReady() []string {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.pending)
}
