package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadFlags: each mistake is refused before the build, with a message that names the
// flag and, where it helps, what to write instead; no half-written file is left.
func TestBadFlags(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "not-pem")
	if err := os.WriteFile(notPEM, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	aFile := filepath.Join(dir, "a-file")
	if err := os.WriteFile(aFile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "nothing to write: give --tar FILE, --oci DIR or --push REF"},
		{[]string{"--tarball", "x.tar"}, "bad flag"},
		{[]string{"--tar", "x.tar", "extra"}, `unexpected argument "extra"`},
		{[]string{"--oci", dir, "--arch", "riscv64"}, `--arch "riscv64": the image is built for amd64 or arm64`},
		{[]string{"--oci", dir, "--arch", "amd64,amd64"}, `--arch "amd64,amd64": amd64 twice`},
		{[]string{"--tar", "x.tar", "--arch", "amd64,arm64"}, "--tar holds one platform (docker load's format); give one --arch, or --oci or --push for amd64,arm64"},
		{[]string{"--tar", "x.tar", "--tag", "Wijkflow:1"}, `--tag "Wijkflow:1"`},
		{[]string{"--push", "https://registry.example.nl/wijkflow:1"}, "without http:// or https://"},
		{[]string{"--push", "registry.example.nl/Wijkflow"}, `--push "registry.example.nl/Wijkflow"`},
		{[]string{"--tar", filepath.Join(dir, "no-such-folder", "w.tar")}, "cannot write in " + filepath.Join(dir, "no-such-folder") + ": no such file or directory"},
		{[]string{"--tar", dir}, "is a folder; give a file name"},
		{[]string{"--oci", filepath.Join(aFile, "oci")}, "cannot make the folder: not a directory"},
		{[]string{"--tar", filepath.Join(dir, "w.tar"), "--ca-certs", filepath.Join(dir, "none.crt")}, "--ca-certs: open " + filepath.Join(dir, "none.crt")},
		{[]string{"--tar", filepath.Join(dir, "w.tar"), "--ca-certs", notPEM}, "no PEM certificate in it"},
		{[]string{"--tar", filepath.Join(aFile, "w.tar")}, "cannot write in " + aFile + ": not a directory"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), c.args, "", &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one with %q", err, c.want)
			}
			if strings.Contains(stderr.String(), "building the binary") {
				t.Error("the build started before the flags were checked")
			}
		})
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".w.tar*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestBadSourceDateEpoch: SOURCE_DATE_EPOCH must be seconds.
func TestBadSourceDateEpoch(t *testing.T) {
	err := run(context.Background(), []string{"--oci", t.TempDir()}, "2026-12-03", new(bytes.Buffer), new(bytes.Buffer))
	if err == nil || !strings.Contains(err.Error(), `SOURCE_DATE_EPOCH="2026-12-03" is not seconds since 1970`) {
		t.Errorf("error %v", err)
	}
}
