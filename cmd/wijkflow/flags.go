package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlags returns a command's flag set: problems go to stderr, and -h prints usage
// followed by the flags, if the command has any.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args. After -h (usage printed) it returns errHelp, which the command
// returns as success through exitCode; a bad flag is exit status 2, the flag package has
// said why.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return errExit(2)
	}
	return nil
}

// arity says whether a command takes n arguments after its flags; nil takes any number.
type arity func(n int) bool

func exactly(k int) arity { return func(n int) bool { return n == k } }
func atLeast(k int) arity { return func(n int) bool { return n >= k } }

// parseArgs is parseFlags for a command that takes arguments after its flags: it
// returns them, and a number want does not take prints usage and is exit status 2.
func parseArgs(fs *flag.FlagSet, args []string, want arity) ([]string, error) {
	if err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return counted(fs, fs.Args(), want)
}

// parseInterleaved is parseArgs for a command whose arguments and flags may come in any
// order (wijkflow simulate FILE --scenarios S.yaml).
func parseInterleaved(fs *flag.FlagSet, args []string, want arity) ([]string, error) {
	var positional []string
	for rest := args; ; {
		if err := parseFlags(fs, rest); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return counted(fs, positional, want)
		}
		positional, rest = append(positional, fs.Arg(0)), fs.Args()[1:]
	}
}

func counted(fs *flag.FlagSet, args []string, want arity) ([]string, error) {
	if want != nil && !want(len(args)) {
		fs.Usage()
		return nil, errExit(2)
	}
	return args, nil
}

// errHelp is -h: usage printed, nothing else to do.
var errHelp = errors.New("help printed")

// exitCode is what a command returns for a parse error: nothing after -h.
func exitCode(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// runner is what a command that takes no flags does with its arguments.
type runner func(args []string, stdout, stderr io.Writer) error

// plain is the run of a command without flags: usage on -h, the argument count checked
// against want, then r with the arguments. Such a command says only what it does.
func plain(name, usage string, want arity, r runner) func(context.Context, []string, io.Writer, io.Writer) error {
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		got, err := parseArgs(newFlags(name, usage, stderr), args, want)
		if err != nil {
			return exitCode(err)
		}
		return r(got, stdout, stderr)
	}
}
