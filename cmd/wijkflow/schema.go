package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/wijkflow/wijkflow/definitions"
)

func init() {
	commands["schema"] = command{summary: "print the JSON Schema of the definition format", run: runSchema}
}

// runSchema prints the JSON Schema that editors use to complete and check definition
// files; definitions/schema.json is its committed copy.
func runSchema(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wijkflow schema > definitions/schema.json")
		fmt.Fprintln(stderr, "\nPrints the JSON Schema of the process definition format.")
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return errExit(2)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errExit(2)
	}
	b, err := definitions.Schema()
	if err != nil {
		return err
	}
	_, err = stdout.Write(b)
	return err
}
