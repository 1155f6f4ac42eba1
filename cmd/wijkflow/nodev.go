//go:build nodev

package main

import (
	"context"
	"errors"
	"io"
)

// errNoDev: the binary for a cluster (built with -tags nodev, as the container image is)
// leaves the embedded Temporal server and Web UI out.
var errNoDev = errors.New("this wijkflow is built without the embedded Temporal server (-tags nodev); use `go run ./cmd/wijkflow dev` from the source, or `wijkflow worker` against a cluster")

func init() {
	commands["dev"] = command{
		summary: "not in this build (-tags nodev): the embedded Temporal server is left out",
		run:     func(context.Context, []string, io.Writer, io.Writer) error { return errNoDev },
	}
}
