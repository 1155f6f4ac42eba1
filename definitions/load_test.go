package definitions

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/words"
)

// writeFiles writes name → content into a new temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// referring is validYAML with its crisis step referring to another process.
func referring(gemeente, process string) string {
	s := strings.Replace(validYAML, "gemeente: testgem", "gemeente: "+gemeente, 1)
	return strings.Replace(s, "provider: veilig-thuis", "process: "+process, 1)
}

// target is a small process that a referral can start.
func target(gemeente, process string) string {
	s := strings.Replace(validYAML, "gemeente: testgem", "gemeente: "+gemeente, 1)
	return strings.Replace(s, "process: wijkteam", "process: "+process, 1)
}

func TestLoadFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		defs  int
		want  []string // with DIR for the folder
	}{
		{"referral to a loaded process", map[string]string{
			"a.yaml": referring("dalfsen", "jeugdhulp"),
			"b.yml":  target("dalfsen", "jeugdhulp"),
		}, 2, nil},
		{"referral to another gemeente's process", map[string]string{
			"a.yaml": referring("dalfsen", "jeugdhulp"),
			"b.yaml": target("dordrecht", "jeugdhulp"),
		}, 2, []string{
			`DIR/a.yaml:23:14: steps.crisis.process: "jeugdhulp" is a process of gemeente dordrecht, not of "dalfsen": a referral starts a process of its own gemeente; to hand the case to another gemeente or organisation, write provider: (an id from the providers configuration) instead of process:`,
		}},
		{"referral to a process nowhere loaded", map[string]string{
			"a.yaml": referring("dalfsen", "jeugdhulp"),
			"b.yaml": target("dordrecht", "wmo"),
		}, 2, []string{
			`DIR/a.yaml:23:14: steps.crisis.process: no process "jeugdhulp" of gemeente "dalfsen" is loaded; load its file too or refer to another process (an outside organisation takes a case over with provider:); its processes are: wijkteam`,
		}},
		{"misspelt referral", map[string]string{
			"a.yaml": referring("dalfsen", "jeugdhlp"),
			"b.yaml": target("dalfsen", "jeugdhulp"),
		}, 2, []string{
			`DIR/a.yaml:23:14: steps.crisis.process: no process "jeugdhlp" of gemeente "dalfsen" is loaded; load its file too or refer to another process (an outside organisation takes a case over with provider:); did you mean "jeugdhulp"?`,
		}},
		{"duplicate process", map[string]string{
			"a.yaml": validYAML,
			"b.yaml": validYAML,
		}, 2, []string{
			"DIR/b.yaml:2:10: process: testgem/wijkteam is also defined in DIR/a.yaml; give one of them another process id",
		}},
		{"issues of several files sorted by file", map[string]string{
			"b.yaml":       "gemeente: [x]\n",
			"a.yaml":       strings.Replace(validYAML, "title: Test", "titel: Test", 1),
			"notes.txt":    "not a definition",
			"sub/c.yaml":   "not read: folders are not recursed into",
			"testdata.yml": validYAML,
		}, 3, []string{
			"DIR/a.yaml:1:1: title: is required",
			`DIR/a.yaml:3:1: titel: unknown key "titel"; did you mean "title"?`,
			"DIR/b.yaml:1:1: process: is required",
			"DIR/b.yaml:1:1: roles: is required",
			"DIR/b.yaml:1:1: start: is required",
			"DIR/b.yaml:1:1: steps: is required",
			"DIR/b.yaml:1:1: teams: is required",
			"DIR/b.yaml:1:1: title: is required",
			"DIR/b.yaml:1:11: gemeente: expected text, not a list",
			"DIR/testdata.yml:2:10: process: testgem/wijkteam is also defined in DIR/a.yaml; give one of them another process id",
		}},
		{"empty folder", map[string]string{"README.md": "# niets"}, 0, []string{
			"DIR: holds no definitions (*.yaml or *.yml files)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			defs, issues := LoadDir(dir)
			if len(defs) != tt.defs {
				t.Errorf("%d definitions, want %d", len(defs), tt.defs)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, strings.ReplaceAll(w, "DIR", dir))
			}
			checkIssues(t, issues, want)
		})
	}
}

func TestLoadFilesPaths(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.yaml": validYAML, "def.txt": target("testgem", "ander")})
	huge := filepath.Join(dir, "huge.yaml")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: it must be refused by its size, without being read.
	if err := os.Truncate(huge, 50<<20); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		paths []string
		defs  int
		want  []string
	}{
		{"a file with another extension, named explicitly", []string{filepath.Join(dir, "def.txt")}, 1, nil},
		{"the same file twice", []string{filepath.Join(dir, "a.yaml"), dir + "/./a.yaml"}, 1, nil},
		{"a missing file", []string{filepath.Join(dir, "nope.yaml")}, 0, []string{
			filepath.Join(dir, "nope.yaml") + ": cannot read: no such file or directory",
		}},
		{"a huge file", []string{huge}, 0, []string{
			huge + ": the file has 52428800 bytes; a definition may be at most 1048576",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defs, issues := LoadFiles(tt.paths...)
			if len(defs) != tt.defs {
				t.Errorf("%d definitions, want %d", len(defs), tt.defs)
			}
			checkIssues(t, issues, tt.want)
		})
	}
}

// TestBrokenTestdata checks the larger broken definitions in testdata/broken against
// their golden .want files (the validate output, one issue per line).
func TestBrokenTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no broken definitions: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { checkGolden(t, f) })
	}
}

// checkGolden loads the definition in f and compares its issues with the lines of the
// .want file beside it; it returns the issues.
func checkGolden(t *testing.T, f string) Issues {
	t.Helper()
	want, err := os.ReadFile(strings.TrimSuffix(f, ".yaml") + ".want")
	if err != nil {
		t.Fatal(err)
	}
	_, issues := LoadFiles(f)
	checkIssues(t, issues, strings.Split(strings.TrimSpace(string(want)), "\n"))
	return issues
}

// FuzzParse feeds random bytes to the loader: any input must give issues or a
// definition, never a panic or a hang, and a definition without issues must have what
// the workflow relies on: its start step, its content hash, a lossless JSON form.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validYAML))
	f.Add([]byte(richYAML))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("steps: {a: {<<: [*x]}}\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("gemeente: \"\\xff\"\n"))
	// The shipped files, and the path checks' golden files (steps with legal
	// functions, loops, conditions).
	for _, pattern := range []string{"*.yaml", "testdata/broken/path_*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, issues := Parse("f.yaml", src)
		for _, i := range issues {
			if i.File != "f.yaml" || i.Message == "" {
				t.Fatalf("malformed issue %#v", i)
			}
		}
		if d != nil && len(issues) == 0 {
			if d.Steps.Step(d.Start) == nil {
				t.Fatalf("valid definition without its start step %q", d.Start)
			}
			if d.Version != d.ComputeVersion() {
				t.Fatalf("version %s is not the content hash", d.Version)
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			back := Definition{File: d.File} // the file is not content: not in JSON
			if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(d, &back) {
				t.Fatalf("a valid definition does not round-trip through JSON: %v", err)
			}
		}
	})
}

// TestLoadOneFileAlone checks that a file named on its own may refer to a process it
// was not loaded with: a note, in Dutch too, and no error.
func TestLoadOneFileAlone(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.yaml": referring("testgem", "jeugdhulp")})
	_, issues := LoadFiles(filepath.Join(dir, "a.yaml"))
	if len(issues) != 1 || issues.Err() != nil || len(issues.Errors()) != 0 || issues[0].Level != LevelNote {
		t.Fatalf("want one note and no error, got %q", issueLines(issues))
	}
	want := filepath.Join(dir, "a.yaml") + `:23:14: note: steps.crisis.process: proces "jeugdhulp" van gemeente "testgem" is niet met dit bestand meegeladen, dus deze verwijzing is niet gecontroleerd; controleer ze samen met wijkflow validate ` + dir
	if got := issues[0].In(words.NL); got != want {
		t.Errorf("in Dutch\n got %q\nwant %q", got, want)
	}
}
