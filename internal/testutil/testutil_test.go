package testutil

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestEventuallyWaitsForTheCondition(t *testing.T) {
	tries := 0
	Eventually(t, 10*time.Second, func() error {
		if tries++; tries < 3 {
			return errors.New("not yet")
		}
		return nil
	})
	if tries != 3 {
		t.Errorf("tries = %d, want 3", tries)
	}
}

// fatalRecorder records Fatalf instead of ending the test.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (r *fatalRecorder) Helper() {}
func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	panic(r)
}

func TestEventuallyGivesUp(t *testing.T) {
	r := &fatalRecorder{TB: t}
	func() {
		defer func() {
			if p := recover(); p != r {
				t.Fatalf("Eventually did not fail the test (recovered %v)", p)
			}
		}()
		Eventually(r, 30*time.Millisecond, func() error { return errors.New("never") })
	}()
	if r.msg == "" {
		t.Error("no failure message")
	}
}

func TestSyncBufferConcurrent(t *testing.T) {
	var b SyncBuffer
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { b.Write([]byte("x")); _ = b.String() })
	}
	wg.Wait()
	if got := b.String(); got != "xxxxxxxx" {
		t.Errorf("got %q", got)
	}
}

// TestLoadDirAcceptsWarnings: a folder whose definition has only a warning loads; the
// warning is the designer's business, not the test's.
func TestLoadDirAcceptsWarnings(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "warned.yaml"), []byte(WarnedDefinition), 0o644); err != nil {
		t.Fatal(err)
	}
	defs := loadDir(t, dir)
	if len(defs) != 1 || defs[0].Process != "omweg" {
		t.Fatalf("loaded %v, want testgem/omweg", defs)
	}
}
