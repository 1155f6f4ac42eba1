package workflows

import (
	"context"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/temporalproto"

	"github.com/wijkflow/wijkflow/definitions"
)

// recordFlag makes TestRecordHistories run: go test ./workflows -run TestRecordHistories -record
var recordFlag = flag.Bool("record", false, "record the replay histories in testdata/histories")

// historiesDir holds the recorded histories that TestReplayHistories replays.
const historiesDir = "testdata/histories"

// TestRecordHistories runs cases of the shipped definitions on a real in-memory server
// and stores their histories as JSON, for TestReplayHistories. Run it when the
// interpreter changes on purpose (see doc.go, "Recording histories").
func TestRecordHistories(t *testing.T) {
	r := recording(t, *recordFlag, "-record")
	recordCases(t, map[string]liveCase{
		"dalfsen-full-path":         dalfsenRecorded("rec-dalfsen-1", r.dalfsen, r.dalfsenRelated),
		"dordrecht-ggz-handoff":     dordrechtGGZ("rec-dordrecht-1", r.dordrecht, r.dordrechtRelated),
		"dalfsen-meldcode-child":    dalfsenMeldcode("rec-dalfsen-2", r.dalfsen, r.dalfsenRelated),
		"dordrecht-handoff-retried": dordrechtRefused("rec-dordrecht-2", r.dordrecht, r.dordrechtRelated, false),
		"dordrecht-handoff-routed":  dordrechtRefused("rec-dordrecht-3", r.dordrecht, r.dordrechtRelated, true),
		"dalfsen-opschorting":       dalfsenOpschorting("rec-dalfsen-3", r.dalfsen, r.dalfsenRelated),
		"dordrecht-migrated":        dordrechtMigrated(t, "rec-dordrecht-4", r.dordrecht, r.dordrechtRelated),
		"dordrecht-migrated-days":   dordrechtMigrated(t, "rec-dordrecht-5", r.dordrecht, r.dordrechtRelated),
		"terms-herstel-event":       termsEventCase("rec-terms-1", def(t, termsEventDef)),
		// The Dalfsen path again, recorded after every answer was kept with its step
		// (answers.go): its state and answers carry the history of veiligheidsrisico.
		"answers-dalfsen-full-path": dalfsenRecorded("rec-dalfsen-4", r.dalfsen, r.dalfsenRelated),
		// A bezwaar within its term, decided on a term from the term's end (Awb 7:10):
		// the first case whose clock counts from a wait step's end (from: <wait>.end).
		"bezwaar-path": bezwaarCase("rec-bezwaar-1", def(t, bezwaarDef)),
		// A melding received seven weeks ago: its term from the melding overdue from the
		// start (case-clocks), the escalation level back to 0 after the late task
		// (escalation-reset).
		"case-clocks-dalfsen-late": dalfsenLate("rec-dalfsen-5", r.dalfsen, r.dalfsenRelated),
		// Recorded after the facts record was published as the memo WijkFacts (facts*.go,
		// GetVersion "wijk-facts"): the Dalfsen path and a Dordrecht hand-off.
		"facts-dalfsen-full-path":     dalfsenRecorded("rec-dalfsen-6", r.dalfsen, r.dalfsenRelated),
		"facts-dordrecht-ggz-handoff": dordrechtGGZ("rec-dordrecht-6", r.dordrecht, r.dordrechtRelated),
		// Recorded after the last publish of a settled case (GetVersion "facts-last-events"):
		// the notification after the close reaches the published events.
		"facts-last-events-dalfsen": dalfsenRecorded("rec-dalfsen-7", r.dalfsen, r.dalfsenRelated),
		// Recorded after the memo carried what a task list row shows (GetVersion "list-memo"):
		// the task's flags through claim, opschorting and verlenging, and the resident's name.
		"list-memo-dalfsen": dalfsenNamed("rec-dalfsen-8", r.dalfsen, r.dalfsenRelated),
		// Recorded after a run took its versions from one marker (GetVersion "run-versions").
		"run-versions-dalfsen": dalfsenNamed("rec-dalfsen-9", r.dalfsen, r.dalfsenRelated),
		// Recorded with a sink that wants every view (worker/firstview): the case offered
		// its view at every publish, and replays without one, command for command.
		"first-view-dalfsen": dalfsenNamed("rec-dalfsen-10", r.dalfsen, r.dalfsenRelated),
	})
}

// recorded is what the recordings run on: the wijkteam processes of Dalfsen and Dordrecht, and
// their gemeenten's other processes.
type recorded struct {
	dalfsen, dordrecht               definitions.Definition
	dalfsenRelated, dordrechtRelated []definitions.Definition
}

// recording skips the test unless its flag (named flag) is on, and loads what the
// recordings run on.
func recording(t *testing.T, on bool, flag string) recorded {
	if !on {
		t.Skip("records only with " + flag)
	}
	var r recorded
	r.dalfsen, r.dalfsenRelated = shipped(t, "dalfsen", "wijkteam")
	r.dordrecht, r.dordrechtRelated = shipped(t, "dordrecht", "wijkteam")
	return r
}

// recordCases runs each case on a live server and saves its history, and its child
// cases', as testdata/histories/NAME.json.
func recordCases(t *testing.T, cases map[string]liveCase) {
	// As on a worker that serves the API beside it (worker/firstview): each case offers
	// its view while it runs, which must leave no trace in its history; the replay
	// tests run without a sink.
	sink := &countingSink{}
	live := startLive(t, nil, &sinkInterceptor{sink: sink})
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			lc := cases[name]
			offered := sink.offered.Load()
			runID, err := lc.run(ctx, live.c)
			if err != nil {
				t.Fatal(err)
			}
			if sink.offered.Load() == offered {
				t.Fatal("the case offered no view while it ran: the recording would not show that offers leave history alone")
			}
			saveHistory(ctx, t, live, lc.opts.ID, runID, name)
			for _, child := range lc.children {
				saveHistory(ctx, t, live, lc.opts.ID+child, "", name+child)
			}
		})
	}
}

// saveHistory writes a workflow run's history to testdata/histories/NAME.json in the
// JSON form ReplayWorkflowHistoryFromJSONFile reads.
func saveHistory(ctx context.Context, t *testing.T, live *liveServer, id, runID, name string) {
	t.Helper()
	hist := &historypb.History{Events: historyOf(ctx, t, live.c, id, runID)}
	b, err := temporalproto.CustomJSONMarshalOptions{Indent: "  "}.Marshal(hist)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(historiesDir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(historiesDir, name+".json")
	if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d events", file, len(hist.Events))
}
