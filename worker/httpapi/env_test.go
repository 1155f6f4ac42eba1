package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/interceptor"
	sdktemporal "go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/temporal"
	"go.temporal.io/server/temporaltest"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// testUsers are the callers of the tests; the token is the key used in e.do.
var testUsers = []auth.User{
	{Token: "coach", ID: "u-coach", Gemeente: "dalfsen", Teams: []string{"dalfsen"}, Roles: []string{"wijkcoach"}},
	{Token: "coach-lemelerveld", ID: "u-coach-l", Gemeente: "dalfsen", Teams: []string{"lemelerveld"}, Roles: []string{"wijkcoach"}},
	{Token: "coach-nieuwleusen", ID: "u-coach-n", Gemeente: "dalfsen", Teams: []string{"nieuwleusen"}, Roles: []string{"wijkcoach"}},
	{Token: "jeugd", ID: "u-jeugd", Gemeente: "dalfsen", Teams: []string{"dalfsen"}, Roles: []string{"jeugdconsulent"}},
	{Token: "lead", ID: "u-lead", Gemeente: "dalfsen", Teams: []string{"dalfsen"}, Roles: []string{"teamleider"}},
	{Token: "dordrecht", ID: "u-dordrecht", Gemeente: "dordrecht", Teams: []string{"binnenstad"}, Roles: []string{"wijkcoach"}},
	{Token: "dordrecht-lead", ID: "u-dordrecht-lead", Gemeente: "dordrecht", Teams: []string{"binnenstad"}, Roles: []string{"teamleider"}},
}

// env is a real Temporal server (temporaltest), a worker running the case workflow with
// fake activities, and the API over HTTP.
type env struct {
	t      testing.TB
	url    string
	client client.Client
	ns     string
	api    *api
	logs   *testutil.SyncBuffer
}

// newEnv starts everything; it is torn down when the test ends.
func newEnv(t testing.TB) *env { return newEnvOf(t, envOptions{encrypted: true}) }

// newEnvCrypt is newEnv with payload encryption and actor checks on or (for the
// benchmark's comparison only) off.
func newEnvCrypt(t testing.TB, encrypted bool) *env {
	return newEnvOf(t, envOptions{encrypted: encrypted})
}

// newEnvWith is newEnv with the real activities configured by acts (nil: fakes that
// always succeed; acts.Inbox is also served at GET /inbox), serving extra definitions
// beside the shipped ones.
func newEnvWith(t testing.TB, acts *activities.Config, extra ...*definitions.Definition) *env {
	return newEnvOf(t, envOptions{encrypted: true, acts: acts, extra: extra})
}

// envOptions say how newEnvOf sets up the server, worker and API.
type envOptions struct {
	encrypted bool
	acts      *activities.Config
	extra     []*definitions.Definition
}

func newEnvOf(t testing.TB, o envOptions) *env {
	t.Helper()
	// temporaltest re-reads the search attributes from the database on every read, which
	// costs about a millisecond per listed case; production servers cache them. Keep
	// that only until ours are registered; awaitSearchAttributes then checks that the
	// caches hold them.
	dc := dynamicconfig.NewMemoryClient()
	cached := dc.OverrideSetting(dynamicconfig.ForceSearchAttributesCacheRefreshOnRead, true)
	keys := testutil.Keys()
	opts := []temporaltest.TestServerOption{temporaltest.WithBaseServerOptions(temporal.WithDynamicConfigClient(dc))}
	dcv := converter.GetDefaultDataConverter()
	encrypted, acts, extra := o.encrypted, o.acts, o.extra
	if encrypted {
		// As in production: every payload encrypted, every update's actor verified.
		dcv = keys.DataConverter()
		opts = append(opts,
			temporaltest.WithBaseClientOptions(client.Options{DataConverter: dcv, FailureConverter: keys.FailureConverter()}),
			temporaltest.WithBaseWorkerOptions(worker.Options{Interceptors: []interceptor.WorkerInterceptor{actors.NewInterceptor(keys)}}))
	}
	var ts *temporaltest.TestServer
	if tt, ok := t.(*testing.T); ok {
		ts = temporaltest.NewServer(append(opts, temporaltest.WithT(tt))...)
	} else {
		ts = temporaltest.NewServer(opts...)
		t.Cleanup(ts.Stop)
	}
	c := ts.GetDefaultClient()
	ns := ts.GetDefaultNamespace()
	// Generous: a service's search-attribute cache may hold its pre-registration copy
	// for up to a minute (see awaitSearchAttributes).
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := registerSearchAttributes(ctx, c, ns); err != nil {
		t.Fatal(err)
	}
	cached()
	if err := awaitSearchAttributes(ctx, c, ns); err != nil {
		t.Fatal(err)
	}
	ts.NewWorker(workflows.DefaultTaskQueue, func(r worker.Registry) {
		r.RegisterWorkflowWithOptions(workflows.CaseWorkflow, workflow.RegisterOptions{Name: workflows.CaseWorkflowName})
		if acts != nil {
			activities.New(*acts).Register(r)
			return
		}
		r.RegisterActivityWithOptions(func(context.Context, activities.NotifyInput) error { return nil },
			activity.RegisterOptions{Name: activities.NotifyName})
		r.RegisterActivityWithOptions(func(_ context.Context, in activities.HandoffInput) (activities.HandoffResult, error) {
			return activities.HandoffResult{Reference: "ref-" + in.IdempotencyKey}, nil
		}, activity.RegisterOptions{Name: activities.HandoffName})
	})
	defs := append(loadShipped(t), extra...)
	tokens, err := auth.NewTokens(testUsers)
	if err != nil {
		t.Fatal(err)
	}
	logs := &testutil.SyncBuffer{}
	cfg := Config{Client: c, Namespace: ns, Definitions: defs, Auth: tokens, Logger: zerolog.New(logs), ActorKeys: keys, DataConverter: dcv, RequestTimeout: testutil.RequestTimeout}
	if acts != nil {
		cfg.Inbox = acts.Inbox
	}
	a, err := newAPI(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.handler())
	t.Cleanup(srv.Close)
	return &env{t: t, url: srv.URL + prefix, client: c, ns: ns, api: a, logs: logs}
}

// loadShipped loads the definitions shipped in definitions/.
func loadShipped(t testing.TB) []*definitions.Definition {
	t.Helper()
	defs, issues := definitions.LoadDir("../../definitions")
	if len(issues) > 0 {
		t.Fatalf("shipped definitions: %v", issues)
	}
	return defs
}

// registerSearchAttributes adds the case search attributes to the test namespace.
func registerSearchAttributes(ctx context.Context, c client.Client, ns string) error {
	_, err := c.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
		Namespace:        ns,
		SearchAttributes: workflows.SearchAttributes(),
	})
	return err
}

// awaitSearchAttributes waits until every service of the test server that a case uses
// knows the case search attributes. Each service (frontend, history) keeps its own
// namespace cache (refreshed every 2 s) and search-attribute cache (refreshed every
// minute, or on every read while ForceSearchAttributesCacheRefreshOnRead is on): a
// visibility query in the frontend may already work while a create is still refused
// with "no mapping defined for search attribute WijkGemeente". So, with the caches as
// the tests use them, it waits for the frontend (a count on them), then starts a probe
// execution holding all of them on a queue no worker polls (frontend and history
// validate them), reads its history until the history service maps every one back, and
// deletes the probe.
func awaitSearchAttributes(ctx context.Context, c client.Client, ns string) error {
	retry := func(what string, try func() error) error {
		for {
			err := try()
			if err == nil {
				return nil
			}
			if ctx.Err() != nil {
				return fmt.Errorf("search attributes not usable (%s): %w", what, err)
			}
			time.Sleep(50 * time.Millisecond) // a poll interval
		}
	}
	err := retry("visibility query", func() error {
		_, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: ns, Query: workflows.SAAssignees.GetName() + ` = "x"`})
		return err
	})
	if err != nil {
		return err
	}
	const probe = "sa-probe"
	sas := sdktemporal.NewSearchAttributes(
		workflows.SAGemeente.ValueSet(probe), workflows.SAProcess.ValueSet(probe),
		workflows.SADefinitionVersion.ValueSet(probe), workflows.SATeam.ValueSet(probe),
		workflows.SAStep.ValueSet([]string{probe}), workflows.SAStalled.ValueSet(false),
		workflows.SADeadline.ValueSet(time.Unix(0, 0)), workflows.SAEscalation.ValueSet(0),
		workflows.SASuspended.ValueSet(false), workflows.SARoles.ValueSet([]string{probe}),
		workflows.SAAssignees.ValueSet([]string{probe}))
	if sas.Size() != len(workflows.SearchAttributes()) {
		return fmt.Errorf("the probe sets %d of the %d search attributes", sas.Size(), len(workflows.SearchAttributes()))
	}
	var run client.WorkflowRun
	err = retry("start a probe", func() error {
		var err error
		run, err = c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
			ID: probe, TaskQueue: probe, TypedSearchAttributes: sas,
			WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING, // a retried start
		}, probe)
		return err
	})
	if err != nil {
		return err
	}
	err = retry("history of the probe", func() error {
		resp, err := c.WorkflowService().GetWorkflowExecutionHistory(ctx, &workflowservice.GetWorkflowExecutionHistoryRequest{
			Namespace: ns, Execution: &commonpb.WorkflowExecution{WorkflowId: probe, RunId: run.GetRunID()},
		})
		if err != nil {
			return err
		}
		// The history service names the attributes it maps and silently drops the others.
		events := resp.GetHistory().GetEvents()
		if len(events) == 0 {
			return errors.New("the probe has no history yet")
		}
		got := events[0].GetWorkflowExecutionStartedEventAttributes().GetSearchAttributes().GetIndexedFields()
		for name := range workflows.SearchAttributes() {
			if _, ok := got[name]; !ok {
				return fmt.Errorf("the history service does not map %s yet", name)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return retry("delete the probe", func() error {
		_, err := c.WorkflowService().DeleteWorkflowExecution(ctx, &workflowservice.DeleteWorkflowExecutionRequest{
			Namespace: ns, WorkflowExecution: &commonpb.WorkflowExecution{WorkflowId: probe, RunId: run.GetRunID()},
		})
		var nf *serviceerror.NotFound
		if errors.As(err, &nf) {
			return nil // a retried delete
		}
		return err
	})
}

// reply is an HTTP answer.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// decode reads the body into v, failing the test when it is not that JSON. v is zeroed
// first: json.Unmarshal into a used value keeps the fields the JSON leaves out.
func (r reply) decode(t testing.TB, v any) {
	t.Helper()
	reflect.ValueOf(v).Elem().SetZero()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body %s: %v", r.body, err)
	}
}

// do sends a request as the user with token (none when ""); body is JSON-encoded unless
// it is a string, which is sent as is. Extra headers come in pairs.
func (e *env) do(token, method, path string, body any, headers ...string) reply {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		js, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(js)
	}
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := specChecked(e.t).Do(req) // openapi_check_test.go
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// must sends a request and fails the test unless the status is want.
func (e *env) must(want int, token, method, path string, body any, headers ...string) reply {
	e.t.Helper()
	r := e.do(token, method, path, body, headers...)
	if r.status != want {
		e.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, r.status, want, r.body)
	}
	return r
}

// view reads a case as the user.
func (e *env) view(token, id string) workflows.CaseView {
	e.t.Helper()
	var v workflows.CaseView
	e.must(200, token, "GET", "/cases/"+id, nil).decode(e.t, &v)
	return v
}

// eventually polls cond until it holds or the deadline passes; visibility is eventually
// consistent, so listing tests wait for it rather than sleep.
func (e *env) eventually(what string, cond func() bool) {
	e.t.Helper()
	e.within(time.Minute, what, cond)
}

// within is eventually with another deadline.
func (e *env) within(d time.Duration, what string, cond func() bool) {
	e.t.Helper()
	testutil.Eventually(e.t, d, func() error {
		if cond() {
			return nil
		}
		return fmt.Errorf("%s: not yet", what)
	})
}

// dalfsenIntake is valid intake data of the dalfsen wijkteam process.
func dalfsenIntake() map[string]any {
	return map[string]any{"bron": "huisarts", "veiligheidsrisico": "geen", "jeugdige_betrokken": false, "leefgebieden": []string{"zorg"}}
}

// newCase creates a dalfsen wijkteam case as token and returns its first view.
func (e *env) newCase(token string) workflows.CaseView {
	e.t.Helper()
	var v workflows.CaseView
	e.must(201, token, "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": dalfsenIntake()}).decode(e.t, &v)
	return v
}

// task returns the open task of step in v, failing when there is none.
func task(t testing.TB, v workflows.CaseView, step string) workflows.TaskView {
	t.Helper()
	for _, tk := range v.Tasks {
		if tk.Step == step {
			return tk
		}
	}
	t.Fatalf("case %s has no open %s task; open: %v, active: %v", v.ID, step, v.Tasks, v.ActiveSteps)
	return workflows.TaskView{}
}
