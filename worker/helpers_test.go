package worker_test

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/httpapi"
	"github.com/wijkflow/wijkflow/workflows"
)

// svcOpts are the parts of a test service that tests vary.
type svcOpts struct {
	taskQueue string
	identity  string
	keys      *crypt.Keyring // nil: testutil.Keys()
	log       io.Writer      // nil: warnings and errors to the test's log
	access    accesslog.Sink
	origins   []string
	defs      []*definitions.Definition // nil: testutil.TestDefinitions
}

// serve runs the worker and the task API with the test definition and users on a free
// port until the test ends (or until it is shut down), and returns the API's base URL.
func serve(t testing.TB, c client.Client, ns string, o svcOpts) (*worker.Service, string) {
	t.Helper()
	logger := testserver.Log(t)
	if o.log != nil {
		logger = zerolog.New(o.log)
	}
	if o.keys == nil {
		o.keys = testutil.Keys()
	}
	if o.defs == nil {
		o.defs = testutil.TestDefinitions(t)
	}
	svc, err := worker.New(worker.Config{
		Common: httpapi.Common{
			Client:         c,
			Namespace:      ns,
			TaskQueue:      o.taskQueue,
			Definitions:    o.defs,
			Auth:           testserver.Users(t),
			Logger:         logger,
			RequestTimeout: testutil.RequestTimeout,
			Access:         o.access,
		},
		Listener:     testutil.Listen(t),
		Identity:     o.identity,
		Keys:         o.keys,
		CodecOrigins: o.origins,
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
	return svc, "http://" + svc.Addr().String()
}

// startService is serve with the defaults, on a task queue, as a worker named identity.
func startService(t *testing.T, c client.Client, namespace, taskQueue, identity string) *worker.Service {
	t.Helper()
	svc, _ := serve(t, c, namespace, svcOpts{taskQueue: taskQueue, identity: identity})
	return svc
}

// startCase starts a case of the test definition directly through the client.
func startCase(t *testing.T, c client.Client, taskQueue, id string) {
	t.Helper()
	def := testutil.TestDefinitions(t)[0]
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
	testutil.Soon(t, func() error {
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

// vierService serves testdorp/vier (testdata/vier) on a new embedded server of its own,
// through a client dialled as `wijkflow worker` dials (worker.Dial: its codec, no gRPC
// gzip, the first-view interceptor), and returns the server, that client and the
// API's base URL.
func vierService(tb testing.TB) (*testserver.Server, client.Client, string) {
	tb.Helper()
	defs, issues := definitions.LoadDir("testdata/vier")
	if err := issues.Err(); err != nil {
		tb.Fatal(err)
	}
	srv := testserver.Start(tb, testserver.Options{})
	own, err := worker.Dial(context.Background(), worker.ClientConfig{
		Connection: envconfig.ClientConfigProfile{Address: srv.Address(), Namespace: srv.Namespace()},
		Keys:       testutil.Keys(), Logger: testserver.Log(tb),
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(own.Close) // after the service's shutdown, which serve registers next
	_, base := serve(tb, own, srv.Namespace(), svcOpts{taskQueue: "vier", defs: defs})
	return srv, own, base
}
