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
		{"duration as text", func(l sdklog.Logger) { l.Warn("slow", "Elapsed", 1500*time.Millisecond) },
			map[string]any{"level": "warn", "message": "slow", "Elapsed": "1.5s"}},
		{"odd pair count", func(l sdklog.Logger) { l.Info("odd", "lonely") },
			map[string]any{"level": "info", "message": "odd", "lonely": "(MISSING)"}},
		{"non-string key", func(l sdklog.Logger) { l.Info("key", 7, "x") },
			map[string]any{"level": "info", "message": "key", "7": "x"}},
		{"with adds fields", func(l sdklog.Logger) {
			l.(sdklog.WithLogger).With("Namespace", "default").Debug("polled", "TaskQueue", "wijkflow")
		}, map[string]any{"level": "debug", "message": "polled", "Namespace": "default", "TaskQueue": "wijkflow"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			tc.log(worker.NewLogger(zerolog.New(&buf)))
			var got map[string]any
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("not one JSON record: %q", buf.String())
			}
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

func TestLoggerWithDoesNotChangeParent(t *testing.T) {
	var buf bytes.Buffer
	l := worker.NewLogger(zerolog.New(&buf))
	l.With("WorkflowID", "case-1")
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

// TestLoggerCallerIsTheSDKsCaller checks the caller frame: with WithCallerSkip(0) the
// record names this file, the line that called the adapter.
func TestLoggerCallerIsTheSDKsCaller(t *testing.T) {
	var buf bytes.Buffer
	l := worker.NewLogger(zerolog.New(&buf).With().Caller().Logger())
	l.WithCallerSkip(0).Info("here")
	if !strings.Contains(buf.String(), "log_test.go") {
		t.Errorf("caller is not this file: %s", buf.String())
	}
	buf.Reset()
	helper := func() { l.WithCallerSkip(1).Info("from helper") }
	helper() // the caller must be this line, one frame above the helper
	if !strings.Contains(buf.String(), "log_test.go") {
		t.Errorf("caller with skip 1 is not this file: %s", buf.String())
	}
}
