package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// TestOIDCFlags: the users file, the provider, or both (tokens tried first); a bad
// claim mapping or an unreachable provider stops the start.
func TestOIDCFlags(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"issuer": srv.URL, "jwks_uri": srv.URL + "/keys", "authorization_endpoint": srv.URL + "/auth"})
	}))
	defer srv.Close()
	users := testutil.Path("users.yaml")
	ctx := context.Background()

	a, err := (&oidcFlags{}).authenticator(ctx, users)
	if _, ok := a.(*auth.Tokens); err != nil || !ok {
		t.Errorf("users file only: %T, %v", a, err)
	}
	a, err = (&oidcFlags{issuer: srv.URL, audience: "wijkflow"}).authenticator(ctx, "")
	if _, ok := a.(*auth.OIDC); err != nil || !ok {
		t.Errorf("provider only: %T, %v", a, err)
	}
	a, err = (&oidcFlags{issuer: srv.URL, audience: "wijkflow", claims: "teams=groups"}).authenticator(ctx, users)
	if e, ok := a.(auth.Either); err != nil || !ok || len(e) != 2 {
		t.Errorf("both: %T, %v", a, err)
	}
	for _, tc := range []struct {
		f    oidcFlags
		want string
	}{
		{oidcFlags{issuer: srv.URL, audience: "wijkflow", claims: "ploeg=groups"}, `unknown field "ploeg"`},
		{oidcFlags{issuer: srv.URL}, "the audience (client id) is required"},
		{oidcFlags{issuer: "http://127.0.0.1:1", audience: "wijkflow"}, "oidc: discovery at http://127.0.0.1:1"},
	} {
		if _, err := tc.f.authenticator(ctx, ""); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.f, err, tc.want)
		}
	}
}
