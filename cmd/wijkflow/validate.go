package main

import (
	"fmt"
	"io"

	"github.com/wijkflow/wijkflow/definitions"
)

const validateUsage = "usage: wijkflow validate PATH...\n\nChecks definition files (and the *.yaml files in folders); prints file:line:col: problem\nfor every problem and exits 1 if there is any; otherwise each file's version hash.\nA file named alone may refer to processes it was not loaded with: that is a note\n(file:line:col: note: ...), not a problem; validate the folder to check them together.\nA warning (file:line:col: warning: ...) works but is probably not meant, such as a field\nread on a path where no step asks it; it leaves the files valid."

// runValidate checks the definitions at the given paths as one set, so referrals between
// files are checked too. Problems go to stdout, one per line, so editors and CI can read
// them; the exit status says whether there were any. Notes and warnings are printed the
// same way (file:line:col: note: ..., warning: ...) and leave the files valid.
func runValidate(paths []string, stdout, _ io.Writer) error {
	defs, issues := definitions.LoadFiles(paths...)
	for _, i := range issues {
		fmt.Fprintln(stdout, i.String())
	}
	if len(issues.Errors()) > 0 {
		return errExit(1)
	}
	// Each file's version: the hash that cases, GET /definitions and migrate name.
	if files := definitions.Files(paths...); len(files) == len(defs) {
		for i, d := range defs {
			label := ""
			if d.Label != "" {
				label = " (" + d.Label + ")"
			}
			fmt.Fprintf(stdout, "%s: %s/%s %s%s\n", files[i], d.Gemeente, d.Process, d.Version, label)
		}
	}
	fmt.Fprintf(stdout, "%d definitions valid\n", len(defs))
	return nil
}
