//go:build !nodev

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/workflows"
)

// The crash drill (README.md, "Crash drill"):
//
//	go test ./cmd/wijkflow -run TestCrashDrill -crash-drill -v
//
// It runs `wijkflow dev` as a process of its own, kill -9s it while creates and then
// completions are in flight, starts it again on the same data directory, retries every
// request with the same Idempotency-Key, and checks: no case lost, none twice, no task
// completed twice, no acknowledged completion lost.
var crashDrill = flag.Bool("crash-drill", false, "run the crash drill: kill -9 of wijkflow dev during creates and completions")

// drillArgs, in the environment, makes the test binary run wijkflow with these
// arguments (separated by \x1f) instead of the tests: the drill's dev process.
const drillArgs = "WIJKFLOW_DRILL_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(drillArgs); args != "" {
		ctx, stop := signalContext() // as main: SIGTERM shuts down gracefully
		err := run(ctx, strings.Split(args, "\x1f"), os.Stdout, os.Stderr)
		stop()
		if err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestCrashDrill(t *testing.T) {
	if !*crashDrill {
		t.Skip("runs only with -crash-drill (it kills processes and takes a minute)")
	}
	const cases = 40
	d := &drill{t: t, dir: t.TempDir(), api: freePort(t), temporal: freePort(t)}
	d.start()

	// Creates, killed after a third are answered.
	ids := make([]string, cases)
	d.burst(cases, cases/3, func(i int) (bool, error) {
		id, err := d.create(i)
		if err == nil {
			ids[i] = id
		}
		return err == nil, err
	})
	d.restart()
	lost := 0
	for i := range cases {
		id, err := d.retry(func() (string, error) { return d.create(i) })
		switch {
		case err != nil:
			t.Fatalf("create %d after the restart: %v", i, err)
		case ids[i] != "" && ids[i] != id:
			t.Errorf("create %d was answered with %s before the crash and %s after", i, ids[i], id)
			lost++
		}
		ids[i] = id
	}

	// Completions of each case's first task, killed after a third are answered.
	acked := make([]bool, cases)
	d.burst(cases, cases/3, func(i int) (bool, error) {
		err := d.complete(ids[i], i)
		acked[i] = err == nil
		return err == nil, err
	})
	d.restart()
	for i := range cases {
		if _, err := d.retry(func() (string, error) { return "", d.complete(ids[i], i) }); err != nil {
			t.Fatalf("completion %d after the restart: %v", i, err)
		}
	}

	// The count: every case once, every first task completed exactly once.
	listed := d.listed()
	duplicates := len(listed) - cases
	missing, double := 0, 0
	for i, id := range ids {
		if !listed[id] {
			missing++
			continue
		}
		n := d.completions(id)
		if n > 1 {
			double++
		}
		if n == 0 && acked[i] {
			t.Errorf("case %s: its acknowledged completion is lost", id)
		}
	}
	t.Logf("crash drill: %d cases, %d listed, %d missing, %d duplicate, %d completed twice, %d changed answers",
		cases, len(listed), missing, duplicates, double, lost)
	if missing != 0 || duplicates != 0 || double != 0 || lost != 0 {
		t.Errorf("lost cases %d, duplicate cases %d, double completions %d, changed create answers %d; want 0 each", missing, duplicates, double, lost)
	}
	d.stop()
}

// drill is the dev process under test and the client of its API.
type drill struct {
	t             *testing.T
	dir           string
	api, temporal int
	cmd           *exec.Cmd
	log           bytes.Buffer
	mu            sync.Mutex
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func (d *drill) base() string { return "http://127.0.0.1:" + strconv.Itoa(d.api) + "/api/v1" }

// start runs `wijkflow dev` and waits until its API answers.
func (d *drill) start() {
	args := []string{"dev", "--data-dir", d.dir, "--api-addr", "127.0.0.1:" + strconv.Itoa(d.api),
		"--temporal-port", strconv.Itoa(d.temporal), "--ui-port", "-1", "--demo=false",
		"--definitions", testutil.Path("definitions"), "--users", testutil.Path("users.yaml")}
	d.cmd = exec.Command(os.Args[0], "-test.run=^$")
	d.cmd.Env = append(os.Environ(), drillArgs+"="+strings.Join(args, "\x1f"))
	d.cmd.Stdout, d.cmd.Stderr = &syncWriter{w: &d.log, mu: &d.mu}, &syncWriter{w: &d.log, mu: &d.mu}
	if err := d.cmd.Start(); err != nil {
		d.t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := http.Get(d.base() + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		if time.Now().After(deadline) {
			d.mu.Lock()
			defer d.mu.Unlock()
			d.t.Fatalf("dev did not come up:\n%s", d.log.String())
		}
		time.Sleep(100 * time.Millisecond) // a poll interval
	}
}

// kill is kill -9 of the whole dev process (server, worker and API in one).
func (d *drill) kill() {
	_ = d.cmd.Process.Kill()
	_ = d.cmd.Wait()
}

func (d *drill) restart() { d.kill(); d.start() }

func (d *drill) stop() {
	_ = d.cmd.Process.Signal(os.Interrupt)
	_ = d.cmd.Wait()
}

// burst runs op for 0..n-1, eight at a time, and kills the process once after answers
// have come; ops that fail (the process is gone) are left for the retries.
func (d *drill) burst(n, killAfter int, op func(i int) (bool, error)) {
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	answered, failed := 0, 0
	var once sync.Once
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ok, _ := op(i)
				mu.Lock()
				if ok {
					answered++
				} else {
					failed++
				}
				kill := answered >= killAfter
				mu.Unlock()
				if kill {
					once.Do(d.kill)
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	once.Do(d.kill)
	d.t.Logf("killed with %d of %d answered; %d failed and are retried", answered, n, failed)
	if failed == 0 {
		d.t.Fatalf("the kill came after every request was answered: the drill proved nothing")
	}
}

// retry repeats op until it succeeds, for a minute (the restarted process may still be
// catching up on its workflow tasks).
func (d *drill) retry(op func() (string, error)) (string, error) {
	deadline := time.Now().Add(time.Minute)
	for {
		s, err := op()
		if err == nil || time.Now().After(deadline) {
			return s, err
		}
		time.Sleep(200 * time.Millisecond) // a retry interval
	}
}

// call sends one request as the test coach; errors are network errors and statuses
// other than want.
func (d *drill) call(method, path, key string, body any, want int, out any) error {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, d.base()+path, rd)
	req.Header.Set("Authorization", "Bearer test-leider")
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	c := http.Client{Timeout: 20 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

func (d *drill) create(i int) (string, error) {
	var v workflows.CaseView
	body := map[string]any{"gemeente": "testdorp", "process": "snel", "team": "noord", "data": map[string]any{"bron": "huisarts"}}
	err := d.call("POST", "/cases", fmt.Sprintf("drill-create-%d", i), body, http.StatusCreated, &v)
	return v.ID, err
}

func (d *drill) complete(id string, i int) error {
	return d.call("POST", "/cases/"+id+"/tasks/melding-1/complete", fmt.Sprintf("drill-complete-%d", i),
		map[string]any{"data": map[string]any{"urgent": i%2 == 0}}, http.StatusOK, nil)
}

// listed is the set of cases the API lists (visibility catches up: wait until stable).
func (d *drill) listed() map[string]bool {
	var out map[string]bool
	for range 50 {
		var l struct {
			Cases []struct{ ID string } `json:"cases"`
		}
		if err := d.call("GET", "/cases?pageSize=1000", "", nil, 200, &l); err != nil {
			d.t.Fatal(err)
		}
		now := map[string]bool{}
		for _, c := range l.Cases {
			now[c.ID] = true
		}
		if out != nil && len(now) == len(out) {
			return now
		}
		out = now
		time.Sleep(200 * time.Millisecond) // visibility is eventually consistent
	}
	return out
}

// completions counts the completions of the case's melding task in its trail.
func (d *drill) completions(id string) int {
	var v workflows.CaseView
	if err := d.call("GET", "/cases/"+id, "", nil, 200, &v); err != nil {
		d.t.Fatal(err)
	}
	n := 0
	for _, e := range v.Trail {
		if e.Event == "task-completed" && e.Task == "melding-1" {
			n++
		}
	}
	return n
}

// syncWriter serialises the process's stdout and stderr into one buffer.
type syncWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
