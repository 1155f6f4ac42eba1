package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// Where the Dockerfile puts things; TestImageMatchesDockerfile holds the two together.
const (
	binaryPath      = "/usr/local/bin/wijkflow"
	definitionsPath = "/etc/wijkflow/definitions"
	apiPort         = "8080/tcp"
)

// entrypoint and cmd are the Dockerfile's ENTRYPOINT and CMD.
var (
	entrypoint = []string{binaryPath, "worker"}
	cmd        = []string{"--api-addr", ":8080", "--definitions", definitionsPath, "--watch=false"}
)

// contents are the files of the image, as layers from the least to the most often
// changed: the base, the definitions, the binary.
type contents struct {
	caCerts     []byte // nil for none
	definitions []string
	binary      []byte
}

// layers builds the three layers.
func (c contents) layers(s source) ([]layer, error) {
	base := baseEntries(c.caCerts)
	defs := []entry{rootDir(definitionsPath, 0o755)}
	for _, f := range c.definitions {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		defs = append(defs, rootFile(definitionsPath+"/"+filepath.Base(f), 0o644, b))
	}
	specs := []struct {
		name, comment string
		entries       []entry
	}{
		{"base", "accounts (nonroot 65532), CA certificates, /tmp", base},
		{"definitions", "the shipped process definitions", defs},
		{"binary", "deploy/build.sh: CGO_ENABLED=0 go build -tags nodev", []entry{rootFile(binaryPath, 0o755, c.binary)}},
	}
	var out []layer
	for _, sp := range specs {
		l, err := newLayer(sp.name, sp.comment, sp.entries, s.epoch)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// assemble puts the layers on an empty base with OCI media types and the config of the
// Dockerfile's final stage.
func assemble(layers []layer, s source, arch string) (v1.Image, error) {
	img := mutate.ConfigMediaType(mutate.MediaType(empty.Image, types.OCIManifestSchema1), types.OCIConfigJSON)
	created := v1.Time{Time: s.epoch}
	var adds []mutate.Addendum
	for _, l := range layers {
		adds = append(adds, mutate.Addendum{Layer: l.layer, History: v1.History{
			Created: created, CreatedBy: "go run ./deploy/image: " + l.name, Comment: l.comment,
		}})
	}
	img, err := mutate.Append(img, adds...)
	if err != nil {
		return nil, err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.Created = created
	cf.OS, cf.Architecture = "linux", arch
	if arch == "arm64" {
		cf.Variant = "v8"
	}
	cf.Config = v1.Config{
		Entrypoint:   entrypoint,
		Cmd:          cmd,
		User:         fmt.Sprintf("%d:%d", nonroot, nonroot),
		WorkingDir:   homeDir,
		ExposedPorts: map[string]struct{}{apiPort: {}},
		Env:          []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "SSL_CERT_FILE=" + systemCACerts},
		Labels:       labels(s),
	}
	return mutate.ConfigFile(img, cf)
}

// labels are the OCI annotations a registry and a scanner read.
func labels(s source) map[string]string {
	l := map[string]string{
		"org.opencontainers.image.title":       "wijkflow",
		"org.opencontainers.image.description": "wijkflow worker: task API, web app, codec endpoint and case worker on Temporal",
		"org.opencontainers.image.source":      s.url(),
		"org.opencontainers.image.created":     s.epoch.Format("2006-01-02T15:04:05Z07:00"),
	}
	if s.revision != "" {
		l["org.opencontainers.image.revision"] = s.revision
		l["org.opencontainers.image.version"] = s.version
	}
	return l
}

// definitionFiles are the files the Dockerfile copies: definitions/*.yaml, sorted.
func definitionFiles(root string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(root, "definitions", "*.yaml"))
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no definitions/*.yaml in %s", root)
	}
	sort.Strings(files)
	return files, err
}
