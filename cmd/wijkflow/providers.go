package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker"
)

// loadProviders reads the providers file (none: no providers). With strict (worker),
// every provider a definition hands off to must be configured, or the worker refuses
// to start; without (dev), the others go to the local provider inbox.
func loadProviders(file string, defs []*definitions.Definition, strict bool, stderr io.Writer) (map[string]activities.Provider, error) {
	providers := map[string]activities.Provider{}
	if file != "" {
		p, err := worker.LoadProviders(file, os.Getenv)
		if err != nil {
			fmt.Fprintln(stderr, err)
			fmt.Fprintf(stderr, "wijkflow: fix the providers file %s and start again\n", file)
			return nil, errExit(1)
		}
		providers = p
	}
	if strict {
		if err := worker.CheckProviders(defs, providers); err != nil {
			fmt.Fprintln(stderr, err)
			fmt.Fprintln(stderr, "wijkflow worker: every provider a referral hands off to needs an entry in the providers file (--providers FILE); see README.md, \"Providers\"")
			return nil, errExit(1)
		}
	}
	return providers, nil
}

// inboxProviders lists the providers that hand off to the local inbox in dev, sorted.
func inboxProviders(defs []*definitions.Definition, providers map[string]activities.Provider) []string {
	var out []string
	for _, d := range defs {
		for _, s := range d.Steps {
			if _, ok := providers[s.Provider]; s.Provider != "" && !ok && !slices.Contains(out, s.Provider) {
				out = append(out, s.Provider)
			}
		}
	}
	slices.Sort(out)
	return out
}
