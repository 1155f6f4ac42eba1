package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/workflows"
)

// count is one number of the overview with the visibility query that counted it.
type count struct {
	N     int64
	Query string
	Link  string // the Web UI's list for Query; "" without a Web UI
	// match is Query as a test of one open case (overviewscan.go): the numbers are
	// counted from one list of the open cases, Query only makes the link.
	match func(openCase) bool
}

// overviewRow is one team and step (Step "" is the team's total).
type overviewRow struct {
	Team, Step, StepTitle string
	TeamName              string // the team as workers name it
	Open, Stalled, Late   count
	Suspended             count
	Levels                []count // escalation level 1, 2, …
}

type overviewProcess struct {
	Def    *definitions.Definition
	Levels []int
	Rows   []overviewRow
}

type overviewData struct {
	Processes []overviewProcess
	Now       time.Time
	UI        bool
}

// overview counts, per process, team and task step, the open cases, the stalled ones,
// those past their term (not suspended: a suspended clock stands still), the suspended
// ones, and those per escalation level, from one list of the gemeente's open cases
// (openCases). Only a lead sees it, and only for their own gemeente: the gemeente is
// always in the query.
func (a *app) overview(w http.ResponseWriter, r *http.Request, rq *request) {
	if !rq.lead {
		a.errorPage(w, r, rq, http.StatusForbidden, "Het overzicht is voor de teamleider.")
		return
	}
	if a.cfg.Client == nil {
		a.errorPage(w, r, rq, http.StatusNotFound, "Het overzicht is hier niet beschikbaar.")
		return
	}
	now := time.Now().UTC().Truncate(time.Second)
	d, err := a.overviewCounts(r.Context(), rq.user.Gemeente, a.processesOf(rq.user.Gemeente), now)
	if err != nil {
		a.log.Error().Err(err).Msg("web: overview list failed")
		a.errorPage(w, r, rq, http.StatusBadGateway, "Temporal gaf de aantallen niet. Probeer het zo nog eens.")
		return
	}
	d.UI = a.cfg.TemporalUIURL != ""
	for i := range d.Processes {
		var rows []overviewRow
		for _, row := range d.Processes[i].Rows {
			if row.Step == "" || row.Open.N > 0 { // steps without open cases are noise
				rows = append(rows, row)
			}
		}
		d.Processes[i].Rows = rows
	}
	if ui := a.cfg.TemporalUIURL; ui != "" {
		list := strings.TrimRight(ui, "/") + "/namespaces/" + url.PathEscape(a.cfg.Namespace) + "/workflows?query="
		for i := range d.Processes {
			for j := range d.Processes[i].Rows {
				row := &d.Processes[i].Rows[j]
				for _, c := range append([]*count{&row.Open, &row.Stalled, &row.Late, &row.Suspended}, ptrs(row.Levels)...) {
					c.Link = list + url.QueryEscape(c.Query)
				}
			}
		}
	}
	a.render(w, http.StatusOK, "overview", rq, page{Title: "Overzicht voor de teamleider", Nav: "overzicht", Data: d})
}

// overviewCounts builds every row of the gemeente's processes with its queries and
// counts them from one list of the gemeente's open cases.
func (a *app) overviewCounts(ctx context.Context, gemeente string, defs []*definitions.Definition, now time.Time) (overviewData, error) {
	d := overviewData{Now: now}
	for _, def := range defs {
		p := overviewProcess{Def: def}
		maxLevel := 0
		for _, s := range def.Steps {
			n := 0
			for _, rung := range s.Escalate {
				if rung.To != "" {
					n++
				}
			}
			maxLevel = max(maxLevel, n)
		}
		for l := 1; l <= maxLevel; l++ {
			p.Levels = append(p.Levels, l)
		}
		for _, team := range def.Teams {
			steps := []*definitions.Step{nil}
			for _, s := range def.Steps {
				if s.Kind == definitions.KindTask {
					steps = append(steps, s)
				}
			}
			for _, s := range steps {
				row := overviewRow{Team: team, TeamName: def.TeamLabel(team)}
				base := fmt.Sprintf(`%s = %q AND %s = %q AND %s = %q AND ExecutionStatus = "Running"`,
					workflows.SAGemeente.GetName(), def.Gemeente, workflows.SAProcess.GetName(), def.Process,
					workflows.SATeam.GetName(), team)
				if s != nil {
					row.Step, row.StepTitle = s.ID, s.Title
					if row.StepTitle == "" {
						row.StepTitle = definitions.Label(s.ID)
					}
					base += fmt.Sprintf(` AND %s = %q`, workflows.SAStep.GetName(), s.ID)
				}
				in := rowMatch(def.Process, team, row.Step)
				row.Open = count{Query: base, match: in}
				row.Stalled = count{Query: base + " AND " + workflows.SAStalled.GetName() + " = true",
					match: func(c openCase) bool { return in(c) && c.HasStalled && c.Stalled }}
				row.Late = count{Query: fmt.Sprintf(`%s AND %s < %q AND %s = false`, base, workflows.SADeadline.GetName(),
					now.Format(time.RFC3339), workflows.SASuspended.GetName()),
					match: func(c openCase) bool {
						return in(c) && c.Deadline != nil && c.Deadline.Before(now) && c.HasSuspended && !c.Suspended
					}}
				row.Suspended = count{Query: base + " AND " + workflows.SASuspended.GetName() + " = true",
					match: func(c openCase) bool { return in(c) && c.HasSuspended && c.Suspended }}
				for _, l := range p.Levels {
					row.Levels = append(row.Levels, count{Query: fmt.Sprintf("%s AND %s = %d", base, workflows.SAEscalation.GetName(), l),
						match: func(c openCase) bool { return in(c) && c.HasEscalation && c.Escalation == int64(l) }})
				}
				p.Rows = append(p.Rows, row)
			}
		}
		d.Processes = append(d.Processes, p)
	}
	cases, err := a.openCases(ctx, gemeente)
	if err != nil {
		return d, err
	}
	byRow := map[string][]openCase{} // process and team → its cases: each case is read once
	for _, c := range cases {
		byRow[c.Process+"\x00"+c.Team] = append(byRow[c.Process+"\x00"+c.Team], c)
	}
	for i := range d.Processes {
		for j := range d.Processes[i].Rows {
			row := &d.Processes[i].Rows[j]
			in := byRow[d.Processes[i].Def.Process+"\x00"+row.Team]
			for _, c := range append([]*count{&row.Open, &row.Stalled, &row.Late, &row.Suspended}, ptrs(row.Levels)...) {
				for _, oc := range in {
					if c.match(oc) {
						c.N++
					}
				}
			}
		}
	}
	return d, nil
}

func ptrs(cs []count) []*count {
	out := make([]*count, len(cs))
	for i := range cs {
		out[i] = &cs[i]
	}
	return out
}
