package worker_test

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/workflows"
)

// BenchmarkTeamList measures the web team list (/taken?lijst=team, a page of 100 cases)
// and GET /api/v1/tasks in one process among open cases of testdorp/vier on the embedded
// server (WIJKFLOW_BENCH_OPEN, default 1,000, created through the API first and not
// timed): each op is one read by one user, then one read by each of ten users at once.
// It reports p50/p95 of both series and the process's CPU per read, the figure that
// decides how ten users at once fare on a few cores. web-team-changing does the same
// with one of the cases claimed through the API before each op, as when the team works
// while it reads (the claim's own CPU is in the figure: compare it between commits):
//
//	go test ./worker -run '^$' -bench TeamList -benchtime 200x
func BenchmarkTeamList(b *testing.B) {
	open := testutil.BenchOpen(b, 1000, 100)
	srv := testserver.Start(b, testserver.Options{})
	defs, issues := definitions.LoadDir("testdata/vier")
	if err := issues.Err(); err != nil {
		b.Fatal(err)
	}
	_, base := serve(b, srv.Client, srv.Namespace(), svcOpts{taskQueue: "vier", defs: defs})
	run := strconv.FormatInt(time.Now().UnixNano(), 36)
	next := make(chan int)
	errs := make(chan error, open)
	var wg sync.WaitGroup
	claims := make([]string, open) // the path that claims case i's open task
	for range 20 {
		wg.Go(func() {
			for i := range next {
				var v workflows.CaseView
				status, err := post(base+"/api/v1/cases", map[string]any{"gemeente": "testdorp", "process": "vier",
					"team": "noord", "data": map[string]any{"bron": "inwoner"}}, fmt.Sprintf("tl-%s-%d", run, i), &v)
				if err == nil && (status != http.StatusCreated || len(v.Tasks) != 1) {
					err = fmt.Errorf("create: %d, tasks %v", status, v.Tasks)
				}
				if err != nil {
					errs <- err
					continue
				}
				claims[i] = "/api/v1/cases/" + v.ID + "/tasks/" + v.Tasks[0].ID + "/claim"
			}
		})
	}
	for i := range open {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	web := signIn(b, base, "test-coach-noord")
	read := func(c *http.Client, path, want string) time.Duration {
		start := time.Now()
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.Header.Set("Authorization", "Bearer test-coach-noord")
		resp, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		took := time.Since(start)
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			b.Fatalf("%s: %d %.300s", path, resp.StatusCode, body)
		}
		return took
	}
	claimed := 0
	for _, list := range []struct {
		name, path, want string
		change           bool
	}{
		{"web-team", "/taken?lijst=team", "Volgende pagina", false},
		{"api-tasks", "/api/v1/tasks", `"nextPageToken"`, false},
		{"web-team-changing", "/taken?lijst=team", "Volgende pagina", true},
	} {
		b.Run(list.name, func(b *testing.B) {
			read(web, list.path, list.want) // the first scan
			var one, ten []time.Duration
			cpu := cpuTime()
			b.ResetTimer()
			for range b.N {
				if list.change {
					if claimed == open {
						b.Fatalf("every one of the %d cases claimed; give fewer ops or more cases", open)
					}
					var v workflows.CaseView
					status, err := post(base+claims[claimed], map[string]any{}, fmt.Sprintf("tl-%s-claim-%d", run, claimed), &v)
					if err != nil || status != http.StatusOK {
						b.Fatalf("claim %s: %d %v", claims[claimed], status, err)
					}
					claimed++
				}
				one = append(one, read(web, list.path, list.want))
				var mu sync.Mutex
				var wg sync.WaitGroup
				for range 10 {
					wg.Go(func() {
						d := read(web, list.path, list.want)
						mu.Lock()
						ten = append(ten, d)
						mu.Unlock()
					})
				}
				wg.Wait()
			}
			b.StopTimer()
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(11*b.N), "cpu-ms/read")
			for _, s := range []struct {
				name string
				all  []time.Duration
			}{{"one", one}, {"ten", ten}} {
				slices.Sort(s.all)
				at := func(p float64) float64 { return float64(s.all[int(p*float64(len(s.all)-1))].Microseconds()) / 1000 }
				b.ReportMetric(at(0.50), s.name+"-p50-ms")
				b.ReportMetric(at(0.95), s.name+"-p95-ms")
			}
		})
	}
}

// cpuTime is the process's user and system CPU time so far, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
