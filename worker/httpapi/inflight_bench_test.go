package httpapi

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// BenchmarkInFlight measures create and complete side by side at 20 requests in flight,
// on the embedded server with a real worker: create is Update-with-Start (start and
// first view in one round trip), complete an update. Every answer must be its success
// status (201, 200): a 202 or a 5xx fails the benchmark. Run with e.g. -benchtime=300x.
func BenchmarkInFlight(b *testing.B) {
	const inFlight = 20
	run := func(b *testing.B, e *env, n int, op func(i int) int, want int) {
		lat := make([]time.Duration, n)
		status := make([]int, n)
		next := make(chan int)
		var wg sync.WaitGroup
		for range inFlight {
			wg.Go(func() {
				for i := range next {
					start := time.Now()
					status[i] = op(i)
					lat[i] = time.Since(start)
				}
			})
		}
		b.ResetTimer()
		for i := range n {
			next <- i
		}
		close(next)
		wg.Wait()
		b.StopTimer()
		for i, s := range status {
			if s != want {
				b.Fatalf("request %d answered %d, want %d", i, s, want)
			}
		}
		reportPercentiles(b, lat)
	}
	b.Run("create", func(b *testing.B) {
		e := newEnv(b)
		run(b, e, b.N, func(i int) int {
			return e.do("coach", "POST", "/cases", createBody(), "Idempotency-Key", fmt.Sprintf("bench-%d", i)).status
		}, 201)
	})
	b.Run("complete", func(b *testing.B) {
		e := newEnv(b)
		paths := make([]string, b.N)
		for i := range paths {
			var v workflows.CaseView
			e.must(201, "coach", "POST", "/cases", createBody()).decode(b, &v)
			paths[i] = completePathOf(b, v, "melding")
		}
		run(b, e, b.N, func(i int) int { return e.do("coach", "POST", paths[i], meldingData()).status }, 200)
	})
}
