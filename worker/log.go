package worker

import (
	"log/slog"

	"github.com/rs/zerolog"
	sdklog "go.temporal.io/sdk/log"
)

// NewLogger returns the SDK's logger writing to z, so that the worker, the client and
// workflow code (workflow.GetLogger) write structured zerolog records: the SDK's own
// slog adapter over zerolog's slog handler. The SDK logs ids (workflow, run, activity)
// and types, never payloads, and the case workflow adds only case, gemeente, step and
// task, so no personal data passes.
func NewLogger(z zerolog.Logger) sdklog.Logger {
	return sdklog.NewStructuredLogger(slog.New(zerolog.NewSlogHandler(z)))
}
