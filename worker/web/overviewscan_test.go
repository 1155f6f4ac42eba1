package web

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/workflows"
)

// counting counts the visibility calls the overview makes.
type counting struct {
	client.Client
	lists, counts atomic.Int64
}

func (c *counting) ListWorkflow(ctx context.Context, r *workflowservice.ListWorkflowExecutionsRequest) (*workflowservice.ListWorkflowExecutionsResponse, error) {
	c.lists.Add(1)
	return c.Client.ListWorkflow(ctx, r)
}

func (c *counting) CountWorkflow(ctx context.Context, r *workflowservice.CountWorkflowExecutionsRequest) (*workflowservice.CountWorkflowExecutionsResponse, error) {
	c.counts.Add(1)
	return c.Client.CountWorkflow(ctx, r)
}

// TestOverviewCountsAsTemporalDoes starts Dalfsen cases in many states on an embedded
// server with Temporal's stock visibility rate (no worker runs them: the search
// attributes of their start are what the overview reads), and checks that the overview
// makes one list call where it made one count per number, and that every number equals
// Temporal's own CountWorkflowExecutions of the query its link shows.
func TestOverviewCountsAsTemporalDoes(t *testing.T) {
	srv := testserver.Start(t, testserver.Options{})
	var defs []*definitions.Definition
	for _, d := range testutil.Shipped(t) {
		if d.Gemeente == "dalfsen" {
			defs = append(defs, d)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	now := time.Now().UTC().Truncate(time.Second)
	started := 0
	for i := range 3 * len(defs) * 8 {
		def := defs[i%len(defs)]
		var steps []string
		for _, s := range def.Steps {
			if s.Kind == definitions.KindTask {
				steps = append(steps, s.ID)
			}
		}
		sa := []temporal.SearchAttributeUpdate{
			workflows.SAGemeente.ValueSet("dalfsen"), workflows.SAProcess.ValueSet(def.Process),
			workflows.SATeam.ValueSet(def.Teams[i%len(def.Teams)]), workflows.SAStep.ValueSet([]string{steps[i%len(steps)]}),
		}
		if i%3 > 0 {
			sa = append(sa, workflows.SAStalled.ValueSet(i%3 == 1), workflows.SASuspended.ValueSet(i%5 == 0))
		}
		if i%4 > 0 {
			sa = append(sa, workflows.SADeadline.ValueSet(now.Add(time.Duration(i%4-2)*24*time.Hour)))
		}
		if i%2 == 0 {
			sa = append(sa, workflows.SAEscalation.ValueSet(int64(i%3)))
		}
		_, err := srv.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
			ID: fmt.Sprintf("overview-%d", i), TaskQueue: "nobody-polls",
			TypedSearchAttributes: temporal.NewSearchAttributes(sa...),
		}, workflows.CaseWorkflowName)
		if err != nil {
			t.Fatal(err)
		}
		started++
	}
	// Another gemeente's case is never counted.
	if _, err := srv.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "elders", TaskQueue: "nobody-polls",
		TypedSearchAttributes: temporal.NewSearchAttributes(workflows.SAGemeente.ValueSet("utrecht"), workflows.SAProcess.ValueSet(defs[0].Process), workflows.SATeam.ValueSet(defs[0].Teams[0])),
	}, workflows.CaseWorkflowName); err != nil {
		t.Fatal(err)
	}
	testutil.Eventually(t, time.Minute, func() error {
		resp, err := srv.Client.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: srv.Namespace(), Query: `WijkGemeente = "dalfsen"`})
		if err != nil || resp.GetCount() != int64(started) {
			return fmt.Errorf("%d of %d cases visible (%v)", resp.GetCount(), started, err)
		}
		return nil
	})

	c := &counting{Client: srv.Client}
	a := &app{cfg: Config{Client: c, Namespace: srv.Namespace()}}
	d, err := a.overviewCounts(ctx, "dalfsen", defs, now)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := a.overviewCounts(ctx, "dalfsen", defs, now); err != nil || len(again.Processes) != len(d.Processes) {
		t.Fatalf("second overview: %v", err)
	}
	if c.lists.Load() != 1 || c.counts.Load() != 0 {
		t.Errorf("two overviews made %d list and %d count calls; want 1 list (shared) and no counts", c.lists.Load(), c.counts.Load())
	}
	numbers, nonzero := 0, 0
	for _, p := range d.Processes {
		for _, row := range p.Rows {
			for _, n := range append([]count{row.Open, row.Stalled, row.Late, row.Suspended}, row.Levels...) {
				resp, err := srv.Client.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: srv.Namespace(), Query: n.Query})
				if err != nil {
					t.Fatalf("%s: %v", n.Query, err)
				}
				if resp.GetCount() != n.N {
					t.Errorf("%s: overview %d, Temporal counts %d", n.Query, n.N, resp.GetCount())
				}
				numbers++
				if n.N > 0 {
					nonzero++
				}
			}
		}
	}
	t.Logf("%d cases, %d numbers (%d not zero) from one list call", started, numbers, nonzero)
	if numbers < 40 || nonzero < 20 {
		t.Errorf("only %d numbers, %d not zero: the cases do not cover the overview", numbers, nonzero)
	}
}
