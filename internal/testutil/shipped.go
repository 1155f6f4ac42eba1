package testutil

import (
	_ "embed" // SmallDefinition, WarnedDefinition
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
)

// root is the repository's folder, found from this file so that a test in any package
// reaches the same files.
var root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

// ShippedDir is the folder of the shipped definitions, definitions/.
func ShippedDir() string { return filepath.Join(root, "definitions") }

// Path is a file in this package's testdata: users.yaml (the test users, of gemeente
// testdorp; testserver.Users loads them) or definitions (testdorp/snel, a 2 s deadline on its first task).
func Path(name string) string {
	return filepath.Join(root, "internal", "testutil", "testdata", name)
}

// Shipped loads the shipped definitions, failing the test on any error; notes and
// warnings do not stop a definition from being served, so they do not stop a test.
func Shipped(t testing.TB) []*definitions.Definition {
	t.Helper()
	return loadDir(t, ShippedDir())
}

// TestDefinitions loads testdata/definitions: testdorp/snel, whose first task has a 2 s
// deadline, for tests that watch a clock run out.
func TestDefinitions(t testing.TB) []*definitions.Definition {
	t.Helper()
	return loadDir(t, Path("definitions"))
}

func loadDir(t testing.TB, dir string) []*definitions.Definition {
	t.Helper()
	defs, issues := definitions.LoadDir(dir)
	if errs := issues.Errors(); len(errs) > 0 {
		t.Fatalf("definitions in %s: %v", dir, errs)
	}
	return defs
}

// CopyShipped copies the shipped definitions into a fresh folder that the test may edit
// (publish tests change a file under a running registry).
func CopyShipped(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(ShippedDir(), "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("shipped definitions: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// SmallDefinition is a small valid definition (testgem/wijkteam, titled "Test": one task,
// then the end) for tests that write definition files; change a line to make another
// version or a broken one.
//
//go:embed testdata/small.yaml
var SmallDefinition string

// WarnedDefinition is a valid definition (testgem/omweg) with one warning and no
// error: the wait at line 27 reads einddatum, which the onderzoek asks but the way
// melding → direct → wacht skips. For tests of what a warning leaves valid.
//
//go:embed testdata/warned.yaml
var WarnedDefinition string
