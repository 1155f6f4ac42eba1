package main

import (
	"archive/tar"
	"bytes"
	"debug/elf"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// file is one file of the image's root file system.
type file struct {
	hdr  *tar.Header
	data []byte
}

// rootfs reads the image's file system as a container runtime would (layers applied in
// order).
func rootfs(t *testing.T, img v1.Image) map[string]file {
	t.Helper()
	rc := mutate.Extract(img)
	defer rc.Close()
	files := map[string]file{}
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files["/"+strings.TrimSuffix(h.Name, "/")] = file{h, data}
	}
}

func sharedImage(t *testing.T) v1.Image {
	t.Helper()
	b := image(t)
	img, err := tarball.ImageFromPath(b.tar, &b.tag)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestImageFiles checks every file's place, mode and owner, and that nothing else is in
// the image.
func TestImageFiles(t *testing.T) {
	img := sharedImage(t)
	files := rootfs(t, img)
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	hostCerts, err := os.ReadFile(systemCACerts)
	if err != nil {
		t.Fatalf("this test compares the image's CA bundle with the machine's: %v", err)
	}
	want := map[string]struct {
		mode     int64
		uid, gid int
		data     []byte // nil: not compared
	}{
		binaryPath:           {0o755, 0, 0, nil},
		"/etc/passwd":        {0o644, 0, 0, []byte(passwd)},
		"/etc/group":         {0o644, 0, 0, []byte(group)},
		"/etc/nsswitch.conf": {0o644, 0, 0, []byte(nsswitch)},
		systemCACerts:        {0o644, 0, 0, hostCerts},
		"/tmp":               {0o1777, 0, 0, nil},
		"/home/nonroot":      {0o700, 65532, 65532, nil},
	}
	defs, err := definitionFiles(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range defs {
		b, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		want[definitionsPath+"/"+filepath.Base(d)] = struct {
			mode     int64
			uid, gid int
			data     []byte
		}{0o644, 0, 0, b}
	}
	for p, w := range want {
		f, ok := files[p]
		switch {
		case !ok:
			t.Errorf("%s is not in the image", p)
		case f.hdr.Mode != w.mode || f.hdr.Uid != w.uid || f.hdr.Gid != w.gid:
			t.Errorf("%s: mode %o owner %d:%d, want %o %d:%d", p, f.hdr.Mode, f.hdr.Uid, f.hdr.Gid, w.mode, w.uid, w.gid)
		case w.data != nil && !bytes.Equal(f.data, w.data):
			t.Errorf("%s: other content than expected", p)
		}
	}
	for p, f := range files {
		if _, ok := want[p]; !ok && f.hdr.Typeflag != tar.TypeDir {
			t.Errorf("%s is in the image, unexpectedly", p)
		}
		if f.hdr.Typeflag == tar.TypeDir && want[p].mode == 0 && (f.hdr.Mode != 0o755 || f.hdr.Uid != 0) {
			t.Errorf("folder %s: mode %o owner %d, want 755 root", p, f.hdr.Mode, f.hdr.Uid)
		}
		if !f.hdr.ModTime.Equal(cf.Created.Time) {
			t.Errorf("%s dated %s, the image %s", p, f.hdr.ModTime, cf.Created.Time)
		}
	}
}

// TestBinaryRunsInTheImage extracts the image and runs its binary in it: the image's root
// as /, as user 65532 (a user namespace maps it to this test's user), with the image's
// PATH and working folder and nothing of the build machine. It must be static, and
// must validate the definitions the image ships.
func TestBinaryRunsInTheImage(t *testing.T) {
	img := sharedImage(t)
	root := t.TempDir()
	for p, f := range rootfs(t, img) {
		dst := filepath.Join(root, p)
		var err error
		if f.hdr.Typeflag == tar.TypeDir {
			err = os.MkdirAll(dst, fs.FileMode(f.hdr.Mode).Perm())
		} else {
			if err = os.MkdirAll(filepath.Dir(dst), 0o755); err == nil {
				err = os.WriteFile(dst, f.data, fs.FileMode(f.hdr.Mode).Perm())
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	bin, err := elf.Open(filepath.Join(root, binaryPath))
	if err != nil {
		t.Fatal(err)
	}
	libs, err := bin.ImportedLibraries()
	for _, p := range bin.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary has a dynamic loader (PT_INTERP): not static")
		}
	}
	bin.Close()
	if err != nil || len(libs) > 0 {
		t.Errorf("the binary needs libraries %v (%v): not static", libs, err)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"help"}, {"validate", definitionsPath}} {
		cmd := exec.Command(binaryPath, args...)
		cmd.Env = cf.Config.Env
		cmd.Dir = cf.Config.WorkingDir
		cmd.SysProcAttr = &syscall.SysProcAttr{
			Chroot:      root,
			Cloneflags:  syscall.CLONE_NEWUSER,
			UidMappings: []syscall.SysProcIDMap{{ContainerID: nonroot, HostID: os.Getuid(), Size: 1}},
			GidMappings: []syscall.SysProcIDMap{{ContainerID: nonroot, HostID: os.Getgid(), Size: 1}},
			Credential:  &syscall.Credential{Uid: nonroot, Gid: nonroot, NoSetGroups: true},
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("wijkflow %s in the image: %v\n%s", strings.Join(args, " "), err, out)
		}
		if args[0] == "validate" && !strings.Contains(string(out), "definitions valid") {
			t.Errorf("wijkflow validate in the image:\n%s", out)
		}
	}
}
