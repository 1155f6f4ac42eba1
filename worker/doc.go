// Package worker wires wijkflow to Temporal: it dials the client (Dial), registers the
// search attributes (RegisterSearchAttributes), runs the Temporal worker with the case
// workflow and the activities next to the HTTP task API (Run), and adapts zerolog to
// the SDK's logger (NewLogger).
//
// `wijkflow dev` runs it against the embedded server of package devserver; `wijkflow
// worker` runs the same against a Temporal cluster. Every process on one task queue
// takes a share of the work, and the task API keeps no state of its own, so wijkflow
// scales by starting more processes.
package worker
