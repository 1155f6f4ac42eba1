package main

import (
	"os"
	"strings"
	"testing"
)

func TestSchemaCommand(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		wantStdout string // "committed" means the content of definitions/schema.json
		wantStderr string
	}{
		{"prints the committed schema", []string{"schema"}, 0, "committed", ""},
		{"no arguments", []string{"schema", "extra"}, 2, "", "usage: wijkflow schema > definitions/schema.json\n"},
		{"help", []string{"schema", "-h"}, 0, "", "usage: wijkflow schema > definitions/schema.json\n"},
	}
	committed, err := os.ReadFile("../../definitions/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errb, code := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			want := tt.wantStdout
			if want == "committed" {
				want = string(committed)
			}
			if out != want {
				t.Errorf("stdout differs from definitions/schema.json (%d vs %d bytes); regenerate with: go run ./cmd/wijkflow schema > definitions/schema.json", len(out), len(want))
			}
			if !strings.HasPrefix(errb, tt.wantStderr) {
				t.Errorf("stderr = %q, want prefix %q", errb, tt.wantStderr)
			}
		})
	}
}
