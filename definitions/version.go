package definitions

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// ComputeVersion returns the content hash of the definition, e.g. "sha256:1f0c…" (16 hex
// digits). It hashes the canonical JSON (the same form the workflow receives), so two
// spellings of one process ("6 weken" and "6w", another key order, comments) share a
// version while any change of content, the human label included, gives a new one. The
// Version field itself is left out, and d is not changed.
func (d *Definition) ComputeVersion() string {
	c := *d
	c.Version = ""
	b, err := json.Marshal(&c)
	if err != nil {
		// Cannot happen for these plain types; an empty version makes the caller's check fail.
		return ""
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:8])
}
