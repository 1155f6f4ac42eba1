package workflows

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/temporalproto"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

// dordrechtMigrated is dordrechtGGZ with a migration while the POH consult is open: the
// new version gives the consult another title and a longer term (its clock is
// recomputed), and the case then ends on the new version.
func dordrechtMigrated(t *testing.T, id string, own definitions.Definition, related []definitions.Definition) liveCase {
	t.Helper()
	to := dordrechtNextVersion(t)
	lc := dordrechtGGZ(id, own, related)
	migrate := liveStep{update: UpdateMigrate, role: "teamleider", migrateTo: &to, open: "poh-consult-1"}
	lc.steps = []liveStep{lc.steps[0], migrate, lc.steps[1]}
	return lc
}

// dordrechtNextVersion is the shipped Dordrecht wijkteam with a new consult title and
// term.
func dordrechtNextVersion(t testing.TB) definitions.Definition {
	t.Helper()
	src, err := os.ReadFile("../definitions/dordrecht-wijkteam.yaml")
	if err != nil {
		t.Fatal(err)
	}
	next := strings.NewReplacer(
		"title: Consult met de POH-GGZ of POH-jeugd van de huisarts", "title: Consult met de praktijkondersteuner (POH)",
		"    role: wijkcoach\n    deadline: 5wd\n", "    role: wijkcoach\n    deadline: 10wd\n",
	).Replace(string(src))
	if next == string(src) {
		t.Fatal("the shipped Dordrecht definition changed; update dordrechtNextVersion")
	}
	d, issues := definitions.Parse("dordrecht-wijkteam.yaml", []byte(next))
	if len(issues) > 0 {
		t.Fatalf("next version: %v", issues)
	}
	return *d
}

// TestReplayMigratedHistory makes sure the recorded migrations are what they claim to
// be: each history holds an accepted migrate update and the version marker of its rule
// (dordrecht-migrated the first, plain-duration rule; dordrecht-migrated-days the rule
// of whole days, migrateWholeDays), and replays.
func TestReplayMigratedHistory(t *testing.T) {
	for name, want := range map[string]workflow.Version{"dordrecht-migrated": migrateFirst, "dordrecht-migrated-days": migrateWholeDays} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(historiesDir, name+".json")
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v; record it with go test ./workflows -run TestRecordHistories/%s -record", err, name)
			}
			for _, s := range []string{`"name": "` + UpdateMigrate + `"`, "EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED"} {
				if !strings.Contains(string(b), s) {
					t.Errorf("%s holds no %s", file, s)
				}
			}
			if got, ok := versionMarker(t, b, migrateChange); !ok || got != want {
				t.Errorf("%s: %s marker %v (found %v), want version %d", file, migrateChange, got, ok, want)
			}
			if err := newReplayer(t).ReplayWorkflowHistoryFromJSONFile(replayLogger(), file); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// versionMarker reads the version a history recorded for change, decoding the marker
// with the test keys (newer histories are encrypted).
func versionMarker(t *testing.T, b []byte, change string) (workflow.Version, bool) {
	t.Helper()
	var hist historypb.History
	if err := (temporalproto.CustomJSONUnmarshalOptions{}).Unmarshal(b, &hist); err != nil {
		t.Fatal(err)
	}
	dc := testutil.Keys().DataConverter()
	for _, ev := range hist.Events {
		m := ev.GetMarkerRecordedEventAttributes()
		if m == nil || m.GetMarkerName() != "Version" {
			continue
		}
		var id string
		var v workflow.Version
		if err := dc.FromPayloads(m.GetDetails()["change-id"], &id); err != nil {
			t.Fatal(err)
		}
		if id != change {
			continue
		}
		if err := dc.FromPayloads(m.GetDetails()["version"], &v); err != nil {
			t.Fatal(err)
		}
		return v, true
	}
	return 0, false
}
