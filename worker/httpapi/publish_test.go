package httpapi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/registry"
	"github.com/wijkflow/wijkflow/workflows"
)

// publishEnv is an env whose definitions come from a registry over a copy of the
// shipped folder, which the test edits.
type publishEnv struct {
	*env
	dir string
}

func newPublishEnv(t *testing.T) *publishEnv {
	t.Helper()
	e := newEnv(t)
	dir := testutil.CopyShipped(t)
	reg, err := registry.New(registry.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	e.api.reg = reg // before any request reads it
	return &publishEnv{env: e, dir: dir}
}

// edit rewrites dalfsen-wijkteam.yaml with old replaced by new.
func (p *publishEnv) edit(old, new string) {
	p.t.Helper()
	f := filepath.Join(p.dir, "dalfsen-wijkteam.yaml")
	b, err := os.ReadFile(f)
	if err != nil {
		p.t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		p.t.Fatalf("%q not in %s", old, f)
	}
	if err := os.WriteFile(f, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// listed is GET /definitions as the test reads it.
type listed struct {
	Set         string `json:"set"`
	Definitions []struct {
		Process, Version, Label string
		Current                 bool
		OpenCases               int64
		Published               *string
	} `json:"definitions"`
}

// versions lists the dalfsen wijkteam versions: version → open cases, and the current one.
func (p *publishEnv) versions() (map[string]int64, string) {
	p.t.Helper()
	var l listed
	p.must(200, "coach", "GET", "/definitions?gemeente=dalfsen", nil).decode(p.t, &l)
	out, cur := map[string]int64{}, ""
	for _, d := range l.Definitions {
		if d.Process != "wijkteam" {
			continue
		}
		if d.Published == nil || d.Label != "2026-1" {
			p.t.Errorf("version %s: published %v, label %q", d.Version, d.Published, d.Label)
		}
		out[d.Version] = d.OpenCases
		if d.Current {
			cur = d.Version
		}
	}
	return out, cur
}

// migration is the answer of POST /migrations.
type migration struct {
	DryRun   bool   `json:"dryRun"`
	To       string `json:"to"`
	Migrated int    `json:"migrated"`
	Cases    []struct {
		CaseID, From, Reason string
		OK, Migrated         bool
		Tasks                []workflows.TaskMove
	} `json:"cases"`
}

func TestPublishWithoutRestartAndMigrate(t *testing.T) {
	p := newPublishEnv(t)
	a := p.newCase("coach")
	v1 := a.DefinitionVersion
	other := p.newCase("coach-lemelerveld") // a case of another team than the lead's

	// A changed title: published at once for new cases; the running case stays.
	p.edit("title: Melding registreren en triëren", "title: Melding registreren en beoordelen")
	var pub registry.Result
	p.must(403, "coach", "POST", "/definitions/reload", nil)
	p.must(200, "lead", "POST", "/definitions/reload", nil).decode(t, &pub)
	if !pub.OK || len(pub.Published) != 1 || !strings.HasPrefix(pub.Published[0], "dalfsen/wijkteam sha256:") {
		t.Fatalf("reload = %+v", pub)
	}
	b := p.newCase("coach")
	v2 := b.DefinitionVersion
	if v2 == v1 || task(t, b, "melding").Title != "Melding registreren en beoordelen" {
		t.Fatalf("new case on %s (old %s), title %q", v2, v1, task(t, b, "melding").Title)
	}
	if got := p.view("coach", a.ID); got.DefinitionVersion != v1 || task(t, got, "melding").Title != "Melding registreren en triëren" {
		t.Errorf("the running case moved without a migration: %s", got.DefinitionVersion)
	}
	p.eventually("two open cases on the old version, one on the new", func() bool {
		vs, cur := p.versions()
		return cur == v2 && vs[v1] == 2 && vs[v2] == 1
	})

	// A broken change is refused with its place, and the served version stays.
	p.edit("start: melding", "start: meldng")
	r := p.must(422, "lead", "POST", "/definitions/reload", nil)
	var refused Error
	r.decode(t, &refused)
	wantAt := filepath.Join(p.dir, "dalfsen-wijkteam.yaml") + ":"
	if len(refused.Errors) != 1 || !strings.HasPrefix(refused.Errors[0].Message, wantAt) ||
		!strings.Contains(refused.Errors[0].Message, `start: unknown step "meldng"`) {
		t.Fatalf("refused reload = %s", r.body)
	}
	if c := p.newCase("coach"); c.DefinitionVersion != v2 {
		t.Errorf("after a refused reload a new case runs on %s, want %s", c.DefinitionVersion, v2)
	}
	p.edit("start: meldng", "start: melding")

	// Dry run: says what would happen, changes nothing.
	var dry migration
	p.must(200, "lead", "POST", "/migrations", map[string]any{"process": "wijkteam", "cases": []string{a.ID}, "to": v2, "dryRun": true}).decode(t, &dry)
	if len(dry.Cases) != 1 || !dry.Cases[0].OK || dry.Cases[0].Migrated || dry.Cases[0].From != v1 ||
		len(dry.Cases[0].Tasks) != 1 || dry.Cases[0].Tasks[0].Clock != "kept" {
		t.Fatalf("dry run = %+v", dry)
	}
	if got := p.view("coach", a.ID); got.DefinitionVersion != v1 {
		t.Fatal("a dry run moved the case")
	}
	p.must(403, "coach", "POST", "/migrations", map[string]any{"process": "wijkteam", "cases": []string{a.ID}})
	p.must(422, "lead", "POST", "/migrations", map[string]any{"process": "wijkteam", "to": "sha256:0000000000000000", "cases": []string{a.ID}})

	// The real move (the current version is the default target).
	var real migration
	move := map[string]any{"process": "wijkteam", "cases": []string{a.ID, other.ID}}
	p.must(200, "lead", "POST", "/migrations", move, "Idempotency-Key", "verhuis-1").decode(t, &real)
	if real.Migrated != 1 || !real.Cases[0].Migrated || real.Cases[1].OK || real.Cases[1].Reason != "the case belongs to team lemelerveld" {
		t.Fatalf("migration = %+v", real)
	}
	if got := p.view("coach-lemelerveld", other.ID); got.DefinitionVersion != v1 {
		t.Errorf("the lead moved a case of another team to %s", got.DefinitionVersion)
	}
	// The same call again (a retry) acts no second time and says so.
	p.must(200, "lead", "POST", "/migrations", move, "Idempotency-Key", "verhuis-1").decode(t, &real)
	if real.Migrated != 0 || !real.Cases[0].OK || real.Cases[0].Reason != "already runs on this version" {
		t.Fatalf("retried migration = %+v", real)
	}
	moved := p.view("coach", a.ID)
	if moved.DefinitionVersion != v2 || task(t, moved, "melding").Title != "Melding registreren en beoordelen" ||
		strings.Count(events(moved), "migrated") != 1 {
		t.Errorf("after the move: version %s, title %q, trail %s", moved.DefinitionVersion, task(t, moved, "melding").Title, events(moved))
	}

	// A version that gives the open task to another role: refused, the case stays.
	p.edit("    role: wijkcoach\n    deadline: 3wd", "    role: teamleider\n    deadline: 3wd")
	p.must(200, "lead", "POST", "/definitions/reload", nil).decode(t, &pub)
	// Every open case on v2 (a, b and c; visibility may lag behind a's move).
	var no migration
	p.eventually("three cases on v2", func() bool {
		p.must(200, "lead", "POST", "/migrations", map[string]any{"process": "wijkteam", "from": v2}).decode(t, &no)
		return len(no.Cases) == 3
	})
	if no.Migrated != 0 {
		t.Fatalf("migration to a new role = %+v", no)
	}
	for _, c := range no.Cases {
		if c.OK || !strings.Contains(c.Reason, "the role changes from wijkcoach to teamleider") {
			t.Errorf("case %s: ok %v, reason %q", c.CaseID, c.OK, c.Reason)
		}
	}
	if got := p.view("coach", a.ID); got.DefinitionVersion != v2 {
		t.Errorf("a refused migration moved the case to %s", got.DefinitionVersion)
	}
}

// events lists a view's trail events.
func events(v workflows.CaseView) string {
	var out []string
	for _, e := range v.Trail {
		out = append(out, string(e.Event))
	}
	return strings.Join(out, " ")
}
