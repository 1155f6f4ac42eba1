package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNodevBuildLeavesTheServerOut checks that the binary of the container image
// (-tags nodev) links neither the Temporal server nor its Web UI; deploy/image_test.go
// builds it and runs its dev command.
func TestNodevBuildLeavesTheServerOut(t *testing.T) {
	deps := func(tags ...string) []string {
		out, err := exec.Command("go", append(append([]string{"list", "-deps"}, tags...), ".")...).Output()
		if err != nil {
			t.Fatalf("go list %v: %v", tags, err)
		}
		return strings.Fields(string(out))
	}
	full, nodev := deps(), deps("-tags", "nodev")
	t.Logf("packages linked: %d, with -tags nodev %d", len(full), len(nodev))
	for _, banned := range []string{"go.temporal.io/server/", "github.com/temporalio/ui-server/v2/", "github.com/wijkflow/wijkflow/worker/devserver"} {
		if !hasPrefix(full, banned) {
			t.Errorf("the full build lacks %s: the check proves nothing", banned)
		}
		if hasPrefix(nodev, banned) {
			t.Errorf("-tags nodev still links %s", banned)
		}
	}
}

func hasPrefix(pkgs []string, prefix string) bool {
	for _, p := range pkgs {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}
