package providers

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

func TestCheck(t *testing.T) {
	defs := testutil.Shipped(t)
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
	want := filepath.Join(testutil.ShippedDir(), "dalfsen-veilig-thuis.yaml") + ": steps.direct-melden.provider: provider \"veilig-thuis-ijsselland\" is not configured; add it to the providers file (--providers)"
	if err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), want) {
		t.Errorf("error:\n%v\nwant a line\n%s", err, want)
	}
}
