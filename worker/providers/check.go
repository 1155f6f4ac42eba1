package providers

import (
	"fmt"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

// Check checks that every provider a definition's referral steps hand off to is
// configured; it lists each one that is not, as file: steps.<id>.provider. Run it
// whenever definitions are loaded (at start and on reload): a case must never reach a
// hand-off that has nowhere to go.
func Check(defs []*definitions.Definition, configured map[string]activities.Provider) error {
	var issues definitions.Issues
	for _, d := range defs {
		for _, s := range d.Steps {
			if s.Kind != definitions.KindReferral || s.Provider == "" {
				continue
			}
			if p, ok := configured[s.Provider]; ok && p.URL != "" {
				continue
			}
			file := d.File
			if file == "" {
				file = d.Gemeente + "/" + d.Process
			}
			issues = append(issues, definitions.Issue{File: file, Path: "steps." + s.ID + ".provider",
				Message: fmt.Sprintf("provider %q is not configured; add it to the providers file (--providers)", s.Provider)})
		}
	}
	return issues.Err()
}
