package main

import (
	"context"
	"io"

	"github.com/wijkflow/wijkflow/definitions"
)

func init() {
	commands["schema"] = command{summary: "print the JSON Schema of the definition format", run: runSchema}
}

// runSchema prints the JSON Schema that editors use to complete and check definition
// files; definitions/schema.json is its committed copy.
func runSchema(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("schema", "usage: wijkflow schema > definitions/schema.json\n\nPrints the JSON Schema of the process definition format.", stderr)
	if _, err := parseArgs(fs, args, exactly(0)); err != nil {
		return exitCode(err)
	}
	b, err := definitions.Schema()
	if err != nil {
		return err
	}
	_, err = stdout.Write(b)
	return err
}
