package httpapi

import (
	"maps"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"gopkg.in/yaml.v3"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// specOps reads openapi.yaml: method+path → documented statuses.
func specOps(t *testing.T) map[string][]int {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]yaml.Node `yaml:"paths"`
	}
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	ops := map[string][]int{}
	for path, item := range doc.Paths {
		for method, node := range item {
			if method == "parameters" {
				continue
			}
			var op struct {
				Responses map[string]yaml.Node `yaml:"responses"`
			}
			if err := node.Decode(&op); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			var codes []int
			for code := range op.Responses {
				n, err := strconv.Atoi(code)
				if err != nil {
					t.Fatalf("%s %s: status %q", method, path, code)
				}
				codes = append(codes, n)
			}
			slices.Sort(codes)
			ops[strings.ToUpper(method)+" "+path] = codes
		}
	}
	return ops
}

// TestOpenAPIRoutes: the spec and the mux describe the same routes, and every route
// answers one of its documented statuses to a plain request.
func TestOpenAPIRoutes(t *testing.T) {
	ops := specOps(t)
	var routes []string
	for _, rt := range (&api{}).routes() {
		routes = append(routes, rt.method+" "+rt.path)
	}
	slices.Sort(routes)
	if documented := slices.Sorted(maps.Keys(ops)); !slices.Equal(documented, routes) {
		t.Fatalf("spec paths\n%v\nroutes\n%v", documented, routes)
	}

	e, v := newEnvWithCase(t)
	tk := task(t, v, "melding").ID
	for _, op := range routes {
		t.Run(op, func(t *testing.T) {
			method, path, _ := strings.Cut(op, " ")
			path = strings.NewReplacer("{id}", v.ID, "{taskId}", tk).Replace(path)
			var body any
			if method == "POST" {
				body = "{}"
			}
			r := e.do("coach", method, path, body)
			if r.status == 405 || strings.Contains(string(r.body), "no such path") {
				t.Fatalf("status %d: the route is not served; body %s", r.status, r.body)
			}
			if !slices.Contains(ops[op], r.status) {
				t.Errorf("status %d is not documented (%v); body %s", r.status, ops[op], r.body)
			}
		})
	}
}

// TestOpenAPIStatuses: for a few calls, every status the spec lists is one the API
// really answers, driven by requests made to produce each.
func TestOpenAPIStatuses(t *testing.T) {
	ops := specOps(t)
	e, v := newEnvWithCase(t)
	complete := completePathOf(t, v, "melding")
	big := `{"data":{"x":"` + strings.Repeat("a", maxBody) + `"}}`
	create := func(data map[string]any) map[string]any {
		return map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": data}
	}
	type probe struct {
		status        int
		token, method string
		path          string
		body          any
		headers       []string
		on            *env // another env than e (down) when set
	}
	down := downEnv(t)
	idle := idleEnv(t, e)
	other := create(dalfsenIntake())
	other["team"] = "lemelerveld"
	cases := map[string][]probe{
		"POST /cases/{id}/tasks/{taskId}/complete": {
			{400, "coach", "POST", complete, `{"data":`, nil, nil},
			{401, "", "POST", complete, meldingData(), nil, nil},
			{403, "jeugd", "POST", complete, meldingData(), nil, nil},
			{404, "dordrecht", "POST", complete, meldingData(), nil, nil},
			{413, "coach", "POST", complete, big, nil, nil},
			{422, "coach", "POST", complete, map[string]any{"data": map[string]any{}}, nil, nil},
			{503, "coach", "POST", complete, meldingData(), nil, nil},
			{200, "coach", "POST", complete, meldingData(), nil, nil},
			{409, "coach", "POST", complete, meldingData(), nil, nil},
		},
		"POST /cases": {
			{400, "coach", "POST", "/cases", `{"gemeente":1}`, nil, nil},
			{401, "nope", "POST", "/cases", create(dalfsenIntake()), nil, nil},
			{404, "dordrecht", "POST", "/cases", create(dalfsenIntake()), nil, nil},
			{413, "coach", "POST", "/cases", big, nil, nil},
			{422, "coach", "POST", "/cases", create(nil), nil, nil},
			{503, "coach", "POST", "/cases", create(dalfsenIntake()), nil, nil},
			{201, "coach", "POST", "/cases", create(dalfsenIntake()), []string{"Idempotency-Key", "k-1"}, nil},
			{409, "coach", "POST", "/cases", other, []string{"Idempotency-Key", "k-1"}, nil},
			{202, "coach", "POST", "/cases", create(dalfsenIntake()), nil, idle},
		},
		"GET /cases": {
			{200, "coach", "GET", "/cases", nil, nil, nil},
			{400, "coach", "GET", "/cases?pageSize=x", nil, nil, nil},
			{401, "", "GET", "/cases", nil, nil, nil},
			{503, "coach", "GET", "/cases", nil, nil, nil},
		},
		"GET /tasks": {
			{200, "coach", "GET", "/tasks", nil, nil, nil},
			{400, "coach", "GET", "/tasks?assignee=x", nil, nil, nil},
			{401, "", "GET", "/tasks", nil, nil, nil},
			{503, "coach", "GET", "/tasks", nil, nil, nil},
		},
		"GET /healthz": {
			{200, "", "GET", "/healthz", nil, nil, nil},
		},
		"GET /readyz": {
			{200, "", "GET", "/readyz", nil, nil, nil},
			{503, "", "GET", "/readyz", nil, nil, nil},
		},
	}
	for op, probes := range cases {
		t.Run(op, func(t *testing.T) {
			var seen []int
			for _, p := range probes {
				target := e
				if p.status == 503 {
					target = down
				}
				if p.on != nil {
					target = p.on
				}
				r := target.do(p.token, p.method, p.path, p.body, p.headers...)
				if r.status != p.status {
					t.Errorf("%s %s as %q: status %d, want %d; body %s", p.method, p.path, p.token, r.status, p.status, r.body)
				}
				seen = append(seen, r.status)
			}
			slices.Sort(seen)
			if !slices.Equal(seen, ops[op]) {
				t.Errorf("statuses answered %v, documented %v", seen, ops[op])
			}
		})
	}
}

// downEnv is the API in front of a Temporal that does not answer.
func downEnv(t *testing.T) *env {
	t.Helper()
	c, err := client.NewLazyClient(client.Options{HostPort: "127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	tokens, err := auth.NewTokens(testUsers)
	if err != nil {
		t.Fatal(err)
	}
	a, err := newAPI(Config{Common: Common{Client: c, Auth: tokens, Definitions: testutil.Shipped(t), Logger: zerolog.Nop()}, ActorKeys: testutil.Keys()})
	if err != nil {
		t.Fatal(err)
	}
	a.timeout = 300 * time.Millisecond
	srv := httptest.NewServer(a.handler())
	t.Cleanup(srv.Close)
	return &env{t: t, url: srv.URL + prefix}
}

// idleEnv is the API on e's server starting cases on a task queue no worker polls: a
// case starts, but its first view never comes.
func idleEnv(t *testing.T, e *env) *env {
	t.Helper()
	tokens, err := auth.NewTokens(testUsers)
	if err != nil {
		t.Fatal(err)
	}
	a, err := newAPI(Config{
		Common: Common{
			Client:      e.client,
			Namespace:   e.ns,
			TaskQueue:   "nobody-polls",
			Auth:        tokens,
			Definitions: testutil.Shipped(t),
			Logger:      zerolog.Nop(),
		},
		ActorKeys:     e.api.cfg.ActorKeys,
		DataConverter: e.api.cfg.DataConverter,
	})
	if err != nil {
		t.Fatal(err)
	}
	a.timeout = 500 * time.Millisecond
	srv := httptest.NewServer(a.handler())
	t.Cleanup(srv.Close)
	return &env{t: t, url: srv.URL + prefix, client: e.client, ns: e.ns}
}
