package workflows

import (
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/log"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// TestReplayHistories replays every recorded history against the current interpreter:
// a change that alters the commands of a running case fails here with a
// nondeterminism error (guard it with workflow.GetVersion, see doc.go).
func TestReplayHistories(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(historiesDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found %d histories in %s, want at least 2; record them with -record", len(files), historiesDir)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			r := newReplayer(t)
			if err := r.ReplayWorkflowHistoryFromJSONFile(replayLogger(), file); err != nil {
				t.Fatalf("%v\nA case recorded before this change no longer replays: guard the change "+
					"with workflow.GetVersion (see doc.go, Recording histories).", err)
			}
		})
	}
}

// newReplayer returns a replayer with the case workflow registered under its name.
func newReplayer(tb testing.TB) sdkworker.WorkflowReplayer {
	tb.Helper()
	keys := testutil.Keys() // the recorded histories are encrypted (older ones plain)
	r, err := sdkworker.NewWorkflowReplayerWithOptions(sdkworker.WorkflowReplayerOptions{
		DataConverter: keys.DataConverter(), FailureConverter: keys.FailureConverter(),
	})
	if err != nil {
		tb.Fatal(err)
	}
	r.RegisterWorkflowWithOptions(CaseWorkflow, workflow.RegisterOptions{Name: CaseWorkflowName})
	return r
}

// replayLogger drops the replayed workflow's log lines.
func replayLogger() log.Logger { return log.NewStructuredLogger(slog.New(slog.DiscardHandler)) }

// TestReplayDetectsChange makes sure the replay above is not vacuous: a workflow that
// gives other commands under the case workflow's name must fail to replay a history.
func TestReplayDetectsChange(t *testing.T) {
	r, err := sdkworker.NewWorkflowReplayerWithOptions(sdkworker.WorkflowReplayerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	changed := func(ctx workflow.Context, in CaseInput) (CaseResult, error) {
		return CaseResult{}, workflow.Sleep(ctx, time.Hour)
	}
	r.RegisterWorkflowWithOptions(changed, workflow.RegisterOptions{Name: CaseWorkflowName})
	err = r.ReplayWorkflowHistoryFromJSONFile(replayLogger(), filepath.Join(historiesDir, "dordrecht-ggz-handoff.json"))
	if err == nil || !strings.Contains(err.Error(), "nondeterministic") {
		t.Fatalf("replaying with a changed workflow: error %v, want a nondeterminism error", err)
	}
}
