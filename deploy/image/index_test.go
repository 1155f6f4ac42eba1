package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/validate"
	"github.com/opencontainers/image-spec/schema"
)

// TestPlatformIndex: --arch amd64,arm64 makes an OCI index naming each image's
// platform, written to a layout and pushed like a single image. The images are stand-ins
// (a cross-compiled binary takes minutes); the build of each is what TestImage* check.
func TestPlatformIndex(t *testing.T) {
	epoch := time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC)
	res, err := combine([]v1.Image{fakeImage(t, epoch, "amd64"), fakeImage(t, epoch, "arm64")})
	if err != nil {
		t.Fatal(err)
	}
	if res.idx == nil {
		t.Fatal("two platforms, no index")
	}
	raw, err := res.idx.RawManifest()
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.ValidatorMediaTypeImageIndex.Validate(bytes.NewReader(raw)); err != nil {
		t.Errorf("OCI schema: %v\n%s", err, raw)
	}
	m, err := res.idx.IndexManifest()
	if err != nil {
		t.Fatal(err)
	}
	var platforms []string
	for _, d := range m.Manifests {
		platforms = append(platforms, d.Platform.String())
	}
	if got := strings.Join(platforms, " "); got != "linux/amd64 linux/arm64/v8" {
		t.Errorf("platforms %s", got)
	}
	want, err := res.idx.Digest()
	if err != nil {
		t.Fatal(err)
	}

	dir := filepath.Join(t.TempDir(), "oci")
	out, err := openOCI(dir, name.MustParseReference("wijkflow:multi").(name.Tag))
	if err != nil {
		t.Fatal(err)
	}
	if err := out.write(res); err != nil {
		t.Fatal(err)
	}
	top, err := layout.ImageIndexFromPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := top.IndexManifest()
	if err != nil || len(tm.Manifests) != 1 || tm.Manifests[0].Digest != want || tm.Manifests[0].Annotations["org.opencontainers.image.ref.name"] != "multi" {
		t.Errorf("layout's index.json: %+v (%v), want the platform index %s named multi", tm, err, want)
	}

	ref, err := name.ParseReference(strings.TrimPrefix(registryTS.URL, "http://") + "/gemeente/wijkflow:multi")
	if err != nil {
		t.Fatal(err)
	}
	if err := push(context.Background(), ref, res); err != nil {
		t.Fatal(err)
	}
	pulled, err := remote.Index(ref)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := pulled.Digest(); err != nil || d != want {
		t.Errorf("pulled index %v (%v), pushed %s", d, err, want)
	}
	// Validated as written: in memory, go-containerregistry's layers carry an empty
	// annotations map that their JSON leaves out, which validate reads as a mismatch.
	fromLayout, err := top.ImageIndex(want)
	if err != nil {
		t.Fatal(err)
	}
	for where, idx := range map[string]v1.ImageIndex{"layout": fromLayout, "registry": pulled} {
		if err := validate.Index(idx); err != nil {
			t.Errorf("validate.Index of the %s's: %v", where, err)
		}
	}
	arm, err := remote.Image(ref, remote.WithPlatform(v1.Platform{OS: "linux", Architecture: "arm64"}))
	if err != nil {
		t.Fatal(err)
	}
	if cf, err := arm.ConfigFile(); err != nil || cf.Architecture != "arm64" {
		t.Errorf("the arm64 pull got %+v (%v)", cf, err)
	}
}
