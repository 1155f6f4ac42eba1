package deploy_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// compose is the part of the compose file the test checks.
type compose struct {
	Services map[string]struct {
		Image       string
		Build       *struct{ Context, Dockerfile string }
		Environment map[string]string
		Volumes     []string
		Secrets     []string
		DependsOn   yaml.Node `yaml:"depends_on"`
	}
	Secrets map[string]struct{ File string }
}

func TestComposeFile(t *testing.T) {
	b, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c compose
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	server := temporalVersion(t)
	for _, name := range []string{"postgresql", "temporal-schema", "temporal", "temporal-ui", "wijkflow-setup", "wijkflow-1", "wijkflow-2"} {
		if _, ok := c.Services[name]; !ok {
			t.Errorf("no service %s", name)
		}
	}
	for name, s := range c.Services {
		switch {
		case s.Image == "":
			t.Errorf("%s: no image", name)
		case strings.HasPrefix(s.Image, "temporalio/server:"), strings.HasPrefix(s.Image, "temporalio/admin-tools:"):
			if !strings.HasSuffix(s.Image, ":"+server) {
				t.Errorf("%s: image %s; go.mod has the server %s", name, s.Image, server)
			}
		}
		if s.Build != nil {
			if _, err := os.Stat(filepath.Join(s.Build.Context, s.Build.Dockerfile)); err != nil {
				t.Errorf("%s: build: %v", name, err)
			}
		}
		for _, v := range s.Volumes {
			src, _, _ := strings.Cut(v, ":")
			if strings.HasPrefix(src, ".") {
				if _, err := os.Stat(src); err != nil {
					t.Errorf("%s: volume %s: %v", name, v, err)
				}
			}
		}
		for _, sec := range s.Secrets {
			if _, ok := c.Secrets[sec]; !ok {
				t.Errorf("%s: secret %s is not defined", name, sec)
			}
		}
		if strings.HasPrefix(name, "wijkflow-") && name != "wijkflow-setup" {
			env := s.Environment
			if env["TEMPORAL_ADDRESS"] != "temporal:7233" || env["TEMPORAL_NAMESPACE"] == "" || !slices.Contains(s.Secrets, "wijkflow-keys") {
				t.Errorf("%s: environment %v, secrets %v", name, env, s.Secrets)
			}
		}
	}
	if got := c.Services["temporal"].Environment["DYNAMIC_CONFIG_FILE_PATH"]; !strings.HasSuffix(got, "wijkflow.yaml") {
		t.Errorf("temporal reads dynamic config %q, not ours", got)
	}
}

// temporalVersion is the version of go.temporal.io/server in go.mod, without the v.
func temporalVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "go.temporal.io/server" {
			return strings.TrimPrefix(f[1], "v")
		}
	}
	t.Fatal("go.mod does not require go.temporal.io/server")
	return ""
}
