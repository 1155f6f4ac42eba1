package web

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// postFrom posts a form with the headers a browser adds to say where it comes from.
func (f *fixture) postFrom(path string, form url.Values, headers map[string]string) (int, string) {
	f.t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.srv.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := f.c.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestCrossOriginPostRefused: a form posted from another origin is refused even with the
// right CSRF secret (a same-site page that learnt it, say), and never reaches the API;
// one from this origin passes.
func TestCrossOriginPostRefused(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	claim := url.Values{"csrf": {secret}}
	n := len(f.api.calls)
	for _, tc := range []struct {
		name    string
		headers map[string]string
	}{
		{"another site", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}},
		{"a sibling on the same site", map[string]string{"Sec-Fetch-Site": "same-site", "Origin": "https://andere.wijkflow.example"}},
		{"an older browser, Origin only", map[string]string{"Origin": "https://evil.example"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, body := f.postFrom("/zaken/case-a/taken/melding-1/claimen", claim, tc.headers)
			if st != http.StatusForbidden || !strings.Contains(body, "kwam niet van deze site") {
				t.Errorf("claim: %d, want 403 with the Dutch refusal", st)
			}
			if st, _ := f.postFrom("/afmelden", claim, tc.headers); st != http.StatusForbidden {
				t.Errorf("sign-out: %d, want 403", st)
			}
		})
	}
	if len(f.api.calls) != n {
		t.Errorf("a cross-origin form reached the API: %v", f.api.calls[n:])
	}
	if _, body, _ := f.get("/taken"); !strings.Contains(body, "afmelden") {
		t.Error("signed out by a cross-origin form")
	}
	st, _ := f.postFrom("/zaken/case-a/taken/melding-1/claimen", claim, map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": f.srv.URL})
	if st != http.StatusSeeOther {
		t.Errorf("a claim from this origin: %d, want 303", st)
	}
}

// TestCrossOriginSignInRefused: another site cannot sign a browser in (login CSRF).
func TestCrossOriginSignInRefused(t *testing.T) {
	f := newFixture(t)
	_, page, _ := f.get("/aanmelden")
	form := url.Values{"csrf": {f.csrf(page)}, "gebruiker": {"coach-1"}}
	if st, _ := f.postFrom("/aanmelden", form, map[string]string{"Sec-Fetch-Site": "cross-site"}); st != http.StatusForbidden {
		t.Errorf("cross-site sign-in: %d, want 403", st)
	}
	if st, _, _ := f.get("/taken"); st != http.StatusSeeOther {
		t.Errorf("signed in by another site: %d", st)
	}
}
