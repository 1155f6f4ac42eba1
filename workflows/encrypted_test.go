package workflows

import (
	"encoding/base64"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/crypt"
)

// recordEncryptedFlag records the encrypted histories only, leaving the older plain ones
// as they are: go test ./workflows -run TestRecordEncryptedHistories -record-encrypted
var recordEncryptedFlag = flag.Bool("record-encrypted", false, "record the encrypted replay histories")

// encryptedHistories are recorded with every payload encrypted under testutil.Keys.
var encryptedHistories = []string{"encrypted-dalfsen-full-path", "encrypted-dordrecht-ggz-handoff"}

func TestRecordEncryptedHistories(t *testing.T) {
	r := recording(t, *recordEncryptedFlag, "-record-encrypted")
	recordCases(t, map[string]liveCase{
		encryptedHistories[0]: dalfsenRecorded("enc-dalfsen-1", r.dalfsen, r.dalfsenRelated),
		encryptedHistories[1]: dordrechtGGZ("enc-dordrecht-1", r.dordrecht, r.dordrechtRelated),
	})
}

// TestEncryptedHistoriesHoldNoPlainPayload: in the recorded encrypted histories every
// payload but the search attributes is encrypted.
func TestEncryptedHistoriesHoldNoPlainPayload(t *testing.T) {
	for _, name := range encryptedHistories {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(historiesDir, name+".json"))
			if err != nil {
				t.Fatalf("%v (record with -record-encrypted)", err)
			}
			var doc any
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			encrypted, plain := 0, 0
			walkPayloads(doc, "", func(path string, meta map[string]any) {
				enc, _ := base64.StdEncoding.DecodeString(meta["encoding"].(string))
				switch {
				case string(enc) == crypt.Encoding:
					encrypted++
				case strings.Contains(path, "searchAttributes") || strings.Contains(path, "indexedFields"):
				default:
					plain++
					t.Errorf("plain payload (%s) at %s", enc, path)
				}
			})
			if encrypted < 10 || plain > 0 {
				t.Errorf("%d encrypted and %d plain payloads", encrypted, plain)
			}
		})
	}
}

// walkPayloads calls fn for every object with metadata.encoding and data: a payload.
func walkPayloads(v any, path string, fn func(path string, meta map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		if meta, ok := x["metadata"].(map[string]any); ok {
			if _, ok := meta["encoding"].(string); ok {
				fn(path, meta)
				return
			}
		}
		for k, c := range x {
			walkPayloads(c, path+"."+k, fn)
		}
	case []any:
		for _, c := range x {
			walkPayloads(c, path+"[]", fn)
		}
	}
}

// TestEncryptedReplayNeedsTheKey makes the replay of the encrypted histories count: a
// replayer without the keys cannot read their input and fails.
func TestEncryptedReplayNeedsTheKey(t *testing.T) {
	r, err := sdkworker.NewWorkflowReplayerWithOptions(sdkworker.WorkflowReplayerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r.RegisterWorkflowWithOptions(CaseWorkflow, workflow.RegisterOptions{Name: CaseWorkflowName})
	err = r.ReplayWorkflowHistoryFromJSONFile(replayLogger(), filepath.Join(historiesDir, encryptedHistories[1]+".json"))
	if err == nil {
		t.Fatal("an encrypted history replayed without the keys")
	}
}
