package web

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker/caselist"
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
	defs := dalfsen(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	now := time.Now().UTC().Truncate(time.Second)
	started := 3 * len(defs) * 8
	startOpenCases(ctx, t, srv, defs, started, now)
	c := &counting{Client: srv.Client}
	// A minute's freshness: the two overviews share one scan however slow this machine is.
	a := &app{cfg: Config{Client: c, Namespace: srv.Namespace()},
		cases: caselist.New(caselist.Options{Client: c, Namespace: srv.Namespace(), Fresh: time.Minute})}
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

func dalfsen(t testing.TB) []*definitions.Definition {
	var defs []*definitions.Definition
	for _, d := range testutil.Shipped(t) {
		if d.Gemeente == "dalfsen" {
			defs = append(defs, d)
		}
	}
	return defs
}

// startOpenCases starts n Dalfsen cases in many states (no worker runs them: the search
// attributes of their start are what the overview reads) and one of another gemeente,
// and waits until visibility shows them.
func startOpenCases(ctx context.Context, t testing.TB, srv *testserver.Server, defs []*definitions.Definition, n int, now time.Time) {
	t.Helper()
	for i := range n {
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
	}
	// Another gemeente's case is never counted.
	if _, err := srv.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "elders", TaskQueue: "nobody-polls",
		TypedSearchAttributes: temporal.NewSearchAttributes(workflows.SAGemeente.ValueSet("utrecht"), workflows.SAProcess.ValueSet(defs[0].Process), workflows.SATeam.ValueSet(defs[0].Teams[0])),
	}, workflows.CaseWorkflowName); err != nil {
		t.Fatal(err)
	}
	testutil.Eventually(t, 5*time.Minute, func() error {
		resp, err := srv.Client.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: srv.Namespace(), Query: `WijkGemeente = "dalfsen"`})
		if err != nil || resp.GetCount() != int64(n) {
			return fmt.Errorf("%d of %d cases visible (%v)", resp.GetCount(), n, err)
		}
		return nil
	})
}

// BenchmarkOverview measures the teamleider's overview of Dalfsen (its three processes
// and teams) among 2,000 open cases on the embedded server at the stock visibility rate,
// each time without the shared list (a fresh scan), and reports p50 and p95:
//
//	go test ./worker/web -run '^$' -bench Overview -benchtime 20x
func BenchmarkOverview(b *testing.B) {
	srv := testserver.Start(b, testserver.Options{})
	defs := dalfsen(b)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	now := time.Now().UTC().Truncate(time.Second)
	const n = 2000
	startOpenCases(ctx, b, srv, defs, n, now)
	c := &counting{Client: srv.Client}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		// A minute's freshness: the two overviews share one scan however slow this machine is.
		a := &app{cfg: Config{Client: c, Namespace: srv.Namespace()},
			cases: caselist.New(caselist.Options{Client: c, Namespace: srv.Namespace(), Fresh: time.Minute})}
		start := time.Now()
		if _, err := a.overviewCounts(ctx, "dalfsen", defs, now); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	at := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(float64(c.lists.Load())/float64(b.N), "list-calls/op")
}
