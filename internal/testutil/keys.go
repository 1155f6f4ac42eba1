package testutil

import (
	"crypto/sha256"

	"github.com/wijkflow/wijkflow/internal/crypt"
)

// Keys is the fixed payload keyring of the tests: every test runs encrypted, and the
// recorded histories in workflows/testdata/histories decrypt with it. Never use it
// outside tests.
func Keys() *crypt.Keyring {
	r, err := crypt.NewKeyring(TestKey)
	if err != nil {
		panic(err)
	}
	return r
}

// TestKey is the key of Keys, derived from a public text: a test key, not a secret.
var TestKey = crypt.Key{ID: "test-1", Secret: func() []byte { s := sha256.Sum256([]byte("wijkflow test key 1")); return s[:] }()}
