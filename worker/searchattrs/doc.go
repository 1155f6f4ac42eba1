// Package searchattrs registers the case search attributes (workflows.SearchAttributes:
// WijkGemeente, WijkStep, WijkStalled, …) in a Temporal namespace, on every boot of
// `wijkflow dev` and `wijkflow worker` and in the tests' servers.
//
// A case upserts them and the task API lists cases by them, so a namespace without
// them refuses every case; Register adds the missing ones and refuses a namespace where
// one exists with another type. It sits apart from package worker so that the test
// harness (internal/testutil/testserver) can prepare a server without the service.
package searchattrs
