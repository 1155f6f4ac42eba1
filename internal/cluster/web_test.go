package cluster

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/workflows"
)

var (
	csrfField  = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	nonceField = regexp.MustCompile(`name="nonce" value="([^"]+)"`)
)

// webAcrossWorkers signs in on the web app of worker 1 and completes a task with the
// web form of worker 2: the session cookie sealed by one worker opens the other (they
// share WIJKFLOW_SESSION_KEY), as behind a load balancer without sticky sessions. It
// returns the case it made.
func webAcrossWorkers(t *testing.T, w1, w2 string) string {
	jar, err := cookiejar.New(nil) // cookies go by host, not port: one jar for both
	if err != nil {
		t.Fatal(err)
	}
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page := func(method, u string, form url.Values) (int, string, string) {
		t.Helper()
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, _ := http.NewRequest(method, u, body)
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		resp, err := browser.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(b)
	}
	field := func(re *regexp.Regexp, html string) string {
		t.Helper()
		m := re.FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("no %s field in:\n%.2000s", re, html)
		}
		return m[1]
	}

	_, _, signIn := page("GET", w1+"/aanmelden", nil)
	status, to, _ := page("POST", w1+"/aanmelden", url.Values{"csrf": {field(csrfField, signIn)}, "token": {coachToken}, "terug": {"/taken"}})
	if status != http.StatusSeeOther || to != "/taken" {
		t.Fatalf("sign-in on worker 1: %d to %q", status, to)
	}

	v, err := newAPIClient(coachToken, w1).create("web-across")
	if err != nil {
		t.Fatal(err)
	}
	task := taskOf(v, "melding")
	status, to, form := page("GET", w2+"/zaken/"+v.ID+"/taken/"+task, nil)
	if status != http.StatusOK {
		t.Fatalf("task page on worker 2 with worker 1's session: %d to %q", status, to)
	}
	status, to, _ = page("POST", w2+"/zaken/"+v.ID+"/taken/"+task, url.Values{
		"csrf": {field(csrfField, form)}, "nonce": {field(nonceField, form)}, "f_urgent": {"ja"}})
	if status != http.StatusSeeOther || !strings.HasPrefix(to, "/taken") {
		t.Fatalf("form sent on worker 2: %d to %q", status, to)
	}
	if status, _, list := page("GET", w2+to, nil); status != http.StatusOK || !strings.Contains(list, v.ID) {
		t.Errorf("team list on worker 2: %d, lists the case %v", status, strings.Contains(list, v.ID))
	}

	var after workflows.CaseView
	if err := newAPIClient(coachToken, w1).do("GET", "/cases/"+v.ID, "", nil, http.StatusOK, &after); err != nil {
		t.Fatal(err)
	}
	if taskOf(after, "gesprek") == "" {
		t.Errorf("after the web form on worker 2 the case waits at %v, want gesprek", after.ActiveSteps)
	}
	return v.ID
}
