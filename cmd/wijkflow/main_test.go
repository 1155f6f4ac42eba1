package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
		out     string // a line the output must contain
		errOut  string
	}{
		{"no command prints usage", nil, "", "usage: wijkflow COMMAND", ""},
		{"help", []string{"help"}, "", "  validate", ""},
		{"unknown command", []string{"valideer"}, `unknown command "valideer"`, "", "usage: wijkflow COMMAND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tt.args, &out, &errb)
			if (err == nil) != (tt.wantErr == "") || (err != nil && err.Error() != tt.wantErr) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.out) {
				t.Errorf("stdout %q, want it to contain %q", out.String(), tt.out)
			}
			if !strings.Contains(errb.String(), tt.errOut) {
				t.Errorf("stderr %q, want it to contain %q", errb.String(), tt.errOut)
			}
		})
	}
}

// runCLI runs wijkflow with args in-process and returns what it printed and its exit
// status; an error that is not an exit status fails the test.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	var exit errExit
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = int(exit)
	default:
		t.Fatalf("run returned %v", err)
	}
	return out.String(), errb.String(), code
}
