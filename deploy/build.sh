#!/bin/sh
# Builds the binary of the container image: without the embedded Temporal server and
# Web UI (-tags nodev), static (no cgo), without paths of the build machine.
# The Dockerfile runs this, and so does `go run ./deploy/image` (which sets GOOS=linux
# and GOARCH); deploy/image_test.go runs it without docker.
#   deploy/build.sh OUT   (from the repository root)
set -eu
out=${1:?usage: deploy/build.sh OUT}
CGO_ENABLED=0 go build -tags nodev -trimpath -ldflags "-s -w" -o "$out" ./cmd/wijkflow
# A binary for another platform cannot run here; one for this platform must.
if [ "$(go env GOOS)/$(go env GOARCH)" = "$(go env GOHOSTOS)/$(go env GOHOSTARCH)" ]; then
  "$out" help >/dev/null
fi
