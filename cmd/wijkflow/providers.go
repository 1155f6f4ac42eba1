package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/providers"
	"github.com/wijkflow/wijkflow/worker/registry"
)

// loadProviders reads the providers file (none: no providers). The worker adds
// providerCheck to its registry, so that neither a start nor a reload accepts a
// definition that hands off to a provider not in the file; dev sends those to the local
// provider inbox instead.
func loadProviders(file string, stderr io.Writer) (map[string]activities.Provider, error) {
	if file == "" {
		return map[string]activities.Provider{}, nil
	}
	p, err := providers.Load(file, os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "wijkflow: fix the providers file %s and start again\n", file)
		return nil, errExit(1)
	}
	return p, nil
}

// providerCheck is providers.Check as a check of every load and reload.
func providerCheck(configured map[string]activities.Provider) registry.Check {
	return func(defs []*definitions.Definition) definitions.Issues {
		var issues definitions.Issues
		errors.As(providers.Check(defs, configured), &issues)
		return issues
	}
}

// inboxProviders lists the providers that hand off to the local inbox in dev, sorted.
func inboxProviders(defs []*definitions.Definition, configured map[string]activities.Provider) []string {
	var out []string
	for _, d := range defs {
		for _, s := range d.Steps {
			if _, ok := configured[s.Provider]; s.Provider != "" && !ok && !slices.Contains(out, s.Provider) {
				out = append(out, s.Provider)
			}
		}
	}
	slices.Sort(out)
	return out
}
