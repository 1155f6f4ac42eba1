package httpapi

import (
	"net/http"
	"path"
	"time"

	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// recordAccess writes the access-log entry of a call that read or changed a case's
// personal data (action ""; a list or a definition holds none). Refusals are recorded
// too: a privacy officer wants to see who tried.
func (a *api) recordAccess(r *http.Request, w *recorder, u *auth.User, action string) {
	if action == "" || a.cfg.Access == nil || u == nil {
		return
	}
	caseID := r.PathValue("id")
	if caseID == "" {
		if loc := w.Header().Get("Location"); loc != "" {
			caseID = path.Base(loc)
		}
	}
	outcome := accesslog.OK
	switch {
	case w.Code == http.StatusForbidden || w.Code == http.StatusNotFound:
		outcome = accesslog.Denied
	case w.Code >= 400:
		outcome = accesslog.Failed
	}
	a.cfg.Access.Record(accesslog.Entry{
		At: time.Now().UTC(), User: u.ID, Gemeente: u.Gemeente, Case: caseID, Task: r.PathValue("taskId"),
		Action: action, Outcome: outcome, Via: "api",
	})
}
