// Package testutil is the one harness the tests of several packages share, so that no
// package keeps its own copy of the set-up:
//
//   - eventually.go: Eventually and Soon wait for a condition with a deadline (never a
//     fixed sleep); RequestTimeout is the API's timeout on a loaded machine.
//   - keys.go: the fixed payload keyring every test and recorded history uses.
//   - shipped.go: the definitions shipped in definitions/ (Shipped, CopyShipped), the
//     test definition and users in testdata/ (TestDefinitions, Path), and a small valid
//     definition to write into files (SmallDefinition).
//   - http.go: Do, one request to a server under test, its answer read whole.
//   - buffer.go: SyncBuffer, a log that a running server writes while the test reads it.
//   - listen.go: Listen, a free port for a service under test.
//   - benchenv.go: BenchOpen, the open cases of a benchmark among many (WIJKFLOW_BENCH_OPEN).
//   - ocel.go: CheckOCEL, an event log held to the OCEL 2.0 JSON Schema (testdata/,
//     its source named in testdata/SCHEMAS.md).
//   - xes.go: CheckXES, an event log held to the IEEE 1849-2016 XES XML Schema by
//     Debian's xmllint (the schema in testdata/, its source in testdata/SCHEMAS.md).
//
// The servers (an embedded Temporal server with the case search attributes registered,
// or the in-memory temporaltest server with them mapped, dialled with the test keys) and
// the test users that call them are in the sub-package testserver: it imports workflows
// and the authenticators, which this package must not, since the workflows tests use it
// and should link fast.
package testutil
