package worker

import (
	"fmt"
	"time"

	"github.com/rs/zerolog"
	sdklog "go.temporal.io/sdk/log"
)

// Logger adapts a zerolog.Logger to the SDK's log.Logger, so that the worker, the client
// and workflow code (workflow.GetLogger) write structured zerolog records. The SDK logs
// ids (workflow, run, activity) and types, never payloads, so no personal data passes.
type Logger struct {
	z zerolog.Logger
	// skip is the number of extra stack frames between the SDK's call site and ours; it
	// only shows when z records callers (zerolog's Caller()).
	skip int
}

// Interfaces the SDK looks for beyond log.Logger.
var (
	_ sdklog.Logger          = (*Logger)(nil)
	_ sdklog.WithLogger      = (*Logger)(nil)
	_ sdklog.WithSkipCallers = (*Logger)(nil)
)

// NewLogger returns the SDK logger writing to z.
func NewLogger(z zerolog.Logger) *Logger { return &Logger{z: z} }

// Debug logs at debug level with key-value pairs.
func (l *Logger) Debug(msg string, keyvals ...any) { l.log(l.z.Debug(), msg, keyvals) }

// Info logs at info level with key-value pairs.
func (l *Logger) Info(msg string, keyvals ...any) { l.log(l.z.Info(), msg, keyvals) }

// Warn logs at warn level with key-value pairs.
func (l *Logger) Warn(msg string, keyvals ...any) { l.log(l.z.Warn(), msg, keyvals) }

// Error logs at error level with key-value pairs.
func (l *Logger) Error(msg string, keyvals ...any) { l.log(l.z.Error(), msg, keyvals) }

// With returns a logger that adds keyvals to every record; l is unchanged.
func (l *Logger) With(keyvals ...any) sdklog.Logger {
	return &Logger{z: l.z.With().Fields(fields(keyvals)).Logger(), skip: l.skip}
}

// WithCallerSkip returns a logger whose caller is depth frames further up; l is unchanged.
func (l *Logger) WithCallerSkip(depth int) sdklog.Logger {
	return &Logger{z: l.z, skip: l.skip + depth}
}

// callerFrames are the adapter's own frames between the SDK's call and Msg: the level
// method and log.
const callerFrames = 2

func (l *Logger) log(e *zerolog.Event, msg string, keyvals []any) {
	if e == nil { // level disabled: skip the work
		return
	}
	e.Fields(fields(keyvals)).CallerSkipFrame(callerFrames + l.skip).Msg(msg)
}

// forPairs calls f for each key-value pair. A key that is not a string is printed; a
// lone last key gets the value "(MISSING)" rather than being dropped.
func forPairs(keyvals []any, f func(string, any)) {
	for i := 0; i < len(keyvals); i += 2 {
		k, ok := keyvals[i].(string)
		if !ok {
			k = fmt.Sprint(keyvals[i])
		}
		var v any = "(MISSING)"
		if i+1 < len(keyvals) {
			v = keyvals[i+1]
		}
		f(k, v)
	}
}

// fields turns the SDK's key-value pairs into zerolog fields, in order: durations and
// other Stringers as text, errors, times and the rest in their natural JSON form.
func fields(keyvals []any) []any {
	out := make([]any, 0, len(keyvals)+1)
	forPairs(keyvals, func(k string, v any) {
		switch x := v.(type) {
		case error, time.Time:
		case time.Duration:
			v = x.String()
		case fmt.Stringer:
			v = x.String()
		}
		out = append(out, k, v)
	})
	return out
}
