// Package testutil holds the few helpers that the integration tests of several packages
// share: waiting for a condition with a deadline, and a buffer that a running server
// writes while the test reads it.
package testutil

import (
	"bytes"
	"sync"
	"testing"
	"time"
)

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

// SyncBuffer is a bytes.Buffer that one goroutine writes while another reads it.
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written so far.
func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// RequestTimeout is the API's request timeout in integration tests. Production's 10 s
// (httpapi.DefaultRequestTimeout) is ample for one case, but on a loaded CI machine a
// case's first workflow task can wait longer, and the API then answers a create with
// 202 instead of the 201 with the first view that the tests assert.
const RequestTimeout = time.Minute
