package workflows

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
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

// TestReplayMigratedHistory makes sure the recorded migration is what it claims to be:
// the history holds an accepted migrate update and its version marker, and replays.
func TestReplayMigratedHistory(t *testing.T) {
	file := filepath.Join(historiesDir, "dordrecht-migrated.json")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v; record it with go test ./workflows -run TestRecordHistories/dordrecht-migrated -record", err)
	}
	marker := base64.StdEncoding.EncodeToString([]byte(`"` + migrateChange + `"`)) // the change id, as JSON in a payload
	for _, want := range []string{`"name": "` + UpdateMigrate + `"`, "EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED", `"markerName": "Version"`, marker} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s holds no %s", file, want)
		}
	}
	if err := newReplayer(t).ReplayWorkflowHistoryFromJSONFile(replayLogger(), file); err != nil {
		t.Fatal(err)
	}
}
