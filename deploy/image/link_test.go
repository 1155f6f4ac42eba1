package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkerDoesNotLinkTheImageBuilder: the registry client is this command's alone;
// neither the image's binary nor the dev binary links it.
func TestWorkerDoesNotLinkTheImageBuilder(t *testing.T) {
	for _, tags := range []string{"nodev", ""} {
		cmd := exec.Command("go", "list", "-deps", "-tags", tags, "./cmd/wijkflow")
		cmd.Dir = filepath.Join("..", "..")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		for _, pkg := range strings.Fields(string(out)) {
			if strings.Contains(pkg, "go-containerregistry") || strings.Contains(pkg, "image-spec") {
				t.Errorf("-tags %q: cmd/wijkflow links %s", tags, pkg)
			}
		}
	}
}
