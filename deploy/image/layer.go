package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"path"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// entry is one file or folder of a layer. Paths are absolute in the image.
type entry struct {
	path     string
	mode     fs.FileMode // with fs.ModeDir for a folder
	uid, gid int
	data     []byte
}

// rootDir and rootFile are entries owned by root, as the files of distroless are.
func rootDir(p string, perm fs.FileMode) entry { return entry{path: p, mode: fs.ModeDir | perm} }
func rootFile(p string, perm fs.FileMode, data []byte) entry {
	return entry{path: p, mode: perm, data: data}
}

// layer is a named layer with what docker history shows for it.
type layer struct {
	name    string
	comment string
	layer   v1.Layer
	tarSize int64 // uncompressed
}

// newLayer writes entries as a gzipped OCI layer. Every header carries mtime and numeric
// owners only, and folders a file needs come first (root, 0755) unless listed, so the
// same entries always give the same bytes and so the same digest.
func newLayer(name, comment string, entries []entry, mtime time.Time) (layer, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	written := map[string]bool{}
	listed := map[string]entry{}
	for _, e := range entries {
		listed[e.path] = e
	}
	var write func(e entry) error
	write = func(e entry) error {
		if written[e.path] {
			return nil
		}
		if parent := path.Dir(e.path); parent != "/" {
			p, ok := listed[parent]
			if !ok {
				p = rootDir(parent, 0o755)
			}
			if err := write(p); err != nil {
				return err
			}
		}
		written[e.path] = true
		return writeEntry(tw, e, mtime)
	}
	for _, e := range entries {
		if err := write(e); err != nil {
			return layer{}, fmt.Errorf("layer %s: %s: %w", name, e.path, err)
		}
	}
	if err := tw.Close(); err != nil {
		return layer{}, err
	}
	raw := buf.Bytes()
	l, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(raw)), nil
	}, tarball.WithMediaType(types.OCILayer), tarball.WithCompressionLevel(gzip.BestCompression),
		tarball.WithCompressedCaching)
	if err != nil {
		return layer{}, fmt.Errorf("layer %s: %w", name, err)
	}
	return layer{name: name, comment: comment, layer: l, tarSize: int64(len(raw))}, nil
}

// writeEntry writes one header (and its data). Names are relative, as in the layers of
// docker and ko; a folder's name ends in a slash.
func writeEntry(tw *tar.Writer, e entry, mtime time.Time) error {
	h := &tar.Header{
		Name:     e.path[1:],
		Typeflag: tar.TypeReg,
		Mode:     int64(e.mode.Perm()),
		Size:     int64(len(e.data)),
		Uid:      e.uid,
		Gid:      e.gid,
		ModTime:  mtime,
	}
	if e.mode&fs.ModeSticky != 0 {
		h.Mode |= 0o1000 // the tar format's sticky bit (c_ISVTX)
	}
	if e.mode.IsDir() {
		h.Name += "/"
		h.Typeflag = tar.TypeDir
		h.Size = 0
	}
	if err := tw.WriteHeader(h); err != nil {
		return err
	}
	_, err := tw.Write(e.data)
	return err
}
