package worker_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/workflows"
)

// TestCaseSurvivesRestart runs a case, stops everything, and starts a new server on a
// copy of the SQLite file: a fresh connection proves the case lives in the file, with
// its open task, and still runs to its end.
func TestCaseSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	srv := testserver.Start(t, testserver.Options{DataDir: dir})
	c := srv.Client
	svc := startService(t, c, srv.Namespace(), "restart", "")
	startCase(t, c, "restart", "case-restart")
	view := openTasks(t, c, "case-restart")
	view = complete(t, c, "case-restart", view.Tasks[0].ID, map[string]any{"urgent": false})
	if got := taskSteps(view); !slices.Equal(got, []string{"gesprek"}) {
		t.Fatalf("open tasks after melding = %v, want [gesprek]", got)
	}
	if err := svc.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	c.Close()
	srv.Stop()

	copied := t.TempDir()
	copyFile(t, filepath.Join(dir, "temporal.db"), filepath.Join(copied, "temporal.db"))
	srv2 := testserver.Start(t, testserver.Options{DataDir: copied})
	c2 := srv2.Client
	startService(t, c2, srv2.Namespace(), "restart", "")
	view = openTasks(t, c2, "case-restart")
	if got := taskSteps(view); !slices.Equal(got, []string{"gesprek"}) {
		t.Fatalf("open tasks after restart = %v, want [gesprek]", got)
	}
	complete(t, c2, "case-restart", view.Tasks[0].ID, map[string]any{"verslag": "gesproken"})
	var res workflows.CaseResult
	if err := c2.GetWorkflow(context.Background(), "case-restart", "").Get(context.Background(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Result != "afgerond" {
		t.Errorf("result = %q, want afgerond", res.Result)
	}
}

// TestTwoWorkersShareTheTaskQueue starts cases on one task queue polled by two worker
// processes (two clients with their own identity) and checks in the histories that
// both took workflow tasks.
func TestTwoWorkersShareTheTaskQueue(t *testing.T) {
	srv := testserver.Embedded(t, testserver.Options{DataDir: t.TempDir()})
	a, b := testserver.Dial(t, srv, "worker-a"), testserver.Dial(t, srv, "worker-b")
	startService(t, a, srv.Namespace(), "shared", "worker-a")
	startService(t, b, srv.Namespace(), "shared", "worker-b")

	took := map[string]int{}
	for i := range 20 {
		id := fmt.Sprintf("case-shared-%02d", i)
		startCase(t, a, "shared", id)
		openTasks(t, a, id)
		it := a.GetWorkflowHistory(context.Background(), id, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		for it.HasNext() {
			ev, err := it.Next()
			if err != nil {
				t.Fatal(err)
			}
			if attrs := ev.GetWorkflowTaskStartedEventAttributes(); attrs != nil {
				took[attrs.GetIdentity()]++
			}
		}
	}
	if took["worker-a"] == 0 || took["worker-b"] == 0 {
		t.Errorf("workflow tasks by identity = %v, want both worker-a and worker-b", took)
	}
}

// TestOverdueTaskShowsStalled checks what a manager sees: the melding task of the test
// definition is due after 2s, and then the case is found by WijkStalled = true.
func TestOverdueTaskShowsStalled(t *testing.T) {
	srv := testserver.Start(t, testserver.Options{DataDir: t.TempDir()})
	c := srv.Client
	startService(t, c, srv.Namespace(), "stalled", "")
	startCase(t, c, "stalled", "case-stalled")
	query := `WorkflowId = "case-stalled" AND WijkStalled = true AND WijkGemeente = "testdorp"`
	testutil.Soon(t, func() error {
		resp, err := c.ListWorkflow(context.Background(), &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: srv.Namespace(), Query: query,
		})
		if err != nil {
			return err
		}
		if len(resp.GetExecutions()) != 1 {
			return fmt.Errorf("%s: %d cases, want 1", query, len(resp.GetExecutions()))
		}
		return nil
	})
}

// TestWebUIListsCaseFromAPI creates a case through the task API over HTTP and finds it
// through the Web UI's own API, as the UI's workflow list does: no screenshot needed.
func TestWebUIListsCaseFromAPI(t *testing.T) {
	srv := testserver.Start(t, testserver.Options{DataDir: t.TempDir(), UI: true})
	c := srv.Client
	svc := startService(t, c, srv.Namespace(), workflows.DefaultTaskQueue, "")
	api := "http://" + svc.Addr().String() + "/api/v1"

	req, _ := http.NewRequest(http.MethodPost, api+"/cases",
		strings.NewReader(`{"gemeente":"testdorp","process":"snel","data":{"bron":"huisarts"}}`))
	req.Header.Set("Authorization", "Bearer test-coach-noord")
	req.Header.Set("Content-Type", "application/json")
	var created workflows.CaseView
	// 202 is the API's answer when the case started but its first view came late (a
	// loaded machine); the case exists either way, and that is what this test needs.
	if code := doJSON(t, req, &created); (code != http.StatusCreated && code != http.StatusAccepted) || created.ID == "" {
		t.Fatalf("POST /cases = %d (id %q), want 201 or 202 with the case id", code, created.ID)
	}

	resp, err := http.Get(srv.UIURL() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s/ = %s, want 200", srv.UIURL(), resp.Status)
	}

	list := srv.UIURL() + "/api/v1/namespaces/" + srv.Namespace() + "/workflows?query=" +
		url.QueryEscape(`WijkGemeente = "testdorp" AND WorkflowId = "`+created.ID+`"`)
	testutil.Soon(t, func() error {
		resp, err := http.Get(list)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s %s", list, resp.Status, body)
		}
		if !strings.Contains(string(body), created.ID) {
			return fmt.Errorf("the UI's list does not show %s yet: %s", created.ID, body)
		}
		return nil
	})
}

func doJSON(t *testing.T, req *http.Request, out any) int {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(body, out); err != nil {
			t.Fatalf("%s %s: %v in %s", req.Method, req.URL, err, body)
		}
	} else if resp.StatusCode >= 300 {
		t.Logf("%s %s: %d %s", req.Method, req.URL, resp.StatusCode, body)
	}
	return resp.StatusCode
}

func taskSteps(v workflows.CaseView) []string {
	var steps []string
	for _, tk := range v.Tasks {
		steps = append(steps, tk.Step)
	}
	return steps
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
