package workflows

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"google.golang.org/protobuf/proto"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// What a case costs in history and in the worker's memory:
//
//	go test ./workflows -run '^$' -bench 'HistoryBytes|CachedCaseMemory' -benchtime 1x
//
// BenchmarkHistoryBytes runs the recorded Dalfsen path (dalfsenRecorded: the full path
// with claim, opschorting, verlenging and a rejected update) on a real in-memory server
// and reports the bytes of its history, of the start event (the input: the definition
// snapshot and its related definitions) and of the update answers; "before" is the same
// path recorded before update answers dropped the trail (before-small-answers-*.json).
func BenchmarkHistoryBytes(b *testing.B) {
	own, related := shipped(b, "dalfsen", "wijkteam")
	live := startLive(b, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var total, start, answers int
	for i := range b.N {
		lc := dalfsenRecorded(fmt.Sprintf("bytes-%d", i), own, related)
		runID, err := lc.run(ctx, live.c)
		if err != nil {
			b.Fatal(err)
		}
		total, start, answers = historyBytes(b, historyOf(ctx, b, live.c, lc.opts.ID, runID))
	}
	b.ReportMetric(float64(total), "history-B")
	b.ReportMetric(float64(start), "input-B")
	b.ReportMetric(float64(answers), "answers-B")
	total, _, answers = historyBytes(b, recordedEvents(b, historiesDir+"/before-small-answers-dalfsen-full-path.json"))
	b.ReportMetric(float64(total), "before-history-B")
	b.ReportMetric(float64(answers), "before-answers-B")
}

// historyOf reads a workflow run's whole history from the server.
func historyOf(ctx context.Context, tb testing.TB, c client.Client, id, runID string) []*historypb.HistoryEvent {
	tb.Helper()
	var out []*historypb.HistoryEvent
	it := c.GetWorkflowHistory(ctx, id, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		ev, err := it.Next()
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

// recordedEvents reads the events of a recorded history (testdata/histories).
func recordedEvents(tb testing.TB, file string) []*historypb.HistoryEvent {
	tb.Helper()
	f, err := os.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	h, err := client.HistoryFromJSON(f, client.HistoryJSONOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return h.GetEvents()
}

// recordedMemoUpserts are the memos a recorded history upserts, in order.
func recordedMemoUpserts(tb testing.TB, file string) []*commonpb.Memo {
	var out []*commonpb.Memo
	for _, ev := range recordedEvents(tb, file) {
		if ev.GetEventType() == enumspb.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED {
			out = append(out, ev.GetWorkflowPropertiesModifiedEventAttributes().GetUpsertedMemo())
		}
	}
	return out
}

// historyBytes sums the events' encoded sizes, the start event's and the update
// completions' (the answers).
func historyBytes(b *testing.B, events []*historypb.HistoryEvent) (total, start, answers int) {
	for _, ev := range events {
		n := proto.Size(ev)
		total += n
		switch ev.GetEventType() {
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
			start += n
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED:
			answers += n
		}
	}
	return total, start, answers
}

// BenchmarkCachedCaseMemory opens 2,000 Dalfsen cases (each waits at its first task,
// held in the worker's sticky cache) and reports the worker's heap per cached case: the
// heap with the cases cached minus the heap after purging the cache, so the in-process
// server's share is left out. "unshared" runs with each case decoding its own copy of
// the definition snapshots (as before snapshot.go). A cached case also keeps one
// goroutine (its workflow coroutine, blocked where it waits) whose stack the heap does
// not count: goroutines/cached-case and stack-KB/cached-case are the same difference
// for them, and a case costs the heap and the stack together.
func BenchmarkCachedCaseMemory(b *testing.B) {
	own, related := shipped(b, "dalfsen", "wijkteam")
	for _, shared := range []bool{true, false} {
		name := "shared"
		if !shared {
			name = "unshared"
		}
		b.Run(name, func(b *testing.B) {
			sharingSnapshots = shared
			defer func() { sharingSnapshots = true }()
			live := startLive(b, nil)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			const n = 2000
			var perCase, stackPerCase, goroutinesPerCase float64
			for range b.N {
				for i := range n {
					id := fmt.Sprintf("mem-%s-%d", name, i)
					in := CaseInput{CaseID: id, Definition: own, Related: related, Team: "lemelerveld", Data: dalfsenIntake()}
					if _, err := live.c.ExecuteWorkflow(ctx, liveStartOptions(id, own, "lemelerveld"), CaseWorkflowName, in); err != nil {
						b.Fatal(err)
					}
					if err := awaitView(ctx, live.c, id, func(CaseView) bool { return true }); err != nil {
						b.Fatal(err)
					}
				}
				cached, cachedStack, cachedGoroutines := testutil.LiveHeap(), stackInuse(), runtime.NumGoroutine()
				sdkworker.PurgeStickyWorkflowCache()
				awaitGoroutines(b, cachedGoroutines-n)
				perCase = float64(cached-testutil.LiveHeap()) / n
				stackPerCase = float64(cachedStack-stackInuse()) / n
				goroutinesPerCase = float64(cachedGoroutines-runtime.NumGoroutine()) / n
			}
			b.ReportMetric(perCase/1024, "KB/cached-case")
			b.ReportMetric(stackPerCase/1024, "stack-KB/cached-case")
			b.ReportMetric(goroutinesPerCase, "goroutines/cached-case")
		})
	}
}

// stackInuse is the memory of goroutine stacks (after the collections of LiveHeap,
// which free the stacks of goroutines that ended).
func stackInuse() int64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.StackInuse)
}

// awaitGoroutines waits until at most want goroutines run: a purged case's coroutine
// ends on its own goroutine, just after the purge lets it go.
func awaitGoroutines(b *testing.B, want int) {
	deadline := time.Now().Add(30 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			b.Logf("still %d goroutines, want %d: the figures count those left", runtime.NumGoroutine(), want)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// BenchmarkMemoBytes reports what the recorded Dalfsen path's memo upserts store (the
// encoded, compressed and encrypted payloads, as in history): their number and bytes,
// the open tasks (MemoTasks) per upsert that carries them, and the resident's name
// (MemoResident) in all. "before" is the path recorded before the memo carried the list
// rows (facts-last-events-dalfsen.json), "list-memo" after (list-memo-dalfsen.json, whose
// melding names the resident). Both are real-time recordings, so a notification may
// report after the close in one and not the other: one facts upsert more or less.
//
//	go test ./workflows -run '^$' -bench MemoBytes -benchtime 1x
func BenchmarkMemoBytes(b *testing.B) {
	for _, file := range []struct{ name, file string }{
		{"before", "facts-last-events-dalfsen.json"}, {"list-memo", "list-memo-dalfsen.json"},
	} {
		b.Run(file.name, func(b *testing.B) {
			var m memoSizes
			for range b.N {
				m = memoBytes(b, filepath.Join(historiesDir, file.file))
			}
			b.ReportMetric(float64(m.upserts), "upserts")
			b.ReportMetric(float64(m.all), "memo-B")
			b.ReportMetric(float64(m.tasks)/float64(m.withTasks), "tasks-B/upsert")
			b.ReportMetric(float64(m.resident), "resident-B")
		})
	}
}

// memoSizes sums a history's memo upserts.
type memoSizes struct {
	upserts, all     int
	withTasks, tasks int
	resident         int
}

// memoBytes sums a recorded history's memo upserts: their number, their bytes, and the
// bytes of MemoTasks and MemoResident among them.
func memoBytes(b *testing.B, file string) memoSizes {
	var s memoSizes
	for _, m := range recordedMemoUpserts(b, file) {
		s.upserts++
		s.all += proto.Size(m)
		if t, ok := m.GetFields()[MemoTasks]; ok {
			s.withTasks++
			s.tasks += proto.Size(t)
		}
		s.resident += proto.Size(m.GetFields()[MemoResident])
	}
	return s
}
