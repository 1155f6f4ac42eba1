package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiagramShipped(t *testing.T) {
	stdout, stderr, code := runCLI(t, "diagram", "../../definitions/dalfsen-wijkteam.yaml")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"flowchart TD\n",
		`s4["Keukentafelgesprek (onderzoek)<br/>rol: Wijkcoach<br/>≤ 6w vanaf melding<br/>Wmo 2015 art. 2.3.2 lid 1<br/>norm 3w vanaf melding<br/>na 4w: herinnering aan behandelaar<br/>na 5w: herinnering aan Teamleider<br/>na 6w: naar Teamleider, vastgelopen"]`,
		`s14[/"Bijdragen samengevoegd<br/>wacht op bijdrage-wmo, bijdrage-jeugd"\]`,
		`s3 -.->|"na 7d"| s4`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("diagram lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.HasPrefix(stdout, "flowchart TD\n") {
		t.Errorf("diagram does not start with the flowchart header:\n%s", stdout)
	}
}

func TestDiagramErrors(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "kapot.yaml")
	src := "gemeente: proef\nprocess: x\ntitle: X\nteams: [a]\nroles: {w: W}\nstart: a\nsteps:\n  a:\n    kind: end\n    reslt: klaar\n"
	if err := os.WriteFile(broken, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "bestaat-niet.yaml")
	tests := []struct {
		name       string
		args       []string
		code       int
		wantStderr string
	}{
		{"broken file", []string{broken}, 1, broken + `:10:5: steps.a.reslt: unknown key "reslt"; did you mean "result"?` + "\n"},
		{"missing file", []string{missing}, 1, missing + ": cannot read: no such file or directory\n"},
		{"no file", nil, 2, "usage: wijkflow diagram FILE"},
		{"two files", []string{broken, broken}, 2, "usage: wijkflow diagram FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, append([]string{"diagram"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing (no half diagram)", stdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.wantStderr)
			}
		})
	}
}
