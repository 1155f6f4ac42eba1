package workflows

import (
	"fmt"
	"testing"

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
