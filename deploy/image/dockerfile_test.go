package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

func parseTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
