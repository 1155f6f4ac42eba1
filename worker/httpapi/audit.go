package httpapi

import (
	"net/http"
	"path"
	"time"

	"github.com/wijkflow/wijkflow/worker/auth"
)

// audit records one state-changing call: who, what, which case and task, and how it
// ended. It never records form data, reasons or names: those are personal data.
func (a *api) audit(r *http.Request, w *recorder, u *auth.User, action string, took time.Duration, err error) {
	caseID := r.PathValue("id")
	if caseID == "" {
		if loc := w.Header().Get("Location"); loc != "" {
			caseID = path.Base(loc)
		}
	}
	ev := a.log.Info().Str("event", "audit").Str("action", action)
	if u != nil {
		ev = ev.Str("user", u.ID).Str("gemeente", u.Gemeente)
	}
	if caseID != "" {
		ev = ev.Str("case", caseID)
	}
	if task := r.PathValue("taskId"); task != "" {
		ev = ev.Str("task", task)
	}
	if err != nil {
		if kind := toError(err).kind; kind != "" {
			ev = ev.Str("reason", kind)
		}
	}
	ev.Int("status", w.Code).Dur("took", took).Msg("audit")
}
