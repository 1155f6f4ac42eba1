package worker_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/workflows"
)

// BenchmarkBesideSDK runs b.N cases of testdorp/vier (a create and four completions) at
// 20 in flight on one embedded Temporal server (SQLite, as `wijkflow dev`), three sides
// one after the other in one run, each polled the same way: wijkflow through its task
// API; sdk-minimal, the same four tasks written by hand with the SDK and nothing else
// (vierBaseline); sdk-same-job, the same plus what the task lists and deadlines need,
// as a team would build it (VierZoals). It reports each side's cases/s, create and
// complete p50/p99, the CPU per case of the whole process (server included), every
// create answered 202 (the first view not ready in time), the history events and
// visibility writes of one finished case, and on each baseline's line wijkflow's
// throughput over that baseline's:
//
//	go test ./worker -run '^$' -bench BesideSDK -benchtime 300x -timeout 30m
func BenchmarkBesideSDK(b *testing.B) {
	// Every run of a side has a server of its own, new and empty: on a shared one each
	// side would run on the history and visibility rows of the sides before it, and the
	// last side (with -count, all its runs) on the fullest SQLite file.

	// Each baseline's line carries wijkflow's throughput over its own (a benchmark with
	// sub-benchmarks prints no line of its own).
	var wijkflow float64
	b.Run("wijkflow", func(b *testing.B) {
		// wijkflow dials as `wijkflow worker` does (no gRPC gzip); the baselines use the
		// SDK's defaults, as a hand-written worker would.
		srv, _, base := vierService(b)
		wijkflow = drive(b, srv.Client, func(i int, creates, completes *timings) (string, error) {
			return viaAPI(base, fmt.Sprintf("%d-%d", b.N, i), creates, completes)
		})
	})
	b.Run("sdk-minimal", func(b *testing.B) {
		srv := sdkServer(b)
		minimal := drive(b, srv.Client, func(i int, creates, completes *timings) (string, error) {
			id := fmt.Sprintf("sdk-%d-%d", b.N, i)
			return id, viaSDK(srv.Client, client.StartWorkflowOptions{ID: id}, baselineWorkflow, creates, completes)
		})
		if wijkflow > 0 { // not when -bench leaves wijkflow's side out
			b.ReportMetric(wijkflow/minimal, "throughput-ratio-minimal")
		}
	})
	b.Run("sdk-same-job", func(b *testing.B) {
		srv := sdkServer(b)
		sameJob := drive(b, srv.Client, func(i int, creates, completes *timings) (string, error) {
			id := fmt.Sprintf("zoals-%d-%d", b.N, i)
			start := client.StartWorkflowOptions{ID: id, TypedSearchAttributes: zoalsStart()}
			return id, viaSDK(srv.Client, start, zoalsWorkflow, creates, completes)
		})
		if wijkflow > 0 {
			b.ReportMetric(wijkflow/sameJob, "throughput-ratio-same-job")
		}
	})
}

// sdkServer starts a new embedded server with a worker of both baselines on it, polling
// as wijkflow's worker does, so that only the workflows differ.
func sdkServer(b *testing.B) *testserver.Server {
	srv := testserver.Start(b, testserver.Options{})
	w := sdkworker.New(srv.Client, sdkQueue, sdkworker.Options{WorkflowTaskPollerBehavior: worker.WorkflowPollers()})
	w.RegisterWorkflowWithOptions(vierBaseline, workflow.RegisterOptions{Name: baselineWorkflow})
	w.RegisterWorkflowWithOptions(vierZoals, workflow.RegisterOptions{Name: zoalsWorkflow})
	if err := w.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(w.Stop)
	return srv
}

// sdkQueue is the task queue of both baselines.
const sdkQueue = "vier-sdk"

// timings collects latencies from many goroutines.
type timings struct {
	mu  sync.Mutex
	all []time.Duration
	n   int // answers that were not the expected status (202 on a create)
}

func (t *timings) time(op func() (ok bool, err error)) error {
	start := time.Now()
	ok, err := op()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.all = append(t.all, time.Since(start))
	if !ok {
		t.n++
	}
	return err
}

func (t *timings) report(b *testing.B, name string) {
	slices.Sort(t.all)
	at := func(p float64) float64 { return float64(t.all[int(p*float64(len(t.all)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), name+"-p50-ms")
	b.ReportMetric(at(0.99), name+"-p99-ms")
}

// drive runs b.N cases, 20 at a time, and returns cases per second. oneCase answers
// the id of its case; the last case's history is read with c after the timer stops.
func drive(b *testing.B, c client.Client, oneCase func(i int, creates, completes *timings) (string, error)) float64 {
	const inFlight = 20
	var creates, completes timings
	next := make(chan int)
	errs := make(chan error, b.N)
	var last atomic.Value
	var wg sync.WaitGroup
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for range inFlight {
		wg.Go(func() {
			for i := range next {
				id, err := oneCase(i, &creates, &completes)
				if err != nil {
					errs <- err
				}
				last.Store(id)
			}
		})
	}
	for i := range b.N {
		next <- i
	}
	close(next)
	wg.Wait()
	took, spent := time.Since(start), cpuTime()-cpu
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	perSec := float64(b.N) / took.Seconds()
	b.ReportMetric(perSec, "cases/s")
	// The whole process's CPU: Temporal's server, the worker, the API and the driver.
	b.ReportMetric(float64(spent)/1e6/float64(b.N), "cpu-ms/case")
	creates.report(b, "create")
	completes.report(b, "complete")
	b.ReportMetric(float64(creates.n), "creates-202")
	serverCost(b, c, last.Load().(string))
	return perSec
}

// serverCost reports what one finished case cost the server: its history events, and
// its visibility writes. Temporal collapses the visibility tasks of one transaction into
// one (closeTransactionCollapseVisibilityTasks): the start is a write, and so is each
// workflow task completion whose commands upsert search attributes or the memo, or
// close the case, however many upserts it holds.
func serverCost(b *testing.B, c client.Client, id string) {
	ctx, cancel := context.WithTimeout(context.Background(), baselineTimeout)
	defer cancel()
	if err := c.GetWorkflow(ctx, id, "").Get(ctx, nil); err != nil {
		b.Fatalf("case %s: %v", id, err)
	}
	var events, writes int
	written := false // this transaction's write is counted
	it := c.GetWorkflowHistory(ctx, id, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		e, err := it.Next()
		if err != nil {
			b.Fatalf("history of %s: %v", id, err)
		}
		events++
		switch e.GetEventType() {
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
			written = false // a new transaction: the start, or a task's commands
		}
		switch e.GetEventType() {
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
			enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
			enumspb.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, enumspb.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED:
			if !written {
				writes++
				written = true
			}
		}
	}
	b.ReportMetric(float64(events), "events/case")
	b.ReportMetric(float64(writes), "visibility-writes/case")
}

// viaAPI is one case through the task API, as a client of wijkflow would run it.
// It answers the case's id.
func viaAPI(base, key string, creates, completes *timings) (string, error) {
	var v workflows.CaseView
	err := creates.time(func() (bool, error) {
		status, err := post(base+"/api/v1/cases", map[string]any{"gemeente": "testdorp", "process": "vier", "team": "noord", "data": map[string]any{"bron": "inwoner"}}, key, &v)
		return status == http.StatusCreated, err
	})
	forms := []map[string]any{{"urgent": true}, {"verslag": "gesprek gevoerd"}, {"plan": "hulp thuis"}, {"tevreden": true}}
	for n := 0; err == nil && n < len(forms); n++ {
		if len(v.Tasks) != 1 {
			return v.ID, fmt.Errorf("case %s: open tasks %v before completion %d", v.ID, v.Tasks, n+1)
		}
		path := "/api/v1/cases/" + v.ID + "/tasks/" + v.Tasks[0].ID + "/complete"
		err = completes.time(func() (bool, error) {
			status, err := post(base+path, map[string]any{"data": forms[n]}, key+"-"+strconv.Itoa(n), &v)
			if err == nil && status != http.StatusOK {
				err = fmt.Errorf("%s: %d", path, status)
			}
			return status == http.StatusOK, err
		})
	}
	return v.ID, err
}

// post sends body as the test coach with an Idempotency-Key and decodes a 2xx answer.
func post(url string, body any, key string, out any) (int, error) {
	js, err := json.Marshal(body)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(js))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer test-coach-noord")
	req.Header.Set("Idempotency-Key", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return resp.StatusCode, nil
	}
	return resp.StatusCode, json.NewDecoder(resp.Body).Decode(out)
}

// viaSDK is one case of a baseline workflow through the SDK client: Update-with-Start
// (start says the id and any search attributes), then an Update per task.
func viaSDK(c client.Client, start client.StartWorkflowOptions, workflow string, creates, completes *timings) error {
	ctx, cancel := context.WithTimeout(context.Background(), baselineTimeout)
	defer cancel()
	var task baselineTask
	err := creates.time(func() (bool, error) {
		start.TaskQueue, start.WorkflowIDConflictPolicy = sdkQueue, enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING
		h, err := c.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
			StartWorkflowOperation: c.NewWithStartWorkflowOperation(start, workflow, "inwoner"),
			UpdateOptions:          client.UpdateWorkflowOptions{UpdateName: baselineOpen, WaitForStage: client.WorkflowUpdateStageCompleted},
		})
		if err == nil {
			err = h.Get(ctx, &task)
		}
		return err == nil, err
	})
	forms := []map[string]any{{"urgent": true}, {"verslag": "gesprek gevoerd"}, {"plan": "hulp thuis"}, {"tevreden": true}}
	for n := 0; err == nil && n < len(forms); n++ {
		err = completes.time(func() (bool, error) {
			h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
				WorkflowID: start.ID, UpdateID: start.ID + "-" + task.ID, UpdateName: baselineComplete,
				WaitForStage: client.WorkflowUpdateStageCompleted, Args: []any{task.ID, forms[n]},
			})
			if err == nil {
				err = h.Get(ctx, &task)
			}
			return err == nil, err
		})
	}
	return err
}
