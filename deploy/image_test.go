package deploy_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestImageBuildSteps runs the build stage's script as the Dockerfile does, without
// docker, and checks the Dockerfile: it builds with that script and runs as nonroot;
// the binary's dev command says the embedded server is left out.
func TestImageBuildSteps(t *testing.T) {
	b, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(b)
	for _, want := range []string{"RUN deploy/build.sh /out/wijkflow", "USER nonroot", `ENTRYPOINT ["/usr/local/bin/wijkflow", "worker"]`} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	if n := strings.Count(df, "\nFROM "); n < 2 {
		t.Error("Dockerfile is not multi-stage")
	}
	out := filepath.Join(t.TempDir(), "wijkflow")
	cmd := exec.Command("deploy/build.sh", out)
	cmd.Dir = ".."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("deploy/build.sh: %v\n%s", err, b)
	}
	help, err := exec.Command(out, "help").Output()
	if err != nil || !strings.Contains(string(help), "worker") || !strings.Contains(string(help), "not in this build") {
		t.Errorf("the image's binary: %v\n%s", err, help)
	}
	if b, err := exec.Command(out, "dev").CombinedOutput(); err == nil || !strings.Contains(string(b), "-tags nodev") {
		t.Errorf("the image's dev command: %v\n%s", err, b)
	}
	st, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("image binary: %.1f MB", float64(st.Size())/1e6)
}
