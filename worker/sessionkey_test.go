package worker

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/web"
)

// TestSessionSurvivesARestart: a session cookie sealed by one web app is accepted by a
// second one started on the same keys file (a restart of dev, or another worker), and
// refused by one on other keys.
func TestSessionSurvivesARestart(t *testing.T) {
	keys := filepath.Join(t.TempDir(), "keys")
	jar, err := cookiejar.New(nil) // cookies go by host, not port: one jar for every server
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	first := webAppOn(t, keys)
	page := testutil.DoWith(t, c, "GET", first+"/aanmelden", "", nil).Body
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if csrf == nil {
		t.Fatalf("no csrf field: %s", page)
	}
	form := url.Values{"csrf": {string(csrf[1])}, "gebruiker": {"coach-1"}, "terug": {"/taken"}}.Encode()
	r := testutil.DoWith(t, c, "POST", first+"/aanmelden", "", form, "Content-Type", "application/x-www-form-urlencoded")
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/taken" {
		t.Fatalf("sign-in: %d to %q", r.Status, r.Header.Get("Location"))
	}

	for _, tc := range []struct {
		name, keys string
		signedIn   bool
	}{
		{"restarted on the same keys", keys, true},
		{"on other keys", filepath.Join(t.TempDir(), "keys"), false},
	} {
		r := testutil.DoWith(t, c, "GET", webAppOn(t, tc.keys)+"/taken", "", nil)
		if got := r.Status == http.StatusOK; got != tc.signedIn {
			t.Errorf("%s: %d to %q, signed in %v", tc.name, r.Status, r.Header.Get("Location"), tc.signedIn)
		}
	}
}

// webAppOn serves a web app whose session key comes from the keys file at path (made
// when missing, as dev does), in front of an API without tasks.
func webAppOn(t *testing.T, path string) string {
	t.Helper()
	keys, _, err := crypt.EnsureFile(path, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	key, err := sessionKey(keys)
	if err != nil {
		t.Fatal(err)
	}
	users := []auth.User{{Token: "tok-coach", ID: "coach-1", Name: "Coach", Gemeente: "testgem", Teams: []string{"noord"}, Roles: []string{"wijkcoach"}}}
	tokens, err := auth.NewTokens(users)
	if err != nil {
		t.Fatal(err)
	}
	api := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"tasks":[]}`)
	})
	h, err := web.New(web.Config{API: api, Auth: tokens, Definitions: func() web.DefinitionSet { return noDefinitions{} },
		DemoUsers: users, SessionKey: key})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// noDefinitions serves no process.
type noDefinitions struct{}

func (noDefinitions) Lookup(string, string) *definitions.Definition { return nil }
func (noDefinitions) ByVersion(string) *definitions.Definition      { return nil }
func (noDefinitions) CurrentOf(string) []*definitions.Definition    { return nil }
