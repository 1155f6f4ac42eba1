package main

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// dockerfileFacts are what the Dockerfile's final stage says the image is.
type dockerfileFacts struct {
	entrypoint, cmd []string
	expose, user    string
	copies          []string // the COPY lines
}

// dockerfile reads ../../Dockerfile: the image built here must be the one it builds.
func dockerfile(t *testing.T) dockerfileFacts {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var f dockerfileFacts
	for _, line := range strings.Split(string(b), "\n") {
		word, rest, _ := strings.Cut(line, " ")
		var err error
		switch word {
		case "ENTRYPOINT":
			err = json.Unmarshal([]byte(rest), &f.entrypoint)
		case "CMD":
			err = json.Unmarshal([]byte(rest), &f.cmd)
		case "EXPOSE":
			f.expose = rest
		case "USER":
			f.user = rest
		case "COPY":
			f.copies = append(f.copies, rest)
		}
		if err != nil {
			t.Fatalf("Dockerfile: %s: %v", line, err)
		}
	}
	if f.entrypoint == nil || f.cmd == nil || f.expose == "" || f.user == "" {
		t.Fatalf("Dockerfile: no ENTRYPOINT, CMD, EXPOSE or USER: %+v", f)
	}
	return f
}

// TestImageMatchesDockerfile: the Dockerfile's build stage runs deploy/build.sh as this
// command does, and copies to the paths this command uses; its user nonroot is 65532 in
// the image's own account files.
func TestImageMatchesDockerfile(t *testing.T) {
	f := dockerfile(t)
	b, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "RUN deploy/build.sh ") {
		t.Error("the Dockerfile does not build with deploy/build.sh")
	}
	copies := strings.Join(f.copies, "\n")
	for _, want := range []string{" " + binaryPath + "\n", "/definitions/*.yaml " + definitionsPath + "/"} {
		if !strings.Contains(copies+"\n", want) {
			t.Errorf("the Dockerfile's COPY lines lack %q:\n%s", want, copies)
		}
	}
	if f.user != "nonroot:nonroot" || !strings.Contains(passwd, "nonroot:x:65532:65532:") || !strings.Contains(group, "nonroot:x:65532:") {
		t.Errorf("Dockerfile USER %q; nonroot is 65532 in the image's passwd and group", f.user)
	}
}

// git runs git in the repository and returns its trimmed output.
func git(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = filepath.Join("..", "..")
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(b))
}

// TestDefaultTagIsComposes: docker load of a --tar built with the default tag gives the
// image deploy/compose.yaml runs, so `docker compose up` needs no Docker build.
func TestDefaultTagIsComposes(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Services map[string]struct{ Image string }
	}
	if err := yaml.Unmarshal(b, &compose); err != nil {
		t.Fatal(err)
	}
	o, err := parseOptions([]string{"--tar", "x.tar"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, svc := range []string{"wijkflow-setup", "wijkflow-1", "wijkflow-2"} {
		if got := compose.Services[svc].Image; got != o.tag.String() {
			t.Errorf("compose service %s runs %q; the default --tag is %q", svc, got, o.tag)
		}
	}
}
