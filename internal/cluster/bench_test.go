package cluster

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/workflows"
)

// BenchmarkServers measures wijkflow on the cluster (PostgreSQL, Temporal, two workers)
// and on `wijkflow dev`'s embedded server, one after the other in one run, with the
// same driver: b.N cases of testdorp/vier (a create and four completions each), 20
// requests in flight, spread over the workers in turn. It reports cases/s, create and
// complete p50/p99, CPU per case summed over every process of the topology, each
// process's peak memory (PostgreSQL: the private memory of its processes now, beside its
// shared buffers), the history stored per case, and any 202 (a create answered before
// its first view) or retry. Run:
//
//	go test ./internal/cluster -run '^$' -bench Servers -benchtime 300x -timeout 30m
//
// b.N=1 warms each topology up before the measured run. The inbox and overview at
// 10,000 open cases and the hand-written SDK baseline are measured elsewhere (issue 16).
func BenchmarkServers(b *testing.B) {
	c := startCluster(b)
	b.Run("cluster", func(b *testing.B) {
		drive(b, []string{c.Workers[0].URL, c.Workers[1].URL}, c.Pids())
		historyBytes(b, c.Postgres)
	})
	c.Stop()
	if b.Failed() {
		return
	}

	dev := startDev(b)
	b.Run("dev", func(b *testing.B) {
		drive(b, []string{dev.URL}, map[string]int{"dev": dev.Pid()})
	})
}

// drive runs b.N cases through the workers at urls and reports the figures above;
// pids are the processes whose CPU and memory count.
func drive(b *testing.B, urls []string, pids map[string]int) {
	api := newAPIClient(coachToken, urls...)
	var mu sync.Mutex
	var creates, completes []time.Duration
	timed := func(into *[]time.Duration, op func() error) error {
		start := time.Now()
		err := op()
		mu.Lock()
		*into = append(*into, time.Since(start))
		mu.Unlock()
		return err
	}
	cpu := func() (d time.Duration) {
		for _, pid := range pids {
			d += cpuTime(pid)
		}
		return d
	}
	run := strconv.FormatInt(time.Now().UnixNano(), 36) // keys of one run only
	next := make(chan int)
	var wg sync.WaitGroup
	var failed error
	cpu0 := cpu()
	b.ResetTimer()
	start := time.Now()
	for range inFlight {
		wg.Go(func() {
			for i := range next {
				if err := driveCase(api, fmt.Sprintf("bench-%s-%d", run, i), timed, &creates, &completes); err != nil {
					mu.Lock()
					failed = err
					mu.Unlock()
				}
			}
		})
	}
	for i := range b.N {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if failed != nil {
		b.Fatal(failed)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "cases/s")
	b.ReportMetric(ms(percentile(creates, 50)), "create-p50-ms")
	b.ReportMetric(ms(percentile(creates, 99)), "create-p99-ms")
	b.ReportMetric(ms(percentile(completes, 50)), "complete-p50-ms")
	b.ReportMetric(ms(percentile(completes, 99)), "complete-p99-ms")
	b.ReportMetric(ms(cpu()-cpu0)/float64(b.N), "cpu-ms/case")
	for name, pid := range pids {
		if name == "postgres" { // many processes sharing its buffers: their own memory
			b.ReportMetric(anonMemory(pid), name+"-anon-MB")
			continue
		}
		b.ReportMetric(peakMemory(pid), name+"-peak-MB")
	}
	b.ReportMetric(float64(api.slow.Load()), "202s")
	b.ReportMetric(float64(api.retries.Load()), "retries")
}

// driveCase is one case: a create and its four completions, each timed.
func driveCase(api *apiClient, key string, timed func(*[]time.Duration, func() error) error, creates, completes *[]time.Duration) error {
	var v workflows.CaseView
	err := timed(creates, func() (err error) {
		v, err = api.create(key)
		return err
	})
	for n := 0; err == nil && n < len(steps); n++ {
		err = timed(completes, func() (err error) {
			v, err = api.complete(v, n, key+"-"+strconv.Itoa(n))
			return err
		})
	}
	return err
}

// historyBytes reports the history PostgreSQL stores per case: every batch of events of
// the cases run so far (the warm-up's too), divided by their number.
func historyBytes(b *testing.B, pg *Postgres) {
	out, err := pg.SQL("temporal", "SELECT sum(octet_length(data)), count(DISTINCT tree_id) FROM history_node")
	if err != nil {
		b.Fatal(err)
	}
	var bytes, cases float64
	if _, err := fmt.Sscanf(out, "%g\t%g", &bytes, &cases); err != nil || cases == 0 {
		b.Fatalf("history bytes: %q: %v", out, err)
	}
	b.ReportMetric(bytes/cases/1024, "history-KB/case")
}

// startDev runs `wijkflow dev` as its own process on free ports, without demo cases.
func startDev(b testing.TB) *Worker {
	root, _ := filepath.Abs("../..")
	dir := b.TempDir()
	bin, err := BuildWijkflow(root, dir)
	if err != nil {
		b.Fatal(err)
	}
	p, err := lowPorts(2)
	if err != nil {
		b.Fatal(err)
	}
	addr := "127.0.0.1:" + strconv.Itoa(p[0])
	w := &Worker{Name: "dev", URL: "http://" + addr, bin: bin, dir: dir, args: []string{"dev",
		"--data-dir", dir, "--api-addr", addr, "--temporal-port", strconv.Itoa(p[1]), "--ui-port", "-1",
		"--demo=false", "--watch=false", "--definitions", filepath.Join(root, "internal/cluster/testdata/definitions"),
		"--users", testutil.Path("users.yaml")}}
	if err := w.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(w.Stop)
	return w
}

func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
