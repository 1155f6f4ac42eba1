package httpapi

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// BenchmarkAPI measures the API on the embedded Temporal server (temporaltest, SQLite in
// memory) with a real worker: the latency of completing a task, and of listing one
// team's open tasks among 1,000 open cases. Run with e.g. -benchtime=200x; the p50 and
// p99 are reported as metrics.
func BenchmarkAPI(b *testing.B) {
	parent := b
	b.Run("complete", func(b *testing.B) {
		benchComplete(b, newEnv(b))
	})

	// 1,000 open cases over the three dalfsen teams, created once for both listings.
	var once sync.Once
	var e *env
	setup := func(b *testing.B) {
		once.Do(func() {
			// The server outlives this sub-benchmark run: it belongs to the parent.
			e = newEnv(parentCleanup{b, parent})
			// Started through the client rather than POST /cases, which would also wait
			// for each first view: the listing is measured here, not the setup.
			tokens := []string{"coach", "coach-nieuwleusen", "coach-lemelerveld"}
			users := map[string]*auth.User{}
			for _, u := range testUsers {
				users[u.Token] = &u
			}
			ctx := context.Background()
			for i := range 1000 {
				req := createRequest{Gemeente: "dalfsen", Process: "wijkteam", Data: dalfsenIntake()}
				in, err := e.api.caseInput(users[tokens[i%len(tokens)]], req)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.client.ExecuteWorkflow(ctx, e.api.startOptions(in), workflows.CaseWorkflowName, in); err != nil {
					b.Fatal(err)
				}
			}
			e.within(5*time.Minute, "1,000 cases with their tasks in visibility", func() bool {
				n := 0
				for _, tok := range tokens {
					var l TaskList
					e.must(200, tok, "GET", "/tasks?pageSize=1000", nil).decode(b, &l)
					n += len(l.Tasks)
				}
				return n == 1000
			})
		})
	}
	list := func(query string, want int) func(b *testing.B) {
		return func(b *testing.B) {
			b.StopTimer()
			setup(b)
			e.t = b
			b.StartTimer()
			lat := make([]time.Duration, 0, b.N)
			for range b.N {
				start := time.Now()
				r := e.must(200, "coach-lemelerveld", "GET", "/tasks"+query, nil)
				lat = append(lat, time.Since(start))
				b.StopTimer()
				var l TaskList
				r.decode(b, &l)
				if len(l.Tasks) != want {
					b.Fatalf("%d tasks, want %d", len(l.Tasks), want)
				}
				b.StartTimer()
			}
			reportPercentiles(b, lat)
		}
	}
	b.Run("list-team-tasks-page50", list("", 50))
	b.Run("list-team-tasks-all333", list("?pageSize=1000", 333))
}

// benchComplete measures completing the melding of a new case, b.N times, and reports
// the latency's percentiles; creating the case is not measured.
func benchComplete(b *testing.B, e *env) {
	lat := make([]time.Duration, 0, b.N)
	for range b.N {
		b.StopTimer()
		v := e.newCase("coach")
		path := completePathOf(b, v, "melding")
		b.StartTimer()
		start := time.Now()
		e.must(200, "coach", "POST", path, meldingData())
		lat = append(lat, time.Since(start))
	}
	reportPercentiles(b, lat)
}

// reportPercentiles reports the p50 and p99 of lat in milliseconds.
func reportPercentiles(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	at := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// parentCleanup is a sub-benchmark's B whose cleanups run when the parent ends.
type parentCleanup struct {
	*testing.B
	parent *testing.B
}

func (p parentCleanup) Cleanup(f func()) { p.parent.Cleanup(f) }
