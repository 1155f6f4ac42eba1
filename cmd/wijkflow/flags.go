package main

import (
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

// parseInterleaved is parseFlags for a command whose arguments and flags may come in
// any order (wijkflow simulate FILE --scenarios S.yaml); it returns the arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for rest := args; ; {
		if err := parseFlags(fs, rest); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional, rest = append(positional, fs.Arg(0)), fs.Args()[1:]
	}
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
