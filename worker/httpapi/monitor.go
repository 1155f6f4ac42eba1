package httpapi

import (
	"net/http"
	"net/url"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/monitor"
)

// monitorPeriod reads the monitor's filters: the caller's own gemeente (another is
// refused), a process and team, and the days from (default 13 weeks back) and to
// (inclusive, default today), in the Netherlands. Only a lead or beheerder asks.
func (a *api) monitorPeriod(q url.Values, u *auth.User, extra ...string) (monitor.Period, error) {
	if err := checkParams(q, append([]string{"gemeente", "process", "team", "from", "to", "format"}, extra...)...); err != nil {
		return monitor.Period{}, err
	}
	if !a.isAdmin(u) {
		return monitor.Period{}, errorf(http.StatusForbidden, "the monitor is for a lead or beheerder")
	}
	if g := q.Get("gemeente"); g != "" && g != u.Gemeente {
		return monitor.Period{}, errorf(http.StatusForbidden, "gemeente %q is not yours", g)
	}
	p := monitor.Period{Gemeente: u.Gemeente, Process: q.Get("process"), Team: q.Get("team")}
	for _, s := range []string{p.Process, p.Team} {
		if s != "" && !stepRE.MatchString(s) {
			return p, errorf(http.StatusBadRequest, "%q is not an id", s)
		}
	}
	today := time.Now().In(law.Amsterdam())
	to := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, law.Amsterdam())
	var err error
	if s := q.Get("to"); s != "" {
		if to, err = time.ParseInLocation(time.DateOnly, s, law.Amsterdam()); err != nil {
			return p, errorf(http.StatusBadRequest, "to must be a date, YYYY-MM-DD")
		}
	}
	p.To = to.AddDate(0, 0, 1)
	p.From = p.To.AddDate(0, 0, -91)
	if s := q.Get("from"); s != "" {
		if p.From, err = time.ParseInLocation(time.DateOnly, s, law.Amsterdam()); err != nil {
			return p, errorf(http.StatusBadRequest, "from must be a date, YYYY-MM-DD")
		}
	}
	if !p.From.Before(p.To) {
		return p, errorf(http.StatusBadRequest, "from must be before to")
	}
	return p, nil
}

// getMonitor answers the figures as JSON (with each section for a table), as CSV with
// format=csv, or with figure=KEY the cases behind one figure.
func (a *api) getMonitor(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	q := r.URL.Query()
	p, err := a.monitorPeriod(q, u, "figure")
	if err != nil {
		return err
	}
	counted, err := a.monitor.Figures(r.Context(), p)
	if err != nil {
		return err
	}
	if key := q.Get("figure"); key != "" {
		cases := counted.CasesOf(key)
		if cases == nil {
			cases = []string{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"figure": key, "cases": cases})
		return nil
	}
	switch q.Get("format") {
	case "", "json":
		writeJSON(w, http.StatusOK, struct {
			*monitor.Figures
			Sections []monitor.Section `json:"sections"`
		}{&counted.Figures, counted.Figures.Sections()})
		return nil
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="monitor.csv"`)
		return counted.Figures.WriteCSV(w)
	}
	return errorf(http.StatusBadRequest, "format must be json or csv")
}
