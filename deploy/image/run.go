package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// run is main without the process around it, for tests: epochEnv is SOURCE_DATE_EPOCH.
func run(ctx context.Context, args []string, epochEnv string, stdout, stderr io.Writer) (err error) {
	o, err := parseOptions(args, stderr)
	if err != nil {
		return err
	}
	say := func(format string, a ...any) { fmt.Fprintf(stderr, format+"\n", a...) }
	s, err := readSource(epochEnv)
	if err != nil {
		return err
	}
	// The places to write are checked before the minute the build takes.
	var tarOut *tarOutput
	if o.tar != "" {
		if tarOut, err = openTar(o.tar, o.tag); err != nil {
			return err
		}
		defer func() {
			if err != nil {
				tarOut.discard()
			}
		}()
	}
	var ociOut *ociOutput
	if o.oci != "" {
		if ociOut, err = openOCI(o.oci, o.tag); err != nil {
			return err
		}
	}
	var c contents
	if c.caCerts, err = readCACerts(o, say); err != nil {
		return err
	}
	if c.definitions, err = definitionFiles(s.root); err != nil {
		return err
	}
	var images []v1.Image
	for _, arch := range o.archs {
		img, err := build(ctx, c, s, arch, say)
		if err != nil {
			return err
		}
		images = append(images, img)
	}
	res, err := combine(images)
	if err != nil {
		return err
	}
	digest, err := res.taggable().Digest()
	if err != nil {
		return err
	}
	if res.idx != nil {
		say("index of %s: %s", strings.Join(o.archs, ", "), digest)
	}
	if tarOut != nil {
		if err := tarOut.write(res.img); err != nil {
			return err
		}
		say("wrote %s (docker load -i %s: %s)", o.tar, o.tar, o.tag)
	}
	if ociOut != nil {
		if err := ociOut.write(res); err != nil {
			return err
		}
		say("wrote the OCI layout %s", o.oci)
	}
	if o.push != "" {
		if err := push(ctx, o.pushRef, res); err != nil {
			return err
		}
		say("pushed %s@%s", o.pushRef.Context(), digest)
		fmt.Fprintf(stdout, "%s@%s\n", o.pushRef.Context(), digest)
		return nil
	}
	fmt.Fprintln(stdout, digest)
	return nil
}

// build makes the binary and the image, saying what it does.
func build(ctx context.Context, c contents, s source, arch string, say func(string, ...any)) (v1.Image, error) {
	say("building the binary: deploy/build.sh for linux/%s", arch)
	tmp, err := os.MkdirTemp("", "wijkflow-image-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if c.binary, err = buildBinary(ctx, s.root, arch, tmp); err != nil {
		return nil, err
	}
	say("files dated %s (%s); version %q", s.epoch.Format("2006-01-02 15:04:05Z"), s.epochOf, s.version)
	layers, err := c.layers(s)
	if err != nil {
		return nil, err
	}
	var total int64
	for _, l := range layers {
		size, err := l.layer.Size()
		if err != nil {
			return nil, err
		}
		d, err := l.layer.Digest()
		if err != nil {
			return nil, err
		}
		total += size
		say("layer %-11s %8s, %8s gzipped  %s", l.name, human(l.tarSize), human(size), d)
	}
	img, err := assemble(layers, s, arch)
	if err != nil {
		return nil, err
	}
	digest, err := img.Digest()
	if err != nil {
		return nil, err
	}
	say("image linux/%s %s, %s gzipped", arch, digest, human(total))
	return img, nil
}

// human is a size in kB or MB.
func human(n int64) string {
	if n < 1e6 {
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
