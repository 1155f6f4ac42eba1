package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"go.temporal.io/api/workflowservice/v1"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/workflows"
)

// count is one number of the overview with the visibility query that counted it.
type count struct {
	N     int64
	Query string
	Link  string // the Web UI's list for Query; "" without a Web UI
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
// ones, and those per escalation level, with CountWorkflowExecutions. Only a lead sees
// it, and only for their own gemeente: the gemeente is always in the query.
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
	d := overviewData{Now: now, UI: a.cfg.TemporalUIURL != ""}
	for _, def := range a.processesOf(rq.user.Gemeente) {
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
				row.Open.Query = base
				row.Stalled.Query = base + " AND " + workflows.SAStalled.GetName() + " = true"
				row.Late.Query = fmt.Sprintf(`%s AND %s < %q AND %s = false`, base, workflows.SADeadline.GetName(),
					now.Format(time.RFC3339), workflows.SASuspended.GetName())
				row.Suspended.Query = base + " AND " + workflows.SASuspended.GetName() + " = true"
				for _, l := range p.Levels {
					row.Levels = append(row.Levels, count{Query: fmt.Sprintf("%s AND %s = %d", base, workflows.SAEscalation.GetName(), l)})
				}
				p.Rows = append(p.Rows, row)
			}
		}
		d.Processes = append(d.Processes, p)
	}
	// First the open cases of every row, then the rest only where there are any: a
	// step without open cases has nothing stalled either. Pointers into the rows are
	// taken after the slices stopped growing.
	var open []*count
	for i := range d.Processes {
		for j := range d.Processes[i].Rows {
			open = append(open, &d.Processes[i].Rows[j].Open)
		}
	}
	err := a.countAll(r.Context(), open)
	var rest []*count
	for i := range d.Processes {
		for j := range d.Processes[i].Rows {
			row := &d.Processes[i].Rows[j]
			if row.Open.N == 0 {
				continue
			}
			rest = append(rest, &row.Stalled, &row.Late, &row.Suspended)
			for k := range row.Levels {
				rest = append(rest, &row.Levels[k])
			}
		}
	}
	if err == nil {
		err = a.countAll(r.Context(), rest)
	}
	if err != nil {
		a.log.Error().Err(err).Msg("web: overview counts failed")
		a.errorPage(w, r, rq, http.StatusBadGateway, "Temporal gaf de aantallen niet. Probeer het zo nog eens.")
		return
	}
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

// countAll runs the counts a few at a time and fills in each one's link.
func (a *app) countAll(ctx context.Context, jobs []*count) error {
	sem := make(chan struct{}, 6)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for _, c := range jobs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			resp, err := a.cfg.Client.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{
				Namespace: a.cfg.Namespace, Query: c.Query,
			})
			if err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
				return
			}
			c.N = resp.GetCount()
		})
	}
	wg.Wait()
	return first
}

func ptrs(cs []count) []*count {
	out := make([]*count, len(cs))
	for i := range cs {
		out[i] = &cs[i]
	}
	return out
}
