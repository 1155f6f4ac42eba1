package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/devserver"
)

// running is a command run in-process until its context is cancelled.
type running struct {
	stdout, stderr testutil.SyncBuffer
	cancel         context.CancelFunc
	done           chan error
}

func start(t *testing.T, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- run(ctx, args, &r.stdout, &r.stderr) }()
	t.Cleanup(func() { r.stop(t) })
	return r
}

// waitOutput waits until stdout contains want, failing early if the command ends.
func (r *running) waitOutput(t *testing.T, want string) {
	t.Helper()
	deadline := time.After(2 * time.Minute)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !strings.Contains(r.stdout.String(), want) {
		select {
		case err := <-r.done:
			r.done <- err
			t.Fatalf("command ended (%v) before printing %q\nstdout:\n%s\nstderr:\n%s", err, want, r.stdout.String(), r.stderr.String())
		case <-deadline:
			t.Fatalf("no %q after 2 minutes\nstdout:\n%s\nstderr:\n%s", want, r.stdout.String(), r.stderr.String())
		case <-tick.C:
		}
	}
}

// stop cancels the command (Ctrl-C) and checks that it ends cleanly.
func (r *running) stop(t *testing.T) {
	t.Helper()
	r.cancel()
	select {
	case err := <-r.done:
		r.done <- err
		if err != nil {
			t.Errorf("command ended with %v\nstderr:\n%s", err, r.stderr.String())
		}
	case <-time.After(time.Minute):
		t.Errorf("command did not stop within a minute of the cancel")
	}
}

var apiLine = regexp.MustCompile(`Task API\s+(\S+)`)

// apiBase is the task API's URL as the command printed it.
func (r *running) apiBase(t *testing.T) string {
	t.Helper()
	m := apiLine.FindStringSubmatch(r.stdout.String())
	if m == nil {
		t.Fatalf("no task API URL in:\n%s", r.stdout.String())
	}
	return m[1]
}

func freePorts(t *testing.T, n int) []string {
	t.Helper()
	var ports []string
	for range n {
		p, err := devserver.FreePort()
		if err != nil {
			t.Fatal(err)
		}
		ports = append(ports, strconv.Itoa(p))
	}
	return ports
}

func getJSON(url, token string, out any) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
