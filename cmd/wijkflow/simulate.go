package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/simulate"
	"github.com/wijkflow/wijkflow/internal/words"
)

// runSimulate runs the sample cases of a scenarios file on a definition (and, with
// --compare, on an older version of it) and prints a Dutch block per case (--format
// table: the English table, json: the blocks as JSON); the difference between the
// versions follows. Exit 1 when an answer was refused or unused, or a case
// did not end where the scenario expects.
func runSimulate(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("simulate", "usage: wijkflow simulate FILE [--scenarios S.yaml] [--compare OLD.yaml] [--format table|json]\n\nRuns the sample cases of the scenarios file on the definition in FILE with time\nskipped, and prints per case, in Dutch, the path taken, the deadlines met or late,\nthe escalations that fired and the end. The definitions beside FILE are loaded too, for\nreferrals. Nothing is published and no Temporal server is needed.\n\nflags:", stderr)
	scenarios := fs.String("scenarios", "", "scenarios `file` (default: scenarios/NAME beside the definition)")
	compare := fs.String("compare", "", "an older version of the definition `file`, run on the same scenarios")
	format := fs.String("format", "", "`table` (one row per case, in English, for scripts) or json (the Dutch report as JSON); default: the Dutch report")
	// The file and the flags may come in any order: wijkflow simulate FILE --scenarios S.yaml.
	files, err := parseInterleaved(fs, args, exactly(1))
	if err != nil {
		return exitCode(err)
	}
	file := files[0]
	if *format != "" && *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "--format %s: use table or json (or leave it out for the Dutch report)\n", *format)
		return errExit(2)
	}
	def, related, err := loadForSimulation(file, stdout)
	if err != nil {
		return err
	}
	if *scenarios == "" {
		*scenarios = filepath.Join(filepath.Dir(file), "scenarios", filepath.Base(file))
	}
	sc, issues := simulate.Load(*scenarios, def, related)
	if printIssues(stdout, issues) {
		return errExit(1)
	}
	results := simulate.Run(def, related, sc)
	if *format == "json" {
		return writeSimulationJSON(stdout, results)
	}
	head := words.Msg(words.SimHeader, "gemeente", def.Gemeente, "process", def.Process, "version", def.Version,
		"n", strconv.Itoa(len(sc.Cases)), "file", *scenarios)
	var problems int
	if *format == "table" {
		fmt.Fprintf(stdout, "%s\n\n", head)
		problems = simulate.WriteTable(stdout, results)
	} else {
		fmt.Fprintf(stdout, "%s\n\n", strings.Join(simulate.Wrap(head.NL(), "", "  "), "\n"))
		problems = simulate.WriteReport(stdout, results)
	}
	if *compare != "" {
		old, err := loadOlder(*compare, def, stdout)
		if err != nil {
			return err
		}
		oldSc, issues := simulate.Load(*scenarios, old, related)
		if printIssues(stdout, issues) {
			return errExit(1)
		}
		oldResults := simulate.Run(old, related, oldSc)
		if *format == "table" {
			fmt.Fprintf(stdout, "\ncompared with %s (%s):\n\n", *compare, old.Version)
			simulate.WriteComparison(stdout, oldResults, results)
		} else {
			compared := words.Msg(words.SimCompared, "file", *compare, "version", old.Version).NL()
			fmt.Fprintf(stdout, "\n%s\n\n", strings.Join(simulate.Wrap(compared, "", "  "), "\n"))
			simulate.WriteComparisonReport(stdout, oldResults, results)
		}
	}
	if problems > 0 {
		return errExit(1)
	}
	return nil
}

// loadForSimulation loads the definitions folder of file (for referrals) and returns
// file's definition and the gemeente's other ones.
func loadForSimulation(file string, w io.Writer) (*definitions.Definition, []*definitions.Definition, error) {
	if _, err := os.Stat(file); err != nil {
		fmt.Fprintf(w, "%s: cannot read: %v\n", file, errors.Unwrap(err))
		return nil, nil, errExit(1)
	}
	dir := filepath.Dir(file)
	defs, issues := definitions.LoadDir(dir)
	if printIssues(w, issues) {
		return nil, nil, errExit(1)
	}
	files := definitions.Files(dir)
	var own *definitions.Definition
	for i, f := range files {
		if i < len(defs) && filepath.Clean(f) == filepath.Clean(file) {
			own = defs[i]
		}
	}
	if own == nil {
		fmt.Fprintf(w, "%s: not a definition file (*.yaml or *.yml)\n", file)
		return nil, nil, errExit(1)
	}
	var related []*definitions.Definition
	for _, d := range defs {
		if d.Gemeente == own.Gemeente && d.Process != own.Process {
			related = append(related, d)
		}
	}
	return own, related, nil
}

// loadOlder reads the older version of a definition; it must be the same process.
func loadOlder(file string, cur *definitions.Definition, w io.Writer) (*definitions.Definition, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(w, "%s: cannot read: %v\n", file, errors.Unwrap(err))
		return nil, errExit(1)
	}
	old, issues := definitions.Parse(file, src)
	if printIssues(w, issues) {
		return nil, errExit(1)
	}
	if old.Gemeente != cur.Gemeente || old.Process != cur.Process {
		fmt.Fprintf(w, "%s: is %s/%s; compare it with a version of the same process (%s/%s)\n", file, old.Gemeente, old.Process, cur.Gemeente, cur.Process)
		return nil, errExit(1)
	}
	return old, nil
}

// printIssues prints one line per problem (notes and warnings too) and reports whether
// any was an error: a definition with only warnings is still rehearsed.
func printIssues(w io.Writer, issues definitions.Issues) bool {
	for _, i := range issues {
		fmt.Fprintln(w, i.String())
	}
	return issues.Err() != nil
}
