package worker_test

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/devserver"
	"github.com/wijkflow/wijkflow/workflows"
)

// waitFor is how long a test waits for a condition before failing.
const waitFor = time.Minute

// testLog writes to the test's log, so a failing test shows what the worker said.
func testLog(t *testing.T) zerolog.Logger {
	return zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
}

// startServer starts an embedded server on free ports with its data in dir; ui says
// whether the Web UI runs too.
func startServer(t *testing.T, dir string, ui bool) *devserver.Server {
	t.Helper()
	cfg := devserver.Config{DataDir: dir, UIPort: -1, Logger: testLog(t)}
	if ui {
		cfg.UIPort = 0
	}
	srv, err := devserver.Start(context.Background(), cfg)
	if err != nil {
		t.Fatalf("devserver.Start: %v", err)
	}
	t.Cleanup(srv.Stop)
	return srv
}

// dial connects a client with the given identity and registers the search attributes.
func dial(t *testing.T, srv *devserver.Server, identity string) client.Client {
	t.Helper()
	c, err := worker.Dial(context.Background(), worker.ClientConfig{
		Address: srv.Address(), Namespace: srv.Namespace(), Identity: identity, Logger: testLog(t), Keys: testutil.Keys(),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	if err := worker.RegisterSearchAttributes(context.Background(), c, srv.Namespace()); err != nil {
		t.Fatal(err)
	}
	return c
}

// testDefinition loads testdata/definitions (testdorp/snel: a 2s deadline on melding).
func testDefinition(t *testing.T) []*definitions.Definition {
	t.Helper()
	defs, issues := definitions.LoadDir("testdata/definitions")
	if len(issues) > 0 {
		t.Fatalf("testdata definitions: %v", issues)
	}
	return defs
}

// startService runs the worker and the task API on a free port until the test ends.
func startService(t *testing.T, c client.Client, namespace, taskQueue, identity string) *worker.Service {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return startServiceOn(t, l, c, namespace, taskQueue, identity)
}

// startServiceOn is startService on a given listener.
func startServiceOn(t *testing.T, l net.Listener, c client.Client, namespace, taskQueue, identity string) *worker.Service {
	t.Helper()
	tokens, err := auth.LoadUsers("testdata/users.yaml")
	if err != nil {
		t.Fatal(err)
	}
	svc, err := worker.New(worker.Config{
		Client:         c,
		Namespace:      namespace,
		TaskQueue:      taskQueue,
		Definitions:    testDefinition(t),
		Auth:           tokens,
		Listener:       l,
		Identity:       identity,
		Logger:         testLog(t),
		Keys:           testutil.Keys(),
		RequestTimeout: testutil.RequestTimeout,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := svc.Shutdown(context.Background()); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return svc
}

// startCase starts a case of the test definition directly through the client.
func startCase(t *testing.T, c client.Client, taskQueue, id string) {
	t.Helper()
	def := testDefinition(t)[0]
	_, err := c.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{ID: id, TaskQueue: taskQueue},
		workflows.CaseWorkflowName, workflows.CaseInput{
			CaseID: id, Definition: *def, Team: "noord", Data: map[string]any{"bron": "inwoner"},
		})
	if err != nil {
		t.Fatalf("start case %s: %v", id, err)
	}
}

// openTasks waits until the case answers its query with at least one open task.
func openTasks(t *testing.T, c client.Client, id string) workflows.CaseView {
	t.Helper()
	var view workflows.CaseView
	eventually(t, func() error {
		v, err := c.QueryWorkflow(context.Background(), id, "", workflows.QueryCase)
		if err != nil {
			return err
		}
		if err := v.Get(&view); err != nil {
			return err
		}
		if len(view.Tasks) == 0 {
			return fmt.Errorf("case %s has no open task yet", id)
		}
		return nil
	})
	return view
}

// complete completes a task as the test coach and returns the case after it.
func complete(t *testing.T, c client.Client, id, taskID string, data map[string]any) workflows.CaseView {
	t.Helper()
	updateID := "complete/" + taskID + "/test"
	req, err := actors.Sign(testutil.Keys(), workflows.CompleteRequest{
		Actor:  workflows.Actor{UserID: "t-coach-noord", Gemeente: "testdorp", Teams: []string{"noord"}, Roles: []string{"coach"}},
		TaskID: taskID,
		Data:   data,
	}, workflows.UpdateComplete, id, updateID, time.Now().Add(actors.TTL))
	if err != nil {
		t.Fatal(err)
	}
	h, err := c.UpdateWorkflow(context.Background(), client.UpdateWorkflowOptions{
		WorkflowID:   id,
		UpdateID:     updateID,
		UpdateName:   workflows.UpdateComplete,
		WaitForStage: client.WorkflowUpdateStageCompleted,
		Args:         []any{req},
	})
	if err != nil {
		t.Fatalf("complete %s/%s: %v", id, taskID, err)
	}
	var view workflows.CaseView
	if err := h.Get(context.Background(), &view); err != nil {
		t.Fatalf("complete %s/%s: %v", id, taskID, err)
	}
	return view
}

// eventually retries try until it succeeds or waitFor passes; no fixed sleeps.
func eventually(t *testing.T, try func() error) {
	t.Helper()
	testutil.Eventually(t, waitFor, try)
}
