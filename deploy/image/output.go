package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// tarOutput is --tar: a tarball `docker load` and `podman load` read, with one tag. It
// is written beside its final name and renamed, so a failed build leaves no half file;
// the temporary file is made before the build, so an unwritable place fails at once.
type tarOutput struct {
	path string
	tag  name.Tag
	tmp  *os.File
}

func openTar(path string, tag name.Tag) (*tarOutput, error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("--tar %s: is a folder; give a file name", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, fmt.Errorf("--tar %s: cannot write in %s: %w", path, dir, unwrapPath(err))
	}
	return &tarOutput{path: path, tag: tag, tmp: tmp}, nil
}

func (o *tarOutput) write(img v1.Image) error {
	err := tarball.Write(o.tag, img, o.tmp)
	if cerr := o.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil { // CreateTemp made it 0600; a tarball is for others to load
		err = os.Chmod(o.tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(o.tmp.Name(), o.path)
	}
	if err != nil {
		os.Remove(o.tmp.Name())
		return fmt.Errorf("--tar %s: %w", o.path, err)
	}
	return nil
}

// discard removes the temporary file when the build failed.
func (o *tarOutput) discard() {
	o.tmp.Close()
	os.Remove(o.tmp.Name())
}

// ociOutput is --oci: an OCI image layout whose index.json names this image (or the
// index of its platforms) alone, by the tag (org.opencontainers.image.ref.name). Blobs of earlier builds in the folder stay.
type ociOutput struct {
	dir string
	tag name.Tag
}

func openOCI(dir string, tag name.Tag) (*ociOutput, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--oci %s: cannot make the folder: %w", dir, unwrapPath(err))
	}
	probe, err := os.CreateTemp(dir, ".probe")
	if err != nil {
		return nil, fmt.Errorf("--oci %s: cannot write in it: %w", dir, unwrapPath(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return &ociOutput{dir: dir, tag: tag}, nil
}

func (o *ociOutput) write(r result) error {
	name := layout.WithAnnotations(map[string]string{"org.opencontainers.image.ref.name": o.tag.TagStr()})
	p, err := layout.Write(o.dir, empty.Index)
	switch {
	case err != nil:
	case r.idx != nil:
		err = p.AppendIndex(r.idx, name)
	default:
		err = p.AppendImage(r.img, name)
	}
	if err != nil {
		return fmt.Errorf("--oci %s: %w", o.dir, err)
	}
	return nil
}

// unwrapPath drops the path of a PathError (a temporary name the user never gave).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// push is --push: the image (or index) to a registry, with the credentials docker login
// (or a credential helper in ~/.docker/config.json) left, as crane and ko use them.
func push(ctx context.Context, ref name.Reference, r result) error {
	err := remote.Push(ref, r.taggable(), remote.WithContext(ctx), remote.WithAuthFromKeychain(authn.DefaultKeychain))
	if err != nil {
		return fmt.Errorf("--push %s: %w", ref, err)
	}
	return nil
}
