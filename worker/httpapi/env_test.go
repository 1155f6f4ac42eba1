package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
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
	{Token: "wmo", ID: "u-wmo", Gemeente: "dalfsen", Teams: []string{"dalfsen"}, Roles: []string{"wmo_consulent"}},
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

// newEnvWithCase is newEnv with a dalfsen case the coach has opened, where most tests
// start.
func newEnvWithCase(t testing.TB) (*env, workflows.CaseView) {
	e := newEnv(t)
	return e, e.newCase("coach")
}

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
	srv := testserver.InMemory(t, o.encrypted)
	acts := o.acts
	srv.NewWorker(workflows.DefaultTaskQueue, func(r worker.Registry) {
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
	defs := append(testutil.Shipped(t), o.extra...)
	tokens, err := auth.NewTokens(testUsers)
	if err != nil {
		t.Fatal(err)
	}
	logs := &testutil.SyncBuffer{}
	cfg := Config{Common: Common{Client: srv.Client, Namespace: srv.Namespace, Definitions: defs, Auth: tokens, Logger: zerolog.New(logs), RequestTimeout: testutil.RequestTimeout}, ActorKeys: testutil.Keys(), DataConverter: srv.DataConverter}
	if acts != nil {
		cfg.Inbox = acts.Inbox
	}
	a, err := newAPI(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(a.handler())
	t.Cleanup(hs.Close)
	return &env{t: t, url: hs.URL + prefix, client: srv.Client, ns: srv.Namespace, api: a, logs: logs}
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
	r := testutil.DoWith(e.t, specChecked(e.t), method, e.url+path, token, body, headers...) // openapi_check_test.go
	return reply{status: r.Status, header: r.Header, body: r.Body}
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

// atKeukentafelgesprek creates a dalfsen wijkteam case as the coach and completes its
// melding and persoonlijk plan: the keukentafelgesprek, which has a term and may be
// suspended, is open.
func (e *env) atKeukentafelgesprek() workflows.CaseView {
	e.t.Helper()
	v := e.newCase("coach")
	e.must(200, "coach", "POST", completePathOf(e.t, v, "melding"), meldingData())
	v = e.view("coach", v.ID)
	e.must(200, "coach", "POST", completePathOf(e.t, v, "persoonlijk-plan"),
		map[string]any{"data": map[string]any{"persoonlijk_plan": "ontvangen"}}).decode(e.t, &v)
	return v
}

// atAanvraag goes on from atKeukentafelgesprek to the aanvraag, the task whose term
// (Wmo 2015 art. 2.3.5) may be suspended (Awb 4:15) and extended (Awb 4:14); the
// onderzoek's may not.
func (e *env) atAanvraag() workflows.CaseView {
	e.t.Helper()
	v := e.atKeukentafelgesprek()
	today := time.Now().In(amsterdam)
	e.must(200, "coach", "POST", completePathOf(e.t, v, "keukentafelgesprek"), map[string]any{"data": map[string]any{
		"verslag": "…", "eigen_kracht_toereikend": false, "veiligheidsrisico": "geen", "verslag_verstrekt": true}})
	e.eventually("the plan opens", func() bool {
		v = e.view("coach", v.ID)
		return slices.ContainsFunc(v.Tasks, func(tk workflows.TaskView) bool { return tk.Step == "plan" })
	})
	e.must(200, "coach", "POST", completePathOf(e.t, v, "plan"), map[string]any{"data": map[string]any{
		"doelen": "…", "evaluatiedatum": today.AddDate(0, 3, 0).Format(time.DateOnly),
		"aanvraag_maatwerk": true, "aanvraag_ontvangen_op": today.Format(time.DateOnly)}}).decode(e.t, &v)
	return v
}

// completePath returns the open task of step in v and the path that completes it.
func completePath(t testing.TB, v workflows.CaseView, step string) (taskID, path string) {
	t.Helper()
	taskID = task(t, v, step).ID
	return taskID, fmt.Sprintf("/cases/%s/tasks/%s/complete", v.ID, taskID)
}

// completePathOf is the path of completePath alone.
func completePathOf(t testing.TB, v workflows.CaseView, step string) string {
	t.Helper()
	_, path := completePath(t, v, step)
	return path
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
