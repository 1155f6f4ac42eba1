package registry

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
)

// historyFile is the JSON form of the history: every version published, oldest first.
type historyFile struct {
	Versions []historyEntry `json:"versions"`
}

type historyEntry struct {
	Published  time.Time              `json:"published"`
	Definition definitions.Definition `json:"definition"`
}

// readHistory returns the versions of the history file as a set without current
// versions; nil when there is no file (yet).
func readHistory(file string) (*Set, error) {
	if file == "" {
		return nil, nil
	}
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("definitions history: %w", err)
	}
	var h historyFile
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, fmt.Errorf("definitions history %s: %w; move it away to start a new one", file, err)
	}
	s := &Set{current: map[string]*definitions.Definition{}, byVersion: map[string]*Version{}}
	for i := range h.Versions {
		e := &h.Versions[i]
		// The hash is recomputed: an entry edited by hand must not pose as a version.
		if e.Definition.ComputeVersion() != e.Definition.Version {
			return nil, fmt.Errorf("definitions history %s: entry %d does not match its version %s", file, i, e.Definition.Version)
		}
		s.add(&Version{Definition: &e.Definition, Published: e.Published})
	}
	return s, nil
}

// writeHistory replaces the history file with the versions of s, atomically.
func writeHistory(file string, s *Set) error {
	if file == "" {
		return nil
	}
	var h historyFile
	for _, v := range s.versions {
		h.Versions = append(h.Versions, historyEntry{Published: v.Published, Definition: *v.Definition})
	}
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".definitions-history-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
