package testutil

import (
	"testing"
	"time"
)

// WaitFor is how long an integration test waits for a condition before it fails:
// generous, since on a loaded CI machine a case's first workflow task can take seconds.
const WaitFor = time.Minute

// RequestTimeout is the API's request timeout in integration tests. Production's 10 s
// (httpapi.DefaultRequestTimeout) is ample for one case, but on a loaded CI machine a
// case's first workflow task can wait longer, and the API then answers a create with
// 202 instead of the 201 with the first view that the tests assert.
const RequestTimeout = time.Minute

// Eventually retries try until it returns nil, and fails the test with the last error
// when d has passed. Polls back off from 10 ms to 250 ms: a test waits for a condition,
// never for a fixed time.
func Eventually(t testing.TB, d time.Duration, try func() error) {
	t.Helper()
	deadline := time.Now().Add(d)
	wait := 10 * time.Millisecond
	for {
		err := try()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %s: %v", d, err)
		}
		time.Sleep(wait) // a poll interval, not a wait for the outcome
		wait = min(2*wait, 250*time.Millisecond)
	}
}

// Soon is Eventually with the integration tests' deadline, WaitFor.
func Soon(t testing.TB, try func() error) {
	t.Helper()
	Eventually(t, WaitFor, try)
}
