// Command wijkflow runs, validates and describes wijkflow process definitions.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand: it reads its own flags from args.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands are the subcommands, one file each; "dev" adds itself (devcmd.go), except in
// a build with -tags nodev (nodev.go), which leaves out the embedded Temporal server.
var commands = map[string]command{
	"diagram":  {summary: "print a definition as a Mermaid flowchart", run: plain("diagram", diagramUsage, exactly(1), runDiagram)},
	"migrate":  {summary: "move open cases to another version of their process (--dry-run first)", run: runMigrate},
	"schema":   {summary: "print the JSON Schema of the definition format", run: plain("schema", schemaUsage, exactly(0), runSchema)},
	"setup":    {summary: "create a namespace of a Temporal cluster and its search attributes, once", run: runSetup},
	"simulate": {summary: "rehearse a definition on sample cases, time skipped; --compare an older version", run: runSimulate},
	"validate": {summary: "check definition files or folders; one line per problem", run: plain("validate", validateUsage, atLeast(1), runValidate)},
	"worker":   {summary: "run the worker and task API against a Temporal cluster", run: runWorker},
}

// errExit carries an exit code without printing more (the command already said why).
type errExit int

func (e errExit) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func main() {
	ctx, stop := signalContext()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	var code errExit
	switch {
	case err == nil:
	case errors.As(err, &code):
		os.Exit(int(code))
	default:
		fmt.Fprintln(os.Stderr, "wijkflow:", err)
		os.Exit(1)
	}
}

// signalContext ends on Ctrl-C or SIGTERM (how Kubernetes, systemd and docker stop a
// process): dev and worker then shut down gracefully. After the first signal the
// default handling returns, so a second one quits at once.
func signalContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() { <-ctx.Done(); stop() }()
	return ctx, stop
}

// run dispatches to a subcommand; it is main without the process around it, for tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return c.run(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: wijkflow COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'wijkflow COMMAND -h' for a command's flags.")
}
