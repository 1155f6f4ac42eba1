package cluster

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// inFlight is how many requests the load keeps open at once.
const inFlight = 20

// killUnderLoad runs cases cases of four tasks each through both workers, 20 requests in
// flight, and kill -9s worker 2 a third of the way; it restarts at once. The client sends
// what got no answer again, with its Idempotency-Key, to the next worker. Every case must
// close, each task completed exactly once, and the restarted worker polls again. It
// returns the cases.
func killUnderLoad(t *testing.T, c *Cluster, cases int) map[string]bool {
	api := newAPIClient(coachToken, c.Workers[0].URL, c.Workers[1].URL)
	victim := c.Workers[1]
	restarted := make(chan error, 1)
	var once sync.Once
	var killed time.Time
	kill := func() {
		killed = time.Now()
		victim.Kill()
		go func() { restarted <- victim.Start(context.Background()) }()
	}
	var answered atomic.Int64
	killAt := int64(cases * (len(steps) + 1) / 3)
	ok := func() {
		if answered.Add(1) == killAt {
			once.Do(kill)
		}
	}

	ids := make([]string, cases)
	errs := make([]error, cases)
	next := make(chan int)
	var wg sync.WaitGroup
	for range inFlight {
		wg.Go(func() {
			for i := range next {
				v, err := api.create(fmt.Sprintf("load-%d", i))
				ids[i] = v.ID
				for n := 0; err == nil && n < len(steps); n++ {
					ok()
					v, err = api.complete(v, n, fmt.Sprintf("load-%d-%d", i, n))
				}
				if err == nil {
					ok()
				}
				errs[i] = err
			}
		})
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()
	once.Do(kill) // the load never got that far: the failures below say why
	if err := <-restarted; err != nil {
		t.Fatalf("%s after kill -9: %v", victim.Name, err)
	}
	bothPolling(t, c, killed)
	for i, err := range errs {
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
	}
	t.Logf("%d cases, kill -9 of %s after %d answers; %d requests sent again, %d answered 202",
		cases, victim.Name, killAt, api.retries.Load(), api.slow.Load())
	if api.retries.Load() == 0 {
		t.Errorf("no request went unanswered: the kill hit no request in flight and proves nothing")
	}

	seen := map[string]bool{}
	open, double := 0, 0
	for _, id := range ids {
		if seen[id] {
			t.Errorf("two creates answered the same case %s", id)
		}
		seen[id] = true
		var v workflows.CaseView
		if err := api.do("GET", "/cases/"+id, "", nil, http.StatusOK, &v); err != nil {
			t.Fatal(err)
		}
		if v.Closed == nil || v.Result != "afgerond" {
			open++
		}
		completed := map[string]int{}
		for _, e := range v.Trail {
			if e.Event == workflows.EventTaskCompleted {
				completed[e.Step]++
			}
		}
		for _, s := range steps {
			if completed[s.step] != 1 {
				double++
				t.Errorf("case %s: task %s completed %d times", id, s.step, completed[s.step])
			}
		}
	}
	if open != 0 || double != 0 {
		t.Errorf("%d of %d cases not closed, %d tasks not completed exactly once", open, cases, double)
	}
	return seen
}
