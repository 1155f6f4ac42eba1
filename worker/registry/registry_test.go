package registry

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

// testYAML is a small valid definition; TITLE is replaced to make new versions.
var testYAML = strings.Replace(testutil.SmallDefinition, "title: Test", "title: TITLE", 1)

func writeDef(t *testing.T, dir, title string) {
	t.Helper()
	src := strings.Replace(testYAML, "TITLE", title, 1)
	if err := os.WriteFile(filepath.Join(dir, "testgem-wijkteam.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// clock is a settable clock for publication times.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newTestRegistry(t *testing.T, checks ...Check) (*Registry, string, *clock) {
	t.Helper()
	dir := t.TempDir()
	writeDef(t, dir, "Eerste")
	clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	r, err := New(Config{Dir: dir, Checks: checks, History: filepath.Join(t.TempDir(), "published.json"), Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	return r, dir, clk
}

func TestReloadPublishesAndKeepsOlderVersions(t *testing.T) {
	r, dir, clk := newTestRegistry(t)
	first := r.Set().Lookup("testgem", "wijkteam")
	if first == nil || first.Title != "Eerste" {
		t.Fatalf("current = %+v", first)
	}
	clk.t = clk.t.Add(time.Hour)
	writeDef(t, dir, "Tweede")
	res := r.Reload()
	if !res.OK || len(res.Published) != 1 || !strings.HasPrefix(res.Published[0], "testgem/wijkteam sha256:") {
		t.Fatalf("reload = %+v", res)
	}
	s := r.Set()
	second := s.Lookup("testgem", "wijkteam")
	if second.Title != "Tweede" || second.Version == first.Version {
		t.Fatalf("current after reload = %s %s", second.Title, second.Version)
	}
	if s.ByVersion(first.Version) == nil {
		t.Error("the first version is no longer known; tasks of its cases would lose their forms")
	}
	vs := s.Versions()
	if len(vs) != 2 || vs[0].Definition != second || !vs[0].Published.Equal(clk.t) || !vs[1].Published.Equal(clk.t.Add(-time.Hour)) {
		t.Fatalf("versions = %+v", vs)
	}
	// Nothing changed: nothing published, the set hash stays.
	if again := r.Reload(); !again.OK || len(again.Published) != 0 || again.Set != res.Set {
		t.Errorf("second reload = %+v, want ok with nothing published and set %s", again, res.Set)
	}
}

func TestReloadRefusesABrokenFolderAndKeepsTheOldSet(t *testing.T) {
	r, dir, _ := newTestRegistry(t)
	before := r.Set()
	bad := strings.Replace(testYAML, "goto: klaar", "goto: klar", 1)
	if err := os.WriteFile(filepath.Join(dir, "testgem-wijkteam.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	res := r.Reload()
	if res.OK || len(res.Issues) != 1 {
		t.Fatalf("reload = %+v, want one issue", res)
	}
	want := filepath.Join(dir, "testgem-wijkteam.yaml") + `:12:19: steps.melding.next[0].goto: unknown step "klar"`
	if !strings.HasPrefix(res.Issues[0], want) {
		t.Errorf("issue = %q, want it to start with %q", res.Issues[0], want)
	}
	if r.Set() != before || res.Set != before.Hash() {
		t.Error("a refused reload replaced the served set")
	}
	if last := r.Last(); last == nil || last.OK {
		t.Errorf("Last = %+v", last)
	}
}

// TestAFixAfterARefusalIsLogged checks that the save fixing a refused one logs the
// definition it publishes with its file and version, even when the fix restores the
// version served before (so nothing is newly published); an ordinary reload does not.
func TestAFixAfterARefusalIsLogged(t *testing.T) {
	dir := t.TempDir()
	writeDef(t, dir, "Eerste")
	var log bytes.Buffer
	r, err := New(Config{Dir: dir, Logger: zerolog.New(&log)})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "testgem-wijkteam.yaml")
	version := r.Set().Lookup("testgem", "wijkteam").Version
	if res := r.Reload(); !res.OK || strings.Contains(log.String(), "fixed") {
		t.Fatalf("an ordinary reload: %+v, log %s", res, log.String())
	}
	if err := os.WriteFile(file, []byte(strings.Replace(testYAML, "goto: klaar", "goto: klar", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := r.Reload(); res.OK {
		t.Fatalf("a broken save was served: %+v", res)
	}
	log.Reset()
	writeDef(t, dir, "Eerste")
	if res := r.Reload(); !res.OK || len(res.Published) != 0 {
		t.Fatalf("the fix: %+v, want served with nothing newly published", res)
	}
	want := `"message":"definition fixed and published: ` + file + ` is testgem/wijkteam ` + version + `"`
	if !strings.Contains(log.String(), want) || !strings.Contains(log.String(), `"version":"`+version+`"`) {
		t.Errorf("log %s\nwant it to contain %s", log.String(), want)
	}
	log.Reset()
	if r.Reload(); strings.Contains(log.String(), "fixed") {
		t.Errorf("the fix was logged twice: %s", log.String())
	}
}

func TestChecksRefuseTheSet(t *testing.T) {
	refuse := false
	check := func(defs []*definitions.Definition) definitions.Issues {
		if !refuse {
			return nil
		}
		return definitions.Issues{{File: "testgem-wijkteam.yaml", Line: 3, Col: 8, Message: "provider not configured"}}
	}
	r, dir, _ := newTestRegistry(t, check)
	before := r.Set()
	refuse = true
	writeDef(t, dir, "Tweede")
	res := r.Reload()
	if res.OK || len(res.Issues) != 1 || res.Issues[0] != "testgem-wijkteam.yaml:3:8: provider not configured" {
		t.Fatalf("reload = %+v", res)
	}
	if r.Set() != before {
		t.Error("a set refused by a check was published")
	}
}

func TestHistoryKeepsVersionsAcrossARestart(t *testing.T) {
	dir := t.TempDir()
	hist := filepath.Join(t.TempDir(), "published.json")
	writeDef(t, dir, "Eerste")
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	r, err := New(Config{Dir: dir, History: hist, Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	first := r.Set().Lookup("testgem", "wijkteam").Version
	writeDef(t, dir, "Tweede")
	restarted, err := New(Config{Dir: dir, History: hist, Now: func() time.Time { return t0.Add(24 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	s := restarted.Set()
	if s.ByVersion(first) == nil {
		t.Fatal("the version published before the restart is gone")
	}
	if vs := s.Versions(); len(vs) != 2 || !vs[1].Published.Equal(t0) {
		t.Fatalf("versions = %+v", vs)
	}
	if s.Lookup("testgem", "wijkteam").Title != "Tweede" {
		t.Error("the folder's version is not current")
	}
}

func TestWatchReloadsOnSave(t *testing.T) {
	r, dir, _ := newTestRegistry(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := r.Watch(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// Saved the way editors save: a temporary file renamed over the definition.
	src := strings.Replace(testYAML, "TITLE", "Bewaard", 1)
	tmp := filepath.Join(dir, "testgem-wijkteam.yaml.tmp")
	if err := os.WriteFile(tmp, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "testgem-wijkteam.yaml")); err != nil {
		t.Fatal(err)
	}
	waitForTitle(t, r, "Bewaard")
}

func TestStatic(t *testing.T) {
	d, issues := definitions.Parse("x.yaml", []byte(strings.Replace(testYAML, "TITLE", "X", 1)))
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	r, err := Static([]*definitions.Definition{d})
	if err != nil {
		t.Fatal(err)
	}
	if r.Set().Lookup("testgem", "wijkteam") != d {
		t.Fatal("static definition not current")
	}
	if res := r.Reload(); res.OK || len(res.Issues) != 1 {
		t.Errorf("reload of a static registry = %+v", res)
	}
	if _, err := Static([]*definitions.Definition{{}}); err == nil {
		t.Error("a definition without version was accepted")
	}
}

func errorf(format string, a ...any) error { return fmt.Errorf(format, a...) }

func TestWakes(t *testing.T) {
	for name, want := range map[string]bool{
		"defs/dalfsen-wijkteam.yaml": true, "defs/X.YML": true, "defs/..data": true,
		"defs/.dalfsen-wijkteam.yaml.swp": false, "defs/4913": false, "defs/notes.txt": false,
	} {
		if got := wakes(name); got != want {
			t.Errorf("wakes(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestWatchFollowsAConfigMapSwap: a Kubernetes ConfigMap volume holds its files as
// links into a "..data" link to a timestamped folder, and replaces them all at once by
// renaming a new "..data" over the old one; no *.yaml event happens at all.
func TestWatchFollowsAConfigMapSwap(t *testing.T) {
	dir := t.TempDir()
	version := func(name, title string) {
		t.Helper()
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		writeDef(t, filepath.Join(dir, name), title)
	}
	version("..2026_03_02", "Eerste")
	if err := os.Symlink("..2026_03_02", filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..data", "testgem-wijkteam.yaml"), filepath.Join(dir, "testgem-wijkteam.yaml")); err != nil {
		t.Fatal(err)
	}
	r, err := New(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := r.Watch(ctx, nil); err != nil {
		t.Fatal(err)
	}
	version("..2026_03_09", "Tweede")
	if err := os.Symlink("..2026_03_09", filepath.Join(dir, "..data_tmp")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "..data_tmp"), filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	waitForTitle(t, r, "Tweede")
}

// TestAWarningIsServed checks that a definition with only a warning (a field read on a
// path where no step asks it) is published: warnings are for the designer, as validate
// prints them, and do not refuse the folder.
func TestAWarningIsServed(t *testing.T) {
	dir := t.TempDir()
	src := testutil.WarnedDefinition
	if _, is := definitions.Parse("omweg.yaml", []byte(src)); len(is) != 1 || is[0].Level != definitions.LevelWarning {
		t.Fatalf("the test definition should have one warning, has %v", is)
	}
	if err := os.WriteFile(filepath.Join(dir, "testgem-omweg.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := New(Config{Dir: dir, History: filepath.Join(t.TempDir(), "published.json")})
	if err != nil {
		t.Fatalf("a folder with a warning is refused: %v", err)
	}
	if r.Set().Lookup("testgem", "omweg") == nil {
		t.Error("the definition with a warning is not served")
	}
}

// waitForTitle waits until the registry serves testgem/wijkteam with the title want: the
// watch publishes a saved file a moment after the save.
func waitForTitle(t *testing.T, r *Registry, want string) {
	t.Helper()
	testutil.Eventually(t, 30*time.Second, func() error {
		if got := r.Set().Lookup("testgem", "wijkteam").Title; got != want {
			return errorf("title %q, still the old version", got)
		}
		return nil
	})
}
