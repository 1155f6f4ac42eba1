package worker_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	sdklog "go.temporal.io/sdk/log"

	"github.com/wijkflow/wijkflow/worker"
)

func TestLoggerWritesStructuredFields(t *testing.T) {
	for _, tc := range []struct {
		name string
		log  func(sdklog.Logger)
		want map[string]any
	}{
		{"info with pairs", func(l sdklog.Logger) { l.Info("started", "WorkflowID", "case-1", "Attempt", 2) },
			map[string]any{"level": "info", "message": "started", "WorkflowID": "case-1", "Attempt": 2.0}},
		{"error value", func(l sdklog.Logger) { l.Error("failed", "Error", errors.New("boom")) },
			map[string]any{"level": "error", "message": "failed", "Error": "boom"}},
		{"duration in milliseconds, zerolog's unit", func(l sdklog.Logger) { l.Warn("slow", "Elapsed", 1500*time.Millisecond) },
			map[string]any{"level": "warn", "message": "slow", "Elapsed": 1500.0}},
		{"odd pair count keeps the value", func(l sdklog.Logger) { l.Info("odd", "lonely") },
			map[string]any{"level": "info", "message": "odd", "!BADKEY": "lonely"}},
		{"with adds fields", func(l sdklog.Logger) {
			l.(sdklog.WithLogger).With("Namespace", "default").Debug("polled", "TaskQueue", "wijkflow")
		}, map[string]any{"level": "debug", "message": "polled", "Namespace": "default", "TaskQueue": "wijkflow"}},
		{"the case workflow's fields", func(l sdklog.Logger) {
			sdklog.With(l, "case", "case-1", "gemeente", "dalfsen", "step", "intake", "task", "intake-1").Info("task opened")
		}, map[string]any{"level": "info", "message": "task opened", "case": "case-1", "gemeente": "dalfsen", "step": "intake", "task": "intake-1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			tc.log(worker.NewLogger(zerolog.New(&buf)))
			var got map[string]any
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("not one JSON record: %q", buf.String())
			}
			if _, ok := got["time"]; !ok { // the record's time, as the logger has no timestamp of its own
				t.Errorf("no time in %v", got)
			}
			delete(got, "time")
			if len(got) != len(tc.want) {
				t.Errorf("record = %v, want %v", got, tc.want)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("%s = %#v, want %#v (record %v)", k, got[k], v, got)
				}
			}
		})
	}
}

// TestLoggerOneTimestamp: a logger that stamps its records itself (as `wijkflow worker`
// makes it) gets one time field, not two.
func TestLoggerOneTimestamp(t *testing.T) {
	var buf bytes.Buffer
	worker.NewLogger(zerolog.New(&buf).With().Timestamp().Logger()).Info("once")
	if n := strings.Count(buf.String(), `"time"`); n != 1 {
		t.Errorf("%d time fields: %s", n, buf.String())
	}
}

func TestLoggerWithDoesNotChangeParent(t *testing.T) {
	var buf bytes.Buffer
	l := worker.NewLogger(zerolog.New(&buf))
	sdklog.With(l, "WorkflowID", "case-1")
	l.Info("plain")
	if strings.Contains(buf.String(), "case-1") {
		t.Errorf("parent logger got the child's field: %s", buf.String())
	}
}

func TestLoggerSkipsDisabledLevels(t *testing.T) {
	var buf bytes.Buffer
	worker.NewLogger(zerolog.New(&buf).Level(zerolog.WarnLevel)).Info("hidden", "k", "v")
	if buf.Len() != 0 {
		t.Errorf("info logged at warn level: %s", buf.String())
	}
}
