package workflows

import (
	"testing"

	enumspb "go.temporal.io/api/enums/v1"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// TestRunVersionsOneMarker: a case recorded under run-versions holds one version marker
// for the six changes it stands for, and none of theirs; one recorded before holds each
// of them. (Replay of both is TestReplay's.)
func TestRunVersionsOneMarker(t *testing.T) {
	markers := func(file string) map[string]int {
		out := map[string]int{}
		for _, ev := range recordedEvents(t, historiesDir+"/"+file) {
			if ev.GetEventType() != enumspb.EVENT_TYPE_MARKER_RECORDED {
				continue
			}
			var id string
			if p := ev.GetMarkerRecordedEventAttributes().GetDetails()["change-id"]; p != nil {
				_ = testutil.Keys().DataConverter().FromPayloads(p, &id)
			}
			out[id]++
		}
		return out
	}
	bundled := []string{termsChange, caseClocksChange, escalationChange, listMemoChange, factsChange, factsLastEventsChange}
	now := markers("run-versions-dalfsen.json")
	if now[runVersionsChange] != 1 {
		t.Errorf("run-versions-dalfsen: %d %s markers, want 1 (%v)", now[runVersionsChange], runVersionsChange, now)
	}
	before := markers("list-memo-dalfsen.json")
	for _, id := range bundled {
		if now[id] != 0 {
			t.Errorf("run-versions-dalfsen holds a marker of %s, which run-versions stands for", id)
		}
		if before[id] != 1 {
			t.Errorf("list-memo-dalfsen: %d markers of %s, want 1", before[id], id)
		}
	}
}
