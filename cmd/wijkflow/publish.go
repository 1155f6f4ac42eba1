package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/registry"
)

// definitionChecks are the checks beyond the loader's that every load and reload runs:
// checks that need the service's configuration (such as the providers a definition hands
// off to) are added here, so a reload refuses what a restart would refuse.
var definitionChecks []registry.Check

// openRegistry loads the definitions folder into a registry that can publish changes
// later; with problems it prints one line each and refuses, since a broken definition
// must never start cases. history (may be empty) keeps published versions across
// restarts.
func openRegistry(dir, history string, log zerolog.Logger, w io.Writer, checks ...registry.Check) (*registry.Registry, error) {
	if _, err := loadDefinitions(dir, w); err != nil {
		return nil, err
	}
	if history != "" {
		if err := os.MkdirAll(filepath.Dir(history), 0o755); err != nil {
			return nil, err
		}
	}
	reg, err := registry.New(registry.Config{Dir: dir, Checks: append(slices.Clip(definitionChecks), checks...), History: history, Logger: log})
	var issues definitions.Issues
	if errors.As(err, &issues) {
		for _, i := range issues {
			fmt.Fprintln(w, i.String())
		}
		fmt.Fprintf(w, "wijkflow: %d problem(s) in %s; fix them and start again\n", len(issues), dir)
		return nil, errExit(1)
	}
	return reg, err
}
