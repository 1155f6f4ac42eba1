package workflows

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/interceptor"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// TestReplayedMemos replays every recorded history and compares each memo upsert the
// current code makes with the recorded one, key by key and value by value. Replay
// itself checks only that an upsert happens, not what it holds; this guards that a
// change to the memo (such as list-memo's flags and resident) leaves the memo of a
// case recorded before it as it was.
func TestReplayedMemos(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(historiesDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	dc := testutil.Keys().DataConverter()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			want := recordedMemos(t, dc, file)
			var got []map[string]any
			r, err := sdkworker.NewWorkflowReplayerWithOptions(sdkworker.WorkflowReplayerOptions{
				DataConverter: dc, FailureConverter: testutil.Keys().FailureConverter(),
				Interceptors: []interceptor.WorkerInterceptor{&memoRecorder{upserted: func(memo map[string]any) {
					got = append(got, asRecorded(t, dc, memo))
				}}},
			})
			if err != nil {
				t.Fatal(err)
			}
			r.RegisterWorkflowWithOptions(CaseWorkflow, workflow.RegisterOptions{Name: CaseWorkflowName})
			if err := r.ReplayWorkflowHistoryFromJSONFile(replayLogger(), file); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d memo upserts replayed, %d recorded", len(got), len(want))
			}
			for i := range want {
				olderTasks(got[i], want[i])
				if !reflect.DeepEqual(got[i], want[i]) {
					g, _ := json.Marshal(got[i])
					w, _ := json.Marshal(want[i])
					t.Errorf("memo upsert %d:\n got  %s\n want %s", i+1, g, w)
				}
			}
		})
	}
}

// recordedMemos decodes the memo upserts of a recorded history, each key's value as
// plain JSON values (maps, slices, strings, numbers).
func recordedMemos(t *testing.T, dc converter.DataConverter, file string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, memo := range recordedMemoUpserts(t, file) {
		m := map[string]any{}
		for k, p := range memo.GetFields() {
			var v any
			if err := dc.FromPayload(p, &v); err != nil {
				t.Fatalf("memo %s: %v", k, err)
			}
			m[k] = v
		}
		out = append(out, m)
	}
	return out
}

// olderTasks drops from the replayed tasks the one field that entered the memo
// without a version: received (TaskSummary.Received, absent in memos written before).
func olderTasks(got, want map[string]any) {
	gt, _ := got[MemoTasks].([]any)
	wt, _ := want[MemoTasks].([]any)
	for i := range min(len(gt), len(wt)) {
		g, _ := gt[i].(map[string]any)
		w, _ := wt[i].(map[string]any)
		if _, ok := w["received"]; !ok && g != nil && w != nil {
			delete(g, "received")
		}
	}
}

// asRecorded is a memo the workflow upserts as it reads back from history.
func asRecorded(t *testing.T, dc converter.DataConverter, memo map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range memo {
		p, err := dc.ToPayload(v)
		if err != nil {
			t.Errorf("memo %s: %v", k, err)
			continue
		}
		var back any
		if err := dc.FromPayload(p, &back); err != nil {
			t.Errorf("memo %s: %v", k, err)
		}
		out[k] = back
	}
	return out
}

// memoRecorder is a worker interceptor that reports every memo a workflow upserts.
type memoRecorder struct {
	interceptor.WorkerInterceptorBase
	upserted func(map[string]any)
}

func (m *memoRecorder) InterceptWorkflow(_ workflow.Context, next interceptor.WorkflowInboundInterceptor) interceptor.WorkflowInboundInterceptor {
	return &memoInbound{WorkflowInboundInterceptorBase: interceptor.WorkflowInboundInterceptorBase{Next: next}, upserted: m.upserted}
}

type memoInbound struct {
	interceptor.WorkflowInboundInterceptorBase
	upserted func(map[string]any)
}

func (i *memoInbound) Init(out interceptor.WorkflowOutboundInterceptor) error {
	return i.Next.Init(&memoOutbound{WorkflowOutboundInterceptorBase: interceptor.WorkflowOutboundInterceptorBase{Next: out}, upserted: i.upserted})
}

type memoOutbound struct {
	interceptor.WorkflowOutboundInterceptorBase
	upserted func(map[string]any)
}

func (o *memoOutbound) UpsertMemo(ctx workflow.Context, memo map[string]any) error {
	o.upserted(memo)
	return o.Next.UpsertMemo(ctx, memo)
}
