package main

import (
	"bytes"
	"context"
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
