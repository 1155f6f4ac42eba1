// Package cluster starts wijkflow's local production topology on this machine, the way a
// platform team runs it (README, "Running in production"): PostgreSQL from Debian's
// packages, a Temporal server built from the version in go.mod with its schemas set up by
// temporal-sql-tool, a namespace with retention, and several `wijkflow worker` processes
// on one task queue, each with its own API address and the same keys, session key and
// users.
//
// Start returns the addresses and a Stop; the end-to-end test (cluster_test.go), the
// side-by-side benchmark (bench_test.go) and the script scripts/cluster use it. Every
// process is a real process of its own, so a test can kill -9 a worker or restart the
// Temporal server. Binaries are built once and cached under .cache/bin, keyed by version:
//
//   - binaries.go: the Temporal server and SQL tool (go install …@version) and wijkflow;
//   - postgres.go: initdb and postgres in a directory of the test, on a free port;
//   - temporal.go, temporalconfig.go: the schemas, the server's config and the namespace;
//   - workers.go: the wijkflow workers and their readiness;
//   - process.go: one child process, its log, kill -9 and a clean stop.
package cluster
