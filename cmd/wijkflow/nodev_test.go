package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNodevBuildLeavesTheServerOut builds the binary of the container image (-tags nodev)
// and checks that it links neither the Temporal server nor its Web UI, and that its
// dev command says why it is missing.
func TestNodevBuildLeavesTheServerOut(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
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
	bin := filepath.Join(t.TempDir(), "wijkflow")
	if out, err := exec.Command("go", "build", "-tags", "nodev", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -tags nodev: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "dev").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "-tags nodev") {
		t.Errorf("nodev binary's dev: %v\n%s", err, out)
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
