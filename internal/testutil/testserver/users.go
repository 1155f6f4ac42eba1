package testserver

import (
	"testing"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// Users loads the test users (testutil.Path("users.yaml"), of gemeente testdorp) as the
// authenticator of a service under test. It lives here, not in testutil, so that the
// workflows tests, which use testutil, do not link the authenticators.
func Users(t testing.TB) *auth.Tokens {
	t.Helper()
	tokens, err := auth.LoadUsers(testutil.Path("users.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return tokens
}
