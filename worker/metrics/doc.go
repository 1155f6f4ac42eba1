// Package metrics is what a wijkflow process tells Prometheus at GET /metrics: the
// Temporal SDK's own client and worker metrics (through the SDK's OpenTelemetry metrics
// handler and OpenTelemetry's Prometheus exporter) and ours: HTTP requests by route
// pattern and status with latency histograms, cases started and closed, task
// completions, hand-offs by outcome, definition reloads and codec decodes.
//
// One process serves one set, so the collectors live in one registry of this package
// (Registry), as Prometheus instrumentation usually does: the packages that count import
// it and add one line where the thing happens, without a metrics value threaded through
// every config. Labels are route patterns, gemeente and process names, outcomes and
// statuses: never a path, a case id or anything a person typed.
package metrics
