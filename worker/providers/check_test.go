package providers

import (
	"slices"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

func TestCheck(t *testing.T) {
	defs, issues := definitions.LoadDir("../../definitions")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	all := map[string]activities.Provider{}
	for _, d := range defs {
		for _, s := range d.Steps {
			if s.Provider != "" {
				all[s.Provider] = activities.Provider{URL: "https://x.example.nl/"}
			}
		}
	}
	if err := Check(defs, all); err != nil {
		t.Fatalf("all configured: %v", err)
	}
	delete(all, "veilig-thuis-ijsselland")
	err := Check(defs, all)
	want := "../../definitions/dalfsen-veilig-thuis.yaml: steps.direct-melden.provider: provider \"veilig-thuis-ijsselland\" is not configured; add it to the providers file (--providers)"
	if err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), want) {
		t.Errorf("error:\n%v\nwant a line\n%s", err, want)
	}
}
