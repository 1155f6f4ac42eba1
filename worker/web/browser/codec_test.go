package browser

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/demo"
)

// TestTemporalUIDecodesThroughWijkflow opens a case's history in the real Temporal Web
// UI, wired as `wijkflow dev` wires it: a browser signed in to the web app as a user of
// the case's gemeente sees the payloads decoded by wijkflow's codec endpoint (by the
// session cookie); a browser signed in for another gemeente does not.
func TestTemporalUIDecodesThroughWijkflow(t *testing.T) {
	exe := chromium(t)
	l := testutil.Listen(t)
	// One host name for the web app and the UI: the session cookie is same-site then.
	base := fmt.Sprintf("http://localhost:%d", l.Addr().(*net.TCPAddr).Port)
	srv := testserver.Start(t, testserver.Options{DataDir: t.TempDir(), UI: true, CodecEndpoint: base + worker.CodecPath})
	c := srv.Client
	access := &testutil.SyncBuffer{}
	svc, cfg := serveShipped(t, srv, l, func(cfg *worker.Config) {
		cfg.TaskQueue = "browser-codec"
		cfg.Access = accesslog.NewJSONLines(access)
		cfg.CodecOrigins = []string{srv.UIURL()}
	})
	// One Dalfsen case is needed; on a loaded machine another gemeente's seed may answer
	// 202 (its first view late), which does not matter here.
	cases, errs := demo.Seed(context.Background(), svc.Handler(), cfg.Definitions, cfg.Web.DemoUsers, time.Now())
	var caseID string
	for _, dc := range cases {
		if dc.Gemeente == "dalfsen" {
			caseID = dc.ID
		}
	}
	if caseID == "" {
		t.Fatalf("no dalfsen demo case: %v", errs)
	}
	desc, err := c.DescribeWorkflowExecution(context.Background(), caseID, "")
	if err != nil {
		t.Fatal(err)
	}
	history := srv.UIURL() + "/namespaces/" + srv.Namespace() + "/workflows/" + caseID + "/" +
		desc.GetWorkflowExecutionInfo().GetExecution().GetRunId() + "/history"

	// bodyText signs in as user in a fresh browser, opens the history, and returns the
	// page's text once cond holds for it.
	bodyText := func(user string, cond func(string) bool) string {
		opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900)}
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		defer cancelA()
		ctx, cancelB := chromedp.NewContext(actx)
		defer cancelB()
		ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		if err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/aanmelden"),
			chromedp.Click(chromedp.CSS(`input[value="`+user+`"]`)),
			chromedp.Click(chromedp.CSS(`form.signin button[type=submit]`)),
		); err != nil {
			t.Fatalf("%s: %v", user, err)
		}
		testutil.Eventually(t, time.Minute, func() error { // signed in: redirected away
			loc, err := chromedp.Run(ctx, chromedp.Location())
			if err == nil && strings.Contains(loc, "/aanmelden") {
				err = fmt.Errorf("%s: still at %s", user, loc)
			}
			return err
		})
		if err := chromedp.Do(ctx, chromedp.Navigate(history)); err != nil {
			t.Fatalf("%s: %v", user, err)
		}
		var text string
		testutil.Eventually(t, time.Minute, func() error {
			text, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
			if err == nil && !cond(text) {
				err = fmt.Errorf("%s: the page does not show what is awaited yet:\n%.1500s", user, text)
			}
			return err
		})
		return text
	}
	bodyText("dalfsen-wijkcoach", func(s string) bool { return strings.Contains(s, `"caseId": "`+caseID+`"`) })
	denied := `"user":"dordrecht-wijkcoach","gemeente":"dordrecht","case":"` + caseID + `","action":"decode","outcome":"denied"`
	text := bodyText("dordrecht-wijkcoach", func(string) bool { return strings.Contains(access.String(), denied) })
	if strings.Contains(text, `"caseId"`) {
		t.Errorf("a dordrecht user sees the dalfsen case decoded:\n%.2000s", text)
	}
	if os.Getenv("WIJKFLOW_SCREENSHOTS") != "" {
		t.Log(text)
	}
}
