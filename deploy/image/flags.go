package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/google/go-containerregistry/pkg/name"
)

// archs are the platforms the image is built for: linux on these.
var archs = []string{"amd64", "arm64"}

// errFlagSaid is a flag the flag package refused, having said why (and printed usage).
var errFlagSaid = errors.New("bad flag")

// options are the flags.
type options struct {
	tar, oci, push string
	tag            name.Tag
	pushRef        name.Reference // push, parsed
	archs          []string       // one image per CPU; several make an index
	caFile         string         // "" for none
	caAsked        bool           // --ca-certs given: a missing file is an error, not a warning
}

const usage = `usage: go run ./deploy/image [--tar FILE [--tag NAME]] [--oci DIR] [--push REF] [--arch amd64,arm64]

Builds the wijkflow worker image without Docker (the Dockerfile's image, on an empty base
with distroless's accounts and the build machine's CA certificates) and writes it to each
place asked for. Progress goes to stderr; the digest to stdout.`

// parseOptions reads the flags; the checks that need no build come first.
func parseOptions(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("image", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, usage); fs.PrintDefaults() }
	var o options
	tag := fs.String("tag", "wijkflow:latest", "the image's name in --tar and --oci (docker load shows it)")
	fs.StringVar(&o.tar, "tar", "", "write a docker/podman load-able tarball to `FILE`")
	fs.StringVar(&o.oci, "oci", "", "write an OCI image layout to `DIR`")
	fs.StringVar(&o.push, "push", "", "push to the registry `REF` (registry/repository:tag), with docker's credentials")
	arch := fs.String("arch", "amd64", "the image's CPU, amd64 or arm64 (linux); both, comma-separated, make a multi-platform index for --oci and --push")
	fs.StringVar(&o.caFile, "ca-certs", systemCACerts, "the CA bundle to copy into the image; \"\" for none")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, err
		}
		return o, errFlagSaid
	}
	fs.Visit(func(f *flag.Flag) { o.caAsked = o.caAsked || f.Name == "ca-certs" })
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q; every option is a flag (see -h)", fs.Arg(0))
	}
	if o.tar == "" && o.oci == "" && o.push == "" {
		return o, errors.New("nothing to write: give --tar FILE, --oci DIR or --push REF (see -h)")
	}
	for _, a := range strings.Split(*arch, ",") {
		switch {
		case !slices.Contains(archs, a):
			return o, fmt.Errorf("--arch %q: the image is built for amd64 or arm64", *arch)
		case slices.Contains(o.archs, a):
			return o, fmt.Errorf("--arch %q: %s twice", *arch, a)
		}
		o.archs = append(o.archs, a)
	}
	if len(o.archs) > 1 && o.tar != "" {
		return o, fmt.Errorf("--tar holds one platform (docker load's format); give one --arch, or --oci or --push for %s", *arch)
	}
	t, err := name.NewTag(*tag)
	if err != nil {
		return o, fmt.Errorf("--tag %q: %w", *tag, err)
	}
	o.tag = t
	if o.push != "" {
		if strings.Contains(o.push, "://") {
			return o, fmt.Errorf("--push %q: write registry/repository:tag, without http:// or https://", o.push)
		}
		if o.pushRef, err = name.ParseReference(o.push); err != nil {
			return o, fmt.Errorf("--push %q: %w", o.push, err)
		}
	}
	return o, nil
}
