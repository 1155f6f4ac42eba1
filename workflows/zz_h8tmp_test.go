package workflows

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"testing"
)

func BenchmarkH8Decode(b *testing.B) {
	var h struct {
		Events []struct {
			A struct {
				Input struct {
					Payloads []struct{ Data string } `json:"payloads"`
				} `json:"input"`
			} `json:"workflowExecutionStartedEventAttributes"`
		} `json:"events"`
	}
	raw, _ := os.ReadFile("testdata/histories/dalfsen-full-path.json")
	_ = json.Unmarshal(raw, &h)
	data, _ := base64.StdEncoding.DecodeString(h.Events[0].A.Input.Payloads[0].Data)
	for range b.N {
		var in CaseInput
		if err := json.Unmarshal(data, &in); err != nil {
			b.Fatal(err)
		}
	}
}
