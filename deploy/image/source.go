package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// source is what the image says about where it came from.
type source struct {
	root     string    // the repository (module) root
	module   string    // the module path, github.com/wijkflow/wijkflow
	revision string    // the commit, "" outside git
	version  string    // git describe: a tag, else the short commit; -dirty when changed
	epoch    time.Time // the time of every file and of the config
	epochOf  string    // where epoch came from, for the progress line
}

// readSource finds the module root from the Go tool and the commit from git. epochEnv is
// SOURCE_DATE_EPOCH (reproducible-builds.org): it wins over the commit's time.
func readSource(epochEnv string) (source, error) {
	gomod, err := output(".", "go", "env", "GOMOD")
	if err != nil || gomod == "" || gomod == "/dev/null" {
		return source{}, fmt.Errorf("run this inside the wijkflow module (go env GOMOD: %q, %v)", gomod, err)
	}
	s := source{root: filepath.Dir(gomod), epoch: time.Unix(0, 0).UTC(), epochOf: "no commit: 1970-01-01"}
	if s.module, err = output(s.root, "go", "list", "-m"); err != nil {
		return source{}, err
	}
	if s.revision, err = output(s.root, "git", "rev-parse", "HEAD"); err == nil {
		s.version, _ = output(s.root, "git", "describe", "--tags", "--always", "--dirty")
		if ct, err := output(s.root, "git", "log", "-1", "--format=%ct"); err == nil {
			if sec, err := strconv.ParseInt(ct, 10, 64); err == nil {
				s.epoch, s.epochOf = time.Unix(sec, 0).UTC(), "the commit's time"
			}
		}
	} else {
		s.revision = ""
	}
	if epochEnv != "" {
		sec, err := strconv.ParseInt(epochEnv, 10, 64)
		if err != nil || sec < 0 {
			return source{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not seconds since 1970", epochEnv)
		}
		s.epoch, s.epochOf = time.Unix(sec, 0).UTC(), "SOURCE_DATE_EPOCH"
	}
	return s, nil
}

// output runs a command in dir and returns its trimmed stdout.
func output(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	b, err := cmd.Output()
	return strings.TrimSpace(string(b)), err
}

// url is the repository's web address, from the module path.
func (s source) url() string { return "https://" + s.module }
