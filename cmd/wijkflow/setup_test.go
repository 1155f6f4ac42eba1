package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker/devserver"
)

// TestSetupThenWorker: a worker on a namespace that does not exist says which command
// creates it; that command creates it with its retention and the search attributes,
// changes nothing when run again, and the worker then starts.
func TestSetupThenWorker(t *testing.T) {
	srv := testserver.Embedded(t, testserver.Options{})
	t.Setenv("TEMPORAL_ADDRESS", srv.Address())
	t.Setenv("TEMPORAL_NAMESPACE", "wijk")
	t.Setenv("WIJKFLOW_KEYS", crypt.FormatKey(crypt.Generate("k1")))
	workerArgs := []string{"worker", "--users", testutil.Path("users.yaml"), "--definitions", testutil.Path("definitions"), "--api-addr", "127.0.0.1:0"}

	var stdout, stderr bytes.Buffer
	err := run(context.Background(), workerArgs, &stdout, &stderr)
	if code := new(errExit); !errors.As(err, code) || *code != 1 {
		t.Fatalf("worker on a missing namespace: %v, want exit 1\n%s", err, stderr.String())
	}
	want := "Temporal at " + srv.Address() + " has no namespace \"wijk\"; create it once with\n  wijkflow setup --namespace wijk --retention 30d\n"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks\n%s\ngot:\n%s", want, stderr.String())
	}

	for i, want := range []string{`namespace "wijk" created at ` + srv.Address() + ", closed cases kept 3d\n", `namespace "wijk" exists at`} {
		stdout.Reset()
		stderr.Reset()
		if err := run(context.Background(), []string{"setup", "--retention", "3d"}, &stdout, &stderr); err != nil {
			t.Fatalf("setup run %d: %v\n%s", i+1, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), want) || !strings.Contains(stdout.String(), "search attributes registered and usable") {
			t.Errorf("setup run %d printed\n%s\nwant %q", i+1, stdout.String(), want)
		}
	}
	c, err := client.Dial(client.Options{HostPort: srv.Address(), Namespace: "wijk"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ns, err := c.WorkflowService().DescribeNamespace(context.Background(), &workflowservice.DescribeNamespaceRequest{Namespace: "wijk"})
	if err != nil {
		t.Fatal(err)
	}
	if got := ns.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(); got != 72*time.Hour {
		t.Errorf("retention %v, want 72h", got)
	}

	w := start(t, workerArgs...)
	w.waitOutput(t, "Ctrl-C stops")
	if !strings.Contains(w.stdout.String(), `in namespace "wijk"`) {
		t.Errorf("stdout: %s", w.stdout.String())
	}
}

// TestWorkerWaitsForTemporal: a worker started before its Temporal server logs each
// attempt and comes up when the server does.
func TestWorkerWaitsForTemporal(t *testing.T) {
	port := freePort(t)
	t.Setenv("TEMPORAL_ADDRESS", "127.0.0.1:"+strconv.Itoa(port))
	t.Setenv("TEMPORAL_NAMESPACE", "")
	t.Setenv("WIJKFLOW_KEYS", crypt.FormatKey(crypt.Generate("k1")))
	w := start(t, "worker", "--users", testutil.Path("users.yaml"), "--definitions", testutil.Path("definitions"), "--api-addr", "127.0.0.1:0")
	testutil.Eventually(t, time.Minute, func() error {
		if !strings.Contains(w.stderr.String(), "Temporal does not answer yet; waiting") {
			return fmt.Errorf("no line about waiting:\n%s", w.stderr.String())
		}
		return nil
	})
	srv, err := devserver.Start(context.Background(), devserver.Config{Port: port, UIPort: -1, Logger: testserver.Log(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	w.waitOutput(t, "Ctrl-C stops")
	if !strings.Contains(w.stderr.String(), `"attempt":1`) {
		t.Errorf("attempts are not counted in the log:\n%s", w.stderr.String())
	}
	w.stop(t) // before the server stops
}
