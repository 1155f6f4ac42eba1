//go:build !nodev

package main

// The embedded Temporal server and Web UI are linked only here: `go build -tags nodev`
// makes the binary for a cluster without them (see nodev.go).
func init() {
	commands["dev"] = command{summary: "run it all locally: embedded Temporal + Web UI, worker, task API", run: runDev}
}
