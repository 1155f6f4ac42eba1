// Package worker wires one wijkflow process: it dials Temporal (Dial, client.go), runs
// the Temporal worker with the case workflow and the activities (NewTemporalWorker), and
// serves beside it, on one address, the task API (package httpapi), the web app
// (webapp.go, package web) and the codec endpoint (codec.go, package codecserver); it
// reloads the definitions folder when asked to (publish.go). New, Start, Shutdown and Run
// are in run.go. It holds wiring only: what is wired lives in the packages below it.
//
// Beside it, and never importing it: searchattrs registers the case search attributes
// before the service starts, demo seeds `wijkflow dev` with cases, devserver runs an
// embedded Temporal server, registry holds the served definitions, auth says who calls.
//
// `wijkflow dev` runs the service against the embedded server of package devserver;
// `wijkflow worker` runs the same against a Temporal cluster. Every process on one task
// queue takes a share of the work, and the task API keeps no state of its own, so
// wijkflow scales by starting more processes.
package worker
