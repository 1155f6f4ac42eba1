package httpapi

import (
	"net/http"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/monitor"
)

// getEventLog streams the period's closed cases as an event log: OCEL 2.0 JSON, or
// XES with format=xes. Ids and codes only.
func (a *api) getEventLog(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	q := r.URL.Query()
	p, err := a.monitorPeriod(q, u)
	if err != nil {
		return err
	}
	l := monitor.EventLog{Source: a.monitor.Source, Period: p}
	switch q.Get("format") {
	case "", "ocel":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Disposition", `attachment; filename="wijkflow.jsonocel"`)
		return l.OCEL(r.Context(), w)
	case "xes":
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("Content-Disposition", `attachment; filename="wijkflow.xes"`)
		return l.XES(r.Context(), w)
	}
	return errorf(http.StatusBadRequest, "format must be ocel or xes")
}
