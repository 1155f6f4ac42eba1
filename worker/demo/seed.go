package demo

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/httpapi"
	"github.com/wijkflow/wijkflow/workflows"
)

// Case is one case that Seed started.
type Case struct {
	ID       string
	Gemeente string
	Process  string
	// Steps are the case's active steps after seeding.
	Steps []string
	// Overdue is true for the case whose melding came in long ago.
	Overdue bool
}

// plan is the cases seeded per process: how many tasks each has completed, and
// whether its melding came in seven weeks ago, past the six-week term of Wmo 2015
// art. 2.3.2, so that the Web UI shows a stalled case at once.
var plan = []planned{{0, false}, {1, false}, {2, false}, {1, true}}

// planned is one case of the plan.
type planned struct {
	completed int
	overdue   bool
}

// overdueAge is how long ago the overdue demo case's melding came in.
const overdueAge = 7 * 7 * 24 * time.Hour

// HasCases reports whether the namespace holds any case, running or closed.
func HasCases(ctx context.Context, c client.Client, namespace string) (bool, error) {
	resp, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{
		Namespace: namespace,
		Query:     fmt.Sprintf("WorkflowType = %q", workflows.CaseWorkflowName),
	})
	if err != nil {
		return false, fmt.Errorf("count cases: %w", err)
	}
	return resp.GetCount() > 0, nil
}

// Seed starts a few cases for each gemeente's entry processes (those no referral
// starts) through the task API handler h, as the demo users would, at different steps
// and one of them overdue. It goes through the API so that the cases are exactly what a
// client would create. A case that the API refuses is skipped with an error in the
// returned list; the others are still seeded. Cases are seeded concurrently, since each
// waits for its workflow; the result is in a stable order all the same.
func Seed(ctx context.Context, h http.Handler, defs []*definitions.Definition, users []auth.User, now time.Time) ([]Case, []error) {
	type result struct {
		dc  Case
		err error
	}
	var results []*result
	var wg sync.WaitGroup
	for _, d := range entryProcesses(defs) {
		if !slices.ContainsFunc(users, func(u auth.User) bool { return u.Gemeente == d.Gemeente }) {
			results = append(results, &result{err: fmt.Errorf("no user of gemeente %q: no demo cases for %s/%s", d.Gemeente, d.Gemeente, d.Process)})
			continue
		}
		for _, p := range plan {
			r := &result{}
			results = append(results, r)
			wg.Go(func() {
				r.dc, r.err = seedCase(ctx, h, d, users, now, p)
				if r.err != nil {
					r.err = fmt.Errorf("demo case for %s/%s: %w", d.Gemeente, d.Process, r.err)
				}
			})
		}
	}
	wg.Wait()
	var seeded []Case
	var errs []error
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
		} else if r.dc.ID != "" {
			seeded = append(seeded, r.dc)
		}
	}
	return seeded, errs
}

// entryProcesses are the definitions that no referral of the same gemeente starts,
// sorted by gemeente and process.
func entryProcesses(defs []*definitions.Definition) []*definitions.Definition {
	referred := map[string]bool{}
	for _, d := range defs {
		for _, s := range d.Steps {
			if s.Kind == definitions.KindReferral && s.Process != "" {
				referred[d.Gemeente+"/"+s.Process] = true
			}
		}
	}
	var out []*definitions.Definition
	for _, d := range defs {
		if !referred[d.Gemeente+"/"+d.Process] {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *definitions.Definition) int {
		return cmp.Or(cmp.Compare(a.Gemeente, b.Gemeente), cmp.Compare(a.Process, b.Process))
	})
	return out
}

// seedCase creates one case and completes its first open task p.completed times.
func seedCase(ctx context.Context, h http.Handler, d *definitions.Definition, users []auth.User, now time.Time, p planned) (Case, error) {
	var creator *auth.User
	for i := range users {
		if users[i].Gemeente == d.Gemeente {
			creator = &users[i]
			break
		}
	}
	if creator == nil {
		return Case{}, fmt.Errorf("no demo user of gemeente %q", d.Gemeente)
	}
	data := formData(d.Intake, now)
	maps.Copy(data, resident(d)) // resident.go
	body := map[string]any{"gemeente": d.Gemeente, "process": d.Process, "data": data}
	if p.overdue {
		body["received"] = now.Add(-overdueAge).Format(time.RFC3339)
	}
	var view workflows.CaseView
	if err := call(ctx, h, creator.Token, "/api/v1/cases", body, http.StatusCreated, &view); err != nil {
		return Case{}, err
	}
	for range p.completed {
		if len(view.Tasks) == 0 {
			break
		}
		t := view.Tasks[0]
		u := actor(users, d.Gemeente, view.Team, t)
		if u == nil {
			break // no demo user may act: leave the case where it is
		}
		path := fmt.Sprintf("/api/v1/cases/%s/tasks/%s/complete", view.ID, t.ID)
		if err := call(ctx, h, u.Token, path, map[string]any{"data": formData(t.Form, now)}, http.StatusOK, &view); err != nil {
			return Case{}, err
		}
	}
	return Case{ID: view.ID, Gemeente: d.Gemeente, Process: d.Process, Steps: view.ActiveSteps, Overdue: p.overdue}, nil
}

// actor returns a demo user of the case's gemeente and team with one of the task's roles.
func actor(users []auth.User, gemeente, team string, t workflows.TaskView) *auth.User {
	roles := t.Roles
	if len(roles) == 0 {
		roles = []string{t.Role}
	}
	for i := range users {
		u := &users[i]
		if u.Gemeente != gemeente || !u.InTeam(team) {
			continue
		}
		for _, r := range roles {
			if u.HasRole(r) {
				return u
			}
		}
	}
	return nil
}

// call sends one JSON request to the handler in-process and decodes the answer.
func call(ctx context.Context, h http.Handler, token, path string, body any, want int, out any) error {
	req, err := httpapi.NewRequest(ctx, http.MethodPost, path, token, body)
	if err != nil {
		return err
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != want {
		return fmt.Errorf("POST %s: %d %s", path, rec.Code, bytes.TrimSpace(rec.Body.Bytes()))
	}
	return json.Unmarshal(rec.Body.Bytes(), out)
}
