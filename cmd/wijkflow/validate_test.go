package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

// writer returns a function that writes a file (and its folders) below dir and returns
// its path.
func writer(t *testing.T, dir string) func(name, content string) string {
	return func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func TestValidateCommand(t *testing.T) {
	dir := t.TempDir()
	write := writer(t, dir)
	good := write("good/a.yaml", testutil.SmallDefinition)
	write("good/b.yaml", strings.Replace(testutil.SmallDefinition, "process: wijkteam", "process: ander", 1))
	bad := write("bad.yaml", strings.Replace(strings.Replace(strings.Replace(testutil.SmallDefinition, "process: wijkteam", "process: kapot", 1), "goto: klaar", "goto: klar", 1), "role: wijkcoach", "role: wijkcaoch", 1))

	warned := write("warned.yaml", testutil.WarnedDefinition)
	version := func(src string) string {
		d, _ := definitions.Parse("x.yaml", []byte(src))
		return d.Version
	}
	other := strings.Replace(testutil.SmallDefinition, "process: wijkteam", "process: ander", 1)
	tests := []struct {
		name        string
		args        []string
		code        int // 0: nil error
		out, errOut string
	}{
		{"one valid file", []string{"validate", good}, 0, good + ": testgem/wijkteam " + version(testutil.SmallDefinition) + "\n1 definitions valid\n", ""},
		{"a folder", []string{"validate", filepath.Join(dir, "good")}, 0,
			good + ": testgem/wijkteam " + version(testutil.SmallDefinition) + "\n" +
				filepath.Join(dir, "good", "b.yaml") + ": testgem/ander " + version(other) + "\n2 definitions valid\n", ""},
		{"problems, one per line", []string{"validate", bad, good}, 1,
			bad + ":10:11: steps.melding.role: unknown role \"wijkcaoch\"; did you mean \"wijkcoach\"?\n" +
				bad + ":12:19: steps.melding.next[0].goto: unknown step \"klar\"; did you mean \"klaar\"?\n", ""},
		{"a warning: printed, still valid", []string{"validate", warned}, 0,
			warned + ":27:12: warning: steps.wacht.until: melding → direct → wacht: no step on this path asks \"einddatum\", " +
				"so step \"wacht\" reads it empty here; ask einddatum on this path too, or in the intake\n" +
				warned + ": testgem/omweg " + version(testutil.WarnedDefinition) + "\n1 definitions valid\n", ""},
		{"a missing file", []string{"validate", filepath.Join(dir, "nope.yaml")}, 1,
			filepath.Join(dir, "nope.yaml") + ": cannot read: no such file or directory\n", ""},
		{"no paths", []string{"validate"}, 2, "", "usage: wijkflow validate PATH..."},
		{"help", []string{"validate", "-h"}, 0, "", "usage: wijkflow validate PATH..."},
		{"unknown flag", []string{"validate", "-x", good}, 2, "", "flag provided but not defined: -x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errb, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if out != tt.out {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, tt.out)
			}
			if !strings.Contains(errb, tt.errOut) || (tt.errOut == "" && errb != "") {
				t.Errorf("stderr %q, want it to contain %q", errb, tt.errOut)
			}
		})
	}
}

// TestValidateOneFileAlone checks that a file validated on its own is valid although
// the process it refers to was not loaded with it: that is a note, which says how to
// check them together; in a folder without that process it stays an error.
func TestValidateOneFileAlone(t *testing.T) {
	dir := t.TempDir()
	referring := strings.Replace(testutil.SmallDefinition, "next: [{goto: klaar}]",
		"next: [{goto: verwijzen}]\n  verwijzen: {kind: referral, process: ander, next: [{goto: klaar}]}", 1)
	write := writer(t, dir)
	file := write("both/wijkteam.yaml", referring)
	write("both/ander.yaml", strings.Replace(testutil.SmallDefinition, "process: wijkteam", "process: ander", 1))
	lonely := write("lonely/wijkteam.yaml", referring)
	d, _ := definitions.Parse("x.yaml", []byte(referring))
	note := file + ":13:40: note: steps.verwijzen.process: process \"ander\" of gemeente \"testgem\" was not loaded with this file, " +
		"so this referral is not checked; check them together with wijkflow validate " + filepath.Join(dir, "both") + "\n"

	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"the file alone: a note, valid", []string{"validate", file}, 0,
			note + file + ": testgem/wijkteam " + d.Version + "\n1 definitions valid\n"},
		{"its folder: no note", []string{"validate", filepath.Join(dir, "both")}, 0, ""},
		{"a folder without the process: an error", []string{"validate", filepath.Join(dir, "lonely")}, 1,
			lonely + ":13:40: steps.verwijzen.process: no process \"ander\" of gemeente \"testgem\" is loaded; load its file too " +
				"or refer to another process (an outside organisation takes a case over with provider:); its processes are: wijkteam\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\n%s", code, tt.code, out)
			}
			if tt.out != "" && out != tt.out {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, tt.out)
			}
			if strings.Contains(out, "note:") != (tt.name == "the file alone: a note, valid") {
				t.Errorf("notes where not wanted, or none where wanted:\n%s", out)
			}
		})
	}
}

// TestValidateShippedDefinitions runs the command as a designer would on the shipped
// folder: every shipped definition must pass.
func TestValidateShippedDefinitions(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"validate", "../../definitions"}, &out, &errb); err != nil {
		t.Fatalf("validate definitions/: %v\n%s%s", err, out.String(), errb.String())
	}
	if !strings.HasSuffix(out.String(), " definitions valid\n") {
		t.Errorf("stdout %q", out.String())
	}
}
