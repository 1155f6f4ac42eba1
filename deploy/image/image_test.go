package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
	"github.com/google/go-containerregistry/pkg/v1/validate"
)

// TestImageReadsBack reads the image from each place it was written to and validates
// it (manifest, config and every layer's digest, diff id and size). All hold one image:
// the registry and the OCI layout its very manifest; docker's tarball format keeps no
// manifest, so there the config (docker's image id) and the layers are the same.
func TestImageReadsBack(t *testing.T) {
	b := image(t)
	built, err := ociImage(b.oci)
	if err != nil {
		t.Fatal(err)
	}
	wantConfig, wantLayers := parts(t, built)
	for _, r := range []struct {
		name         string
		read         func() (v1.Image, error)
		sameManifest bool
	}{
		{"OCI layout", func() (v1.Image, error) { return built, nil }, true},
		{"registry", func() (v1.Image, error) {
			return remote.Image(b.pushed.Context().Tag("1.0"), remote.WithContext(context.Background()))
		}, true},
		{"tarball", func() (v1.Image, error) { return tarball.ImageFromPath(b.tar, &b.tag) }, false},
	} {
		t.Run(r.name, func(t *testing.T) {
			img, err := r.read()
			if err != nil {
				t.Fatal(err)
			}
			if err := validate.Image(img); err != nil {
				t.Fatalf("validate.Image: %v", err)
			}
			if config, layers := parts(t, img); config != wantConfig || !slices.Equal(layers, wantLayers) {
				t.Errorf("config %s layers %v; built %s %v", config, layers, wantConfig, wantLayers)
			}
			if !r.sameManifest {
				return
			}
			d, err := img.Digest()
			if err != nil || d.String() != b.digest {
				t.Errorf("digest %v (%v), built %s", d, err, b.digest)
			}
			mt, err := img.MediaType()
			if err != nil || mt != types.OCIManifestSchema1 {
				t.Errorf("media type %s (%v), want OCI", mt, err)
			}
		})
	}
}

// parts are an image's config digest and layer digests.
func parts(t *testing.T, img v1.Image) (string, []string) {
	t.Helper()
	config, err := img.ConfigName()
	if err != nil {
		t.Fatal(err)
	}
	layers, err := img.Layers()
	if err != nil {
		t.Fatal(err)
	}
	var digests []string
	for _, l := range layers {
		d, err := l.Digest()
		if err != nil {
			t.Fatal(err)
		}
		digests = append(digests, d.String())
	}
	return config.String(), digests
}

// ociImage is the one image of an OCI layout.
func ociImage(dir string) (v1.Image, error) {
	idx, err := layout.ImageIndexFromPath(dir)
	if err != nil {
		return nil, err
	}
	m, err := idx.IndexManifest()
	if err != nil {
		return nil, err
	}
	if len(m.Manifests) != 1 {
		return nil, fmt.Errorf("%s: %d manifests, want 1", dir, len(m.Manifests))
	}
	return idx.Image(m.Manifests[0].Digest)
}

// TestImageTags: docker load names the image by --tag, the layout's index by its tag.
func TestImageTags(t *testing.T) {
	b := image(t)
	m, err := tarball.LoadManifest(func() (io.ReadCloser, error) { return os.Open(b.tar) })
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 1 || len(m[0].RepoTags) != 1 || m[0].RepoTags[0] != "wijkflow:test" {
		t.Errorf("tarball's manifest.json: %+v, want RepoTags [wijkflow:test]", m)
	}
	if st, err := os.Stat(b.tar); err != nil {
		t.Error(err)
	} else if st.Mode().Perm() != 0o644 {
		t.Errorf("the tarball's mode is %v; want 644, for others to load it", st.Mode())
	}
	idx, err := layout.ImageIndexFromPath(b.oci)
	if err != nil {
		t.Fatal(err)
	}
	im, err := idx.IndexManifest()
	if err != nil || len(im.Manifests) != 1 || im.Manifests[0].Annotations["org.opencontainers.image.ref.name"] != "test" {
		t.Errorf("OCI index: %+v (%v), want one manifest named test", im, err)
	}
}

// TestImageConfig checks what runs: the Dockerfile's entrypoint, command, port and user
// (by number, so Kubernetes' runAsNonRoot can check it), and the labels from git.
func TestImageConfig(t *testing.T) {
	b := image(t)
	img, err := tarball.ImageFromPath(b.tar, &b.tag)
	if err != nil {
		t.Fatal(err)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	df := dockerfile(t)
	c := cf.Config
	if !slices.Equal(c.Entrypoint, df.entrypoint) || !slices.Equal(c.Cmd, df.cmd) {
		t.Errorf("entrypoint %q cmd %q; the Dockerfile has %q %q", c.Entrypoint, c.Cmd, df.entrypoint, df.cmd)
	}
	if _, ok := c.ExposedPorts[df.expose+"/tcp"]; !ok || len(c.ExposedPorts) != 1 {
		t.Errorf("exposed ports %v; the Dockerfile exposes %s", c.ExposedPorts, df.expose)
	}
	if c.User != "65532:65532" || c.WorkingDir != "/home/nonroot" {
		t.Errorf("user %q in %q, want 65532:65532 (nonroot) in /home/nonroot", c.User, c.WorkingDir)
	}
	if cf.OS != "linux" || cf.Architecture != "amd64" {
		t.Errorf("platform %s/%s", cf.OS, cf.Architecture)
	}
	head := git(t, "rev-parse", "HEAD")
	epoch, err := strconv.ParseInt(git(t, "log", "-1", "--format=%ct"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"org.opencontainers.image.source":   "https://github.com/wijkflow/wijkflow",
		"org.opencontainers.image.revision": head,
		"org.opencontainers.image.version":  git(t, "describe", "--tags", "--always", "--dirty"),
	}
	for k, v := range want {
		if c.Labels[k] != v {
			t.Errorf("label %s = %q, want %q", k, c.Labels[k], v)
		}
	}
	if got := cf.Created.Unix(); got != epoch {
		t.Errorf("created %s; the commit's time is %s", cf.Created.UTC(), time.Unix(epoch, 0).UTC())
	}
	if len(cf.History) != 3 || cf.History[2].CreatedBy == "" {
		t.Errorf("history %+v, want one entry per layer", cf.History)
	}
}

// TestTwoBuildsOneDigest builds the commit again, binary and all: the same digest.
func TestTwoBuildsOneDigest(t *testing.T) {
	b := image(t)
	var stdout, stderr bytes.Buffer
	dir := filepath.Join(t.TempDir(), "again")
	if err := run(context.Background(), []string{"--oci", dir}, "", &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if got := strings.TrimSpace(stdout.String()); got != b.digest {
		t.Errorf("second build %s, first %s\nfirst:\n%s\nsecond:\n%s", got, b.digest, b.progress, stderr.String())
	}
}

// TestPushedImagePullsBack pulls the pushed image by the digest the command printed.
func TestPushedImagePullsBack(t *testing.T) {
	b := image(t)
	if _, ok := b.pushed.(name.Digest); !ok {
		t.Fatalf("after --push the command printed %s, want REF@sha256:…", b.pushed)
	}
	img, err := remote.Image(b.pushed)
	if err != nil {
		t.Fatal(err)
	}
	d, err := img.Digest()
	if err != nil || d.String() != b.digest {
		t.Errorf("pulled %v (%v), pushed %s", d, err, b.digest)
	}
	if !strings.Contains(b.progress, "pushed "+b.pushed.String()) {
		t.Errorf("progress does not say what was pushed:\n%s", b.progress)
	}
}
