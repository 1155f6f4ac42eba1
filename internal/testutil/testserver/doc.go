// Package testserver starts the Temporal servers of the integration tests, ready for
// cases: the case search attributes registered and, for the in-memory server, mapped by
// every service, and a client that encrypts with the test keys.
//
//   - embedded.go: Start and Dial, the embedded server of `wijkflow dev` (package
//     devserver, SQLite in a folder or in memory), for tests of the service, the
//     commands and the browser.
//   - memory.go: InMemory, the SDK's temporaltest server, for the task API's tests and
//     benchmarks, which run their own worker on it.
//   - users.go: Users, the test users as a service's authenticator.
//
// It imports workflows and never worker, so the tests inside package worker use it too.
package testserver
