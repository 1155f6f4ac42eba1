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
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/workflows"
)

// BenchmarkBesideSDK runs b.N cases of testdorp/vier (a create and four completions) at
// 20 in flight through wijkflow's task API, and b.N cases of the same four tasks written
// by hand with the SDK (baseline_test.go) through the SDK client, on one embedded
// Temporal server (SQLite, as `wijkflow dev`), one after the other in one run. It reports
// each side's cases/s, create and complete p50/p99, every create answered 202 (the
// first view not ready in time), and the throughput ratio wijkflow / SDK:
//
//	go test ./worker -run '^$' -bench BesideSDK -benchtime 300x -timeout 30m
func BenchmarkBesideSDK(b *testing.B) {
	srv := testserver.Start(b, testserver.Options{})
	defs, issues := definitions.LoadDir("testdata/vier")
	if err := issues.Err(); err != nil {
		b.Fatal(err)
	}
	_, base := serve(b, srv.Client, srv.Namespace(), svcOpts{taskQueue: "vier", defs: defs})
	// The baseline polls as wijkflow's worker does, so that only the workflows differ.
	w := sdkworker.New(srv.Client, "vier-sdk", sdkworker.Options{WorkflowTaskPollerBehavior: worker.WorkflowPollers()})
	w.RegisterWorkflowWithOptions(vierBaseline, workflow.RegisterOptions{Name: baselineWorkflow})
	if err := w.Start(); err != nil {
		b.Fatal(err)
	}
	defer w.Stop()
	run := strconv.FormatInt(time.Now().UnixNano(), 36)

	var wijkflow, sdk float64
	b.Run("wijkflow", func(b *testing.B) {
		wijkflow = drive(b, func(i int, creates, completes *timings) error {
			return viaAPI(base, fmt.Sprintf("%s-%d-%d", run, b.N, i), creates, completes)
		})
	})
	b.Run("sdk", func(b *testing.B) {
		sdk = drive(b, func(i int, creates, completes *timings) error {
			return viaSDK(srv.Client, fmt.Sprintf("sdk-%s-%d-%d", run, b.N, i), creates, completes)
		})
	})
	if sdk > 0 {
		b.ReportMetric(wijkflow/sdk, "throughput-ratio")
	}
}

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

// drive runs b.N cases, 20 at a time, and returns cases per second.
func drive(b *testing.B, oneCase func(i int, creates, completes *timings) error) float64 {
	const inFlight = 20
	var creates, completes timings
	next := make(chan int)
	errs := make(chan error, b.N)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range inFlight {
		wg.Go(func() {
			for i := range next {
				if err := oneCase(i, &creates, &completes); err != nil {
					errs <- err
				}
			}
		})
	}
	for i := range b.N {
		next <- i
	}
	close(next)
	wg.Wait()
	took := time.Since(start)
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	perSec := float64(b.N) / took.Seconds()
	b.ReportMetric(perSec, "cases/s")
	creates.report(b, "create")
	completes.report(b, "complete")
	b.ReportMetric(float64(creates.n), "creates-202")
	return perSec
}

// viaAPI is one case through the task API, as a client of wijkflow would run it.
func viaAPI(base, key string, creates, completes *timings) error {
	var v workflows.CaseView
	err := creates.time(func() (bool, error) {
		status, err := post(base+"/api/v1/cases", map[string]any{"gemeente": "testdorp", "process": "vier", "team": "noord", "data": map[string]any{"bron": "inwoner"}}, key, &v)
		return status == http.StatusCreated, err
	})
	forms := []map[string]any{{"urgent": true}, {"verslag": "gesprek gevoerd"}, {"plan": "hulp thuis"}, {"tevreden": true}}
	for n := 0; err == nil && n < len(forms); n++ {
		if len(v.Tasks) != 1 {
			return fmt.Errorf("case %s: open tasks %v before completion %d", v.ID, v.Tasks, n+1)
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
	return err
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

// viaSDK is one case of the baseline through the SDK client: Update-with-Start, then
// an Update per task.
func viaSDK(c client.Client, id string, creates, completes *timings) error {
	ctx, cancel := context.WithTimeout(context.Background(), baselineTimeout)
	defer cancel()
	var task baselineTask
	err := creates.time(func() (bool, error) {
		start := c.NewWithStartWorkflowOperation(client.StartWorkflowOptions{
			ID: id, TaskQueue: "vier-sdk", WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		}, baselineWorkflow, "inwoner")
		h, err := c.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
			StartWorkflowOperation: start,
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
				WorkflowID: id, UpdateID: id + "-" + task.ID, UpdateName: baselineComplete,
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
