//go:build !nodev

package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// TestDevRunsSeedsAndRestarts runs `wijkflow dev` on the shipped definitions: it seeds
// demo cases, a stalled one per gemeente among them; Ctrl-C stops it; a second run on the
// same data dir finds the cases and seeds none.
func TestDevRunsSeedsAndRestarts(t *testing.T) {
	dir := t.TempDir()
	ports := freePorts(t, 2)
	args := []string{"dev", "--data-dir", dir, "--definitions", "../../definitions",
		"--temporal-port", ports[0], "--ui-port", ports[1], "--api-addr", "127.0.0.1:0"}

	first := start(t, args...)
	first.waitOutput(t, "Ctrl-C stops")
	out := first.stdout.String()
	for _, want := range []string{
		"demo cases: ",
		"Web UI    http://localhost:" + ports[1] + "/namespaces/default/workflows",
		"demo-dalfsen-wijkcoach",
		`WijkGemeente = "dalfsen" AND WijkStalled = true`,
		"query=WijkGemeente+%3D+%22dalfsen%22+AND+WijkStalled+%3D+true",
		`WijkStep = "keukentafelgesprek"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The seeding's audit and access records are in the data dir, not among the banner.
	if n := strings.Count(first.stderr.String(), "event=audit") + strings.Count(first.stderr.String(), "event=access"); n > 0 {
		t.Errorf("%d audit or access lines on stderr:\n%s", n, first.stderr.String())
	}
	records, err := os.ReadFile(filepath.Join(dir, devRecordsFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(records, []byte(`"event":"audit","action":"create"`)) || !bytes.Contains(records, []byte(`"event":"access"`)) {
		t.Errorf("%s lacks the seeding's audit and access records:\n%.2000s", devRecordsFile, records)
	}
	if want := "Access log " + filepath.Join(dir, devRecordsFile); !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	api := first.apiBase(t)
	var health map[string]any
	if err := getJSON(api+"/healthz", "", &health); err != nil {
		t.Fatal(err)
	}
	if err := getJSON(api+"/readyz", "", &health); err != nil {
		t.Fatal(err)
	}
	// dev serves the metrics too: the demo cases it seeded are counted.
	scrape(t, strings.TrimSuffix(api, "/api/v1")+"/metrics", []string{`wijkflow_cases_started_total{`, `temporal_request_total{`})
	for _, g := range []string{"dalfsen", "dordrecht", "utrecht"} {
		t.Run("stalled demo case in "+g, func(t *testing.T) {
			token := "demo-" + g + "-teamleider"
			testutil.Soon(t, func() error {
				var list struct{ Cases []struct{ ID string } }
				if err := getJSON(api+"/cases?stalled=true", token, &list); err != nil {
					return err
				}
				if len(list.Cases) == 0 {
					return errors.New("no stalled case yet")
				}
				return nil
			})
		})
	}
	browser := signInDemo(t, strings.TrimSuffix(api, "/api/v1"))
	first.stop(t)
	if !strings.HasSuffix(first.stdout.String(), "stopping…\n") {
		t.Errorf("output does not end with stopping…:\n%s", first.stdout.String())
	}

	second := start(t, args...)
	second.waitOutput(t, "Ctrl-C stops")
	if want := "demo cases: the namespace already has cases; none added"; !strings.Contains(second.stdout.String(), want) {
		t.Errorf("second run lacks %q:\n%s", want, second.stdout.String())
	}
	// The browser signed in before the restart is still signed in.
	r := testutil.DoWith(t, browser, "GET", strings.TrimSuffix(second.apiBase(t), "/api/v1")+"/taken", "", nil)
	if r.Status != http.StatusOK {
		t.Errorf("after the restart: %d to %q, want the inbox", r.Status, r.Header.Get("Location"))
	}
}

// signInDemo signs a browser (a client with a cookie jar) in to the web app as its first
// demo user.
func signInDemo(t *testing.T, web string) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil) // cookies go by host, not port: the next run's port differs
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page := testutil.DoWith(t, c, "GET", web+"/aanmelden", "", nil).Body
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	user := regexp.MustCompile(`name="gebruiker" id="[^"]*" value="([^"]+)"`).FindSubmatch(page)
	if csrf == nil || user == nil {
		t.Fatalf("no csrf field or demo user in the sign-in page:\n%s", page)
	}
	form := url.Values{"csrf": {string(csrf[1])}, "gebruiker": {string(user[1])}, "terug": {"/taken"}}.Encode()
	r := testutil.DoWith(t, c, "POST", web+"/aanmelden", "", form, "Content-Type", "application/x-www-form-urlencoded")
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/taken" {
		t.Fatalf("sign-in: %d to %q", r.Status, r.Header.Get("Location"))
	}
	return c
}

func TestDevRefusesBrokenDefinitions(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"dev", "--definitions", "testdata/dev-broken", "--data-dir", t.TempDir()}, &stdout, &stderr)
	var code errExit
	if !errors.As(err, &code) || code != 1 {
		t.Fatalf("err = %v, want exit 1", err)
	}
	want := "testdata/dev-broken/kapot.yaml:7:8: start: unknown step \"meldingg\"; did you mean \"melding\"?\n"
	if !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr = %q, want it to start with %q", stderr.String(), want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing: Temporal must not start", stdout.String())
	}
}
