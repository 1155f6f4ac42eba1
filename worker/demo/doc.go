// Package demo fills a fresh `wijkflow dev` with cases to look at: a few cases per
// gemeente's entry process (Seed), at different steps and one of them overdue, with
// made-up residents and the plainest valid form answers. It holds no real person's data.
//
// Seed goes through the task API's handler, in-process, as the demo users would, so a
// demo case is exactly what a client would create; HasCases tells a restart that the
// namespace already has cases and needs none. `wijkflow dev` and the browser tests use
// it; the service itself (package worker) does not.
package demo
