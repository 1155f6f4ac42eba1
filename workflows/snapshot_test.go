package workflows

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"go.temporal.io/sdk/testsuite"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

func TestSharedSnapshotsByVersionAndOutline(t *testing.T) {
	snap := func(version, start string) *definitions.Definition {
		return &definitions.Definition{Version: version, Gemeente: "utrecht", Process: "p", Start: start}
	}
	base := shared(snap("share-v1", "intake"))
	tests := []struct {
		name string
		def  *definitions.Definition
		same bool
	}{
		{"same version and outline", snap("share-v1", "intake"), true},
		{"other version", snap("share-v2", "intake"), false},
		{"same version, other outline", snap("share-v1", "plan"), false},
		{"no version", snap("", "intake"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shared(tt.def); (got == base) != tt.same {
				t.Errorf("shared = %v, want %v", got == base, tt.same)
			}
		})
	}
}

func TestSharedSnapshotsAreBounded(t *testing.T) {
	first := shared(&definitions.Definition{Version: "snap-bound-0"})
	for i := 1; i <= maxCachedSnapshots; i++ {
		shared(&definitions.Definition{Version: fmt.Sprintf("snap-bound-%d", i)})
	}
	if n := snapshotCache.Len(); n > maxCachedSnapshots {
		t.Errorf("cache holds %d entries, want at most %d", n, maxCachedSnapshots)
	}
	if again := shared(&definitions.Definition{Version: "snap-bound-0"}); again == first {
		t.Error("the oldest entry was not evicted")
	}
}

// TestRunKeepsNoDecodedInputOfItsOwn: the SDK keeps the argument it decoded for as long
// as the run is cached, so the run must share the snapshots in that very value (hence
// a pointer) and drop the intake data the state holds; otherwise every cached case
// keeps its own decoded definition (BenchmarkCachedCaseMemory, 71 KB instead of 31).
func TestRunKeepsNoDecodedInputOfItsOwn(t *testing.T) {
	if k := reflect.TypeOf(CaseWorkflow).In(1).Kind(); k != reflect.Pointer {
		t.Fatalf("CaseWorkflow takes its input as a %v, want a pointer the run can change", k)
	}
	own, related := shipped(t, "dalfsen", "wijkteam")
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetWorkerOptions(sdkworker.Options{DeadlockDetectionTimeout: time.Minute})
	var problems []string
	env.ExecuteWorkflow(func(ctx workflow.Context, in *CaseInput) error {
		if _, err := newCaseRun(ctx, in); err != nil {
			return err
		}
		if want := shared(&own); &in.Definition.Steps[0] != &want.Steps[0] {
			problems = append(problems, "the input's definition is not the shared snapshot")
		}
		for i := range in.Related {
			if want := shared(&related[i]); &in.Related[i].Steps[0] != &want.Steps[0] {
				problems = append(problems, "related "+in.Related[i].Process+" is not the shared snapshot")
			}
		}
		if in.Data != nil {
			problems = append(problems, "the input still holds the intake data")
		}
		return nil
	}, &CaseInput{CaseID: "share-1", Definition: own, Related: related, Team: "lemelerveld", Data: dalfsenIntake()})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}
