package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/httpapi"
	"github.com/wijkflow/wijkflow/workflows"
)

// waitFor bounds every wait for a condition: a page, a count that visibility updates.
const waitFor = 45 * time.Second

// uiURL stands in for the Temporal Web UI in the overview's links; the tests read the
// links, they do not follow them.
const uiURL = "http://temporal-ui.test"

// env is one wijkflow (embedded Temporal, worker, API and web app) and one browser.
type env struct {
	t    *testing.T
	base string // http://127.0.0.1:port
	ctx  context.Context
	axe  string // the axe-core script
	shot string // folder for screenshots, "" for none
	c    client.Client
	logs *testutil.SyncBuffer // everything the worker and the API logged, info and up
}

// chromium finds the browser: $WIJKFLOW_CHROMIUM or Debian's chromium on the PATH. It
// fails, never skips: CI installs it (.ci/run), and a check that did not run is no check.
func chromium(t *testing.T) string {
	if p := os.Getenv("WIJKFLOW_CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("WIJKFLOW_CHROMIUM: %v", err)
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed: run `bash .ci/run` (it installs it), or `apt-get install -y chromium`, or set WIJKFLOW_CHROMIUM")
	return ""
}

// axeSource reads axe-core from $WIJKFLOW_AXE or the folder .ci/run installs it into.
func axeSource(t *testing.T) string {
	p := os.Getenv("WIJKFLOW_AXE")
	if p == "" {
		p = filepath.Join("..", "..", "..", ".cache", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("axe-core not found (%v): run `bash .ci/run`, or `npm install --prefix .cache/axe axe-core`, or set WIJKFLOW_AXE", err)
	}
	return string(b)
}

// start runs the shipped definitions on an embedded Temporal server, serves the API and
// the web app with the demo users on a free port, and opens a fresh headless Chromium.
func start(t *testing.T) *env {
	exe, axe := chromium(t), axeSource(t)
	srv := testserver.Start(t, testserver.Options{DataDir: t.TempDir()})
	c := srv.Client
	logs := &testutil.SyncBuffer{}
	l := testutil.Listen(t)
	serveShipped(t, srv, l, func(cfg *worker.Config) {
		cfg.TaskQueue = "browser-" + strings.ToLower(t.Name())
		cfg.Logger = zerolog.New(logs).Level(zerolog.InfoLevel)
		cfg.Web.TemporalUIURL = uiURL
	})

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(cancelB)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	return &env{t: t, base: "http://" + l.Addr().String(), ctx: ctx, axe: axe, shot: os.Getenv("WIJKFLOW_SCREENSHOTS"), c: c, logs: logs}
}

// serveShipped runs the service on l as `wijkflow dev` does: the shipped definitions,
// the demo users, the web app; adjust changes the configuration first. It stops when the
// test ends.
func serveShipped(t *testing.T, srv *testserver.Server, l net.Listener, adjust func(*worker.Config)) (*worker.Service, worker.Config) {
	t.Helper()
	defs := testutil.Shipped(t)
	users := auth.DemoUsers(defs)
	tokens, err := auth.NewTokens(users)
	if err != nil {
		t.Fatal(err)
	}
	cfg := worker.Config{
		Common: httpapi.Common{
			Client: srv.Client, Namespace: srv.Namespace(), Definitions: defs, Auth: tokens,
			Logger: testserver.Log(t), RequestTimeout: testutil.RequestTimeout,
		},
		Listener: l,
		Keys:     testutil.Keys(),
		Web:      worker.WebOptions{DemoUsers: users},
	}
	adjust(&cfg)
	svc, err := worker.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Shutdown(context.Background()) })
	return svc, cfg
}

// bounded is the browser's context with the wait deadline, for one action.
func (e *env) bounded() (context.Context, context.CancelFunc) {
	return context.WithTimeout(e.ctx, waitFor)
}

// fail stops the test with where the browser is and what it shows.
func (e *env) fail(what string, err error) {
	e.t.Helper()
	loc, _ := chromedp.Run(e.ctx, chromedp.Location())
	body, _ := chromedp.Run(e.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 1500) : ""`))
	e.t.Fatalf("%s: %v\nat %s:\n%s", what, err, loc, body)
}

// do runs browser actions with a deadline and fails the test on an error.
func (e *env) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	ctx, cancel := e.bounded()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		e.fail(what, err)
	}
}

// open loads a path of the app and waits for its heading.
func (e *env) open(path string) {
	e.t.Helper()
	e.do("open "+path, chromedp.Navigate(e.base+path), chromedp.WaitVisible(chromedp.CSS("h1")))
}

// submit clicks a button and waits until the page that answers shows sel.
func (e *env) submit(button, sel string) {
	e.t.Helper()
	before := e.eval(`String(performance.timeOrigin)`)
	ctx, cancel := e.bounded()
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(button), chromedp.NodeVisible))
	// Wait for the answer's page: a new document that has loaded. An evaluation that
	// races the navigation fails; it is simply asked again.
	for err == nil {
		s, evalErr := chromedp.Run(ctx, chromedp.Evaluate[string](`String(performance.timeOrigin) + "|" + document.readyState`))
		if evalErr == nil && !strings.HasPrefix(s, before+"|") && strings.HasSuffix(s, "|complete") {
			break
		}
		select {
		case <-ctx.Done():
			err = fmt.Errorf("no new page: %w", ctx.Err())
		case <-time.After(25 * time.Millisecond): // the poll interval, not a wait for an outcome
		}
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel)))
	}
	if err != nil {
		e.fail("submit "+button, err)
	}
}

// text is the visible text of the first element that matches sel.
func (e *env) text(sel string) string {
	e.t.Helper()
	ctx, cancel := e.bounded()
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		e.fail("text of "+sel, err)
	}
	return s
}

// eval evaluates a JavaScript expression that gives a string.
func (e *env) eval(expr string) string {
	e.t.Helper()
	ctx, cancel := e.bounded()
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		e.fail("eval "+expr, err)
	}
	return s
}

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// violations runs axe-core on the page for the rules of WCAG 2.1 A and AA.
func (e *env) violations() []axeViolation {
	e.t.Helper()
	e.eval(e.axe + `;"injected"`)
	raw := e.eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		e.t.Fatalf("axe result: %v", err)
	}
	return vs
}

// at checks that the page has the heading want, and axe-core's check under the name
// page.
func (e *env) at(want, page string) {
	e.t.Helper()
	if h := e.text("h1"); h != want {
		e.t.Fatalf("%s: the page shows %q, want %q", page, h, want)
	}
	e.checkA11y(page)
}

// checkA11y fails the test on every axe-core violation of the page.
func (e *env) checkA11y(page string) {
	e.t.Helper()
	for _, v := range e.violations() {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target...))
		}
		e.t.Errorf("%s: axe %s (%s): %s at %s", page, v.ID, v.Impact, v.Help, strings.Join(where, "; "))
	}
}

// screenshot saves the page as name.png when $WIJKFLOW_SCREENSHOTS names a folder.
func (e *env) screenshot(name string) {
	e.t.Helper()
	if e.shot == "" {
		return
	}
	ctx, cancel := e.bounded()
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		e.fail("screenshot", err)
	}
	if err := os.WriteFile(filepath.Join(e.shot, name+".png"), png, 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// api calls the task API as a demo user and decodes the answer.
func (e *env) api(token, method, path string, body, out any, want int) {
	e.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, e.base+"/api/v1"+path, bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	if resp.StatusCode != want {
		e.t.Fatalf("%s %s: %d, want %d: %s", method, path, resp.StatusCode, want, buf.String())
	}
	if out != nil {
		if err := json.Unmarshal(buf.Bytes(), out); err != nil {
			e.t.Fatal(err)
		}
	}
}

// eventually retries check until it passes or waitFor has gone by.
func (e *env) eventually(check func() error) { testutil.Eventually(e.t, waitFor, check) }

// taskOf returns the open task of a step in a case view.
func taskOf(v workflows.CaseView, step string) *workflows.TaskView {
	for i := range v.Tasks {
		if v.Tasks[i].Step == step {
			return &v.Tasks[i]
		}
	}
	return nil
}

// plainText is everything Temporal stores of a case outside its encrypted payloads'
// contents: the execution's description (id, search attributes, memo) and every event
// of its history as protobuf JSON (payloads stay sealed: the client is not asked to
// decode them).
func (e *env) plainText(caseID string) string {
	e.t.Helper()
	var b strings.Builder
	ctx, cancel := e.bounded()
	defer cancel()
	desc, err := e.c.DescribeWorkflowExecution(ctx, caseID, "")
	if err != nil {
		e.t.Fatal(err)
	}
	js, _ := protojson.Marshal(desc)
	b.Write(js)
	it := e.c.GetWorkflowHistory(ctx, caseID, "", false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		ev, err := it.Next()
		if err != nil {
			e.t.Fatal(err)
		}
		js, _ := protojson.Marshal(ev)
		b.Write(js)
	}
	return b.String()
}
