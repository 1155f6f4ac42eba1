package cluster

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Worker is one `wijkflow worker` process with its own API address.
type Worker struct {
	// Name is worker-1, worker-2, …: its log is Name.log in the cluster's folder.
	Name string
	// URL is the base of its API and web app, e.g. http://127.0.0.1:41234.
	URL  string
	bin  string
	dir  string
	args []string
	env  []string
	proc *process
}

// workerSetup is what every worker of a cluster shares.
type workerSetup struct {
	bin, dir, definitions string
	env                   []string
}

// newWorker prepares worker n on a free port. The connection to Temporal goes by
// TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE, the names Temporal's own tools read; the
// rest of the configuration by WIJKFLOW_* variables, as in a container.
func newWorker(s workerSetup, n int) (*Worker, error) {
	p, err := lowPorts(1)
	if err != nil {
		return nil, err
	}
	name := "worker-" + strconv.Itoa(n)
	addr := "127.0.0.1:" + strconv.Itoa(p[0])
	return &Worker{
		Name: name, URL: "http://" + addr, bin: s.bin, dir: s.dir,
		args: []string{"worker", "--definitions", s.definitions, "--api-addr", addr, "--identity", name},
		env:  append(append([]string{}, s.env...), "WIJKFLOW_ACCESS_LOG="+s.dir+"/"+name+"-access.log"),
	}, nil
}

// Start starts the worker (again, after Kill) and waits until it is ready.
func (w *Worker) Start(ctx context.Context) error {
	p, err := startProcess(w.dir, w.Name, w.bin, w.args, w.env)
	if err != nil {
		return err
	}
	w.proc = p
	return w.WaitReady(ctx)
}

// WaitReady waits until the worker says it is ready: GET /api/v1/readyz answers 200
// (Temporal reachable, polling, definitions loaded, search attributes usable); a worker
// without that endpoint is taken as ready when GET /api/v1/healthz answers 200.
func (w *Worker) WaitReady(ctx context.Context) error {
	return waitFor(ctx, 3*time.Minute, w.Name+" ready", func() error {
		if w.proc.exited() {
			return fmt.Errorf("%w:\n%s", errExited, w.proc.logTail())
		}
		status, err := get(ctx, w.URL+"/api/v1/readyz")
		if err == nil && status == http.StatusNotFound {
			status, err = get(ctx, w.URL+"/api/v1/healthz")
		}
		if err != nil {
			return err
		}
		if status != http.StatusOK {
			return fmt.Errorf("answers %d", status)
		}
		return nil
	})
}

// Kill is kill -9 of the worker: in-flight requests get no answer, its polls end.
func (w *Worker) Kill() { w.proc.kill() }

// Stop ends the worker with SIGTERM, as a deployment does.
func (w *Worker) Stop() { w.proc.stop(30 * time.Second) }

// Pid is the worker's process id.
func (w *Worker) Pid() int { return w.proc.Pid() }

// Log is the worker's output so far (the end of it).
func (w *Worker) Log() string { return w.proc.logTail() }

func get(ctx context.Context, url string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
