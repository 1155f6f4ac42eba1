package workflows

import "github.com/wijkflow/wijkflow/definitions"

// maxCachedSnapshots bounds the definition snapshots kept by the process: a worker
// runs cases of a few dozen versions at most.
const maxCachedSnapshots = 256

// snapshotCache shares one decoded definition per version between all cases a worker
// holds: every case's input carries its snapshot (and the related ones), and without
// sharing each cached case kept its own decoded copy of the same definition. Sharing is
// safe because the version is the content hash and the interpreter never changes a
// definition in place (a migration replaces the pointer).
var snapshotCache = mustLRU[string, *definitions.Definition](maxCachedSnapshots)

// sharingSnapshots is off only in the benchmark that measures what sharing saves.
var sharingSnapshots = true

// shared returns the process's copy of the snapshot d, adding d when it is the first
// of its version. A snapshot without a version, or one that differs from the cached
// copy in its outline (a hand-made test snapshot reusing a version), is not shared.
func shared(d *definitions.Definition) *definitions.Definition {
	if d.Version == "" {
		return d
	}
	prev, found := snapshotCache.Get(d.Version)
	if !found {
		prev, found, _ = snapshotCache.PeekOrAdd(d.Version, d) // keeps one when two add at once
	}
	if found && sameOutline(prev, d) {
		return prev
	}
	return d
}

func sameOutline(a, b *definitions.Definition) bool {
	if a.Gemeente != b.Gemeente || a.Process != b.Process || a.Start != b.Start || len(a.Steps) != len(b.Steps) {
		return false
	}
	for i := range a.Steps {
		if a.Steps[i].ID != b.Steps[i].ID || a.Steps[i].Kind != b.Steps[i].Kind || len(a.Steps[i].Next) != len(b.Steps[i].Next) {
			return false
		}
	}
	return true
}

// shareInput replaces the snapshots of in by the shared copies, so the decoded ones
// are garbage once the run has started.
func shareInput(in *CaseInput) {
	if !sharingSnapshots {
		return
	}
	in.Definition = *shared(&in.Definition)
	shareAll(in.Related)
}

// shareAll replaces each snapshot of defs by its shared copy, in place.
func shareAll(defs []definitions.Definition) {
	for i := range defs {
		defs[i] = *shared(&defs[i])
	}
}
