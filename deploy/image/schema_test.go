package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opencontainers/image-spec/schema"
)

// TestOCISchemas checks the manifest, config, index and layout header against the JSON
// schemas the OCI image-spec publishes (embedded in its Go module: no network).
func TestOCISchemas(t *testing.T) {
	b := image(t)
	img, err := ociImage(b.oci)
	if err != nil {
		t.Fatal(err)
	}
	manifest, err := img.RawManifest()
	if err != nil {
		t.Fatal(err)
	}
	config, err := img.RawConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(b.oci, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, c := range []struct {
		what string
		v    schema.Validator
		data []byte
	}{
		{"manifest", schema.ValidatorMediaTypeManifest, manifest},
		{"config", schema.ValidatorMediaTypeImageConfig, config},
		{"index.json", schema.ValidatorMediaTypeImageIndex, read("index.json")},
		{"oci-layout", schema.ValidatorMediaTypeLayoutHeader, read("oci-layout")},
	} {
		if err := c.v.Validate(bytes.NewReader(c.data)); err != nil {
			t.Errorf("%s: %v\n%s", c.what, err, c.data)
		}
	}
	// The validator does check: a manifest of the wrong schema version fails.
	broken := bytes.Replace(manifest, []byte(`"schemaVersion":2`), []byte(`"schemaVersion":1`), 1)
	if bytes.Equal(broken, manifest) {
		t.Fatalf("no schemaVersion 2 in the manifest: %s", manifest)
	}
	if err := schema.ValidatorMediaTypeManifest.Validate(bytes.NewReader(broken)); err == nil || !strings.Contains(err.Error(), "schemaVersion") {
		t.Errorf("a manifest of schema version 1 passed: %v", err)
	}
}
