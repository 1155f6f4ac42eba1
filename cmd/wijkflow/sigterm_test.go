package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
)

// process is wijkflow run as a process of its own (the test binary, see TestMain).
type process struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  strings.Builder
	done chan error // the exit, once
}

func startProcess(t *testing.T, env []string, args ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(os.Args[0], "-test.run=^$"), done: make(chan error, 1)}
	p.cmd.Env = append(append(os.Environ(), env...), drillArgs+"="+strings.Join(args, "\x1f"))
	w := &syncWriter{w: &p.out, mu: &p.mu}
	p.cmd.Stdout, p.cmd.Stderr = w, w
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() { _ = p.cmd.Process.Kill() })
	return p
}

// exited reports the exit of the process if it ended, without waiting.
func (p *process) exited() (bool, error) {
	select {
	case err := <-p.done:
		p.done <- err
		return true, err
	default:
		return false, nil
	}
}

func (p *process) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitStatus polls url until it answers want, within two minutes.
func waitStatus(t *testing.T, url string, want int, p *process) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
		}
		if ok, exit := p.exited(); ok {
			t.Fatalf("wijkflow ended (%v) before %s answered %d\n%s", exit, url, want, p.output())
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never answered %d (last: %v)\n%s", url, want, err, p.output())
		}
		time.Sleep(20 * time.Millisecond) // a poll interval
	}
}

// TestWorkerSIGTERM: on SIGTERM the worker answers 503 on /readyz first, still serves
// during the drain, finishes a request in flight, then stops polling and exits 0.
func TestWorkerSIGTERM(t *testing.T) {
	srv := testserver.Embedded(t, testserver.Options{})
	port, metricsPort := freePort(t), freePort(t)
	base := "http://127.0.0.1:" + strconv.Itoa(port) + "/api/v1"
	p := startProcess(t, []string{
		"TEMPORAL_ADDRESS=" + srv.Address(), "TEMPORAL_NAMESPACE=" + srv.Namespace(),
		"WIJKFLOW_KEYS=" + crypt.FormatKey(crypt.Generate("k1")),
	}, "worker", "--users", testutil.Path("users.yaml"), "--definitions", testutil.Path("definitions"),
		"--api-addr", "127.0.0.1:"+strconv.Itoa(port), "--drain", "3s",
		"--metrics-addr", "127.0.0.1:"+strconv.Itoa(metricsPort))
	waitStatus(t, base+"/readyz", 200, p)
	// With --metrics-addr the metrics are there only, off the API's port.
	waitStatus(t, "http://127.0.0.1:"+strconv.Itoa(metricsPort)+"/metrics", 200, p)
	waitStatus(t, "http://127.0.0.1:"+strconv.Itoa(port)+"/metrics", 404, p)

	// A create whose body is still on its way: Expect: 100-continue tells when the
	// handler runs (the server answers 100 at its first read of the body).
	body := `{"gemeente":"testdorp","process":"snel","team":"noord","data":{"bron":"huisarts"}}`
	conn, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-leider\r\n"+
		"Content-Type: application/json\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n", len(body))
	rd := bufio.NewReader(conn)
	if line, err := rd.ReadString('\n'); err != nil || !strings.Contains(line, "100 Continue") {
		t.Fatalf("want 100 Continue, got %q %v", line, err)
	}
	if _, err := rd.ReadString('\n'); err != nil { // the blank line after the 100
		t.Fatal(err)
	}

	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitStatus(t, base+"/readyz", 503, p) // out of the load balancer, still serving
	if _, err := conn.Write([]byte(body)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(rd, nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v\n%s", err, p.output())
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("the request in flight answered %d, want 201", resp.StatusCode)
	}
	select {
	case err = <-p.done:
	case <-time.After(time.Minute):
		t.Fatalf("no exit within a minute of SIGTERM\n%s", p.output())
	}
	if err != nil {
		t.Errorf("exit: %v, want 0\n%s", err, p.output())
	}
	out := p.output()
	for _, want := range []string{"shutting down: readyz answers 503", "shutting down: no new requests", "stopped"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
