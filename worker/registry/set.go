package registry

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
)

// Version is one published version of a process.
type Version struct {
	Definition *definitions.Definition
	// Published is when this process first served the version (or when the history
	// file says it was first published).
	Published time.Time
}

// Set is one immutable state of the registry: the current version of every process
// (new cases start there) and every version published before. Never change a Set or
// the definitions it holds; a reload builds a new one.
type Set struct {
	current   map[string]*definitions.Definition // "gemeente/process"
	byVersion map[string]*Version
	versions  []*Version // publish order
	hash      string
}

// newSet builds a set whose current versions are cur; prev contributes the versions
// published before (nil for the first set).
func newSet(cur []*Version, prev *Set) *Set {
	s := &Set{current: map[string]*definitions.Definition{}, byVersion: map[string]*Version{}}
	if prev != nil {
		for _, v := range prev.versions {
			s.add(v)
		}
	}
	for _, v := range cur {
		if old := s.byVersion[v.Definition.Version]; old != nil {
			// The same content again: keep its first publication.
			v = &Version{Definition: v.Definition, Published: old.Published}
			s.byVersion[v.Definition.Version] = v
			for i := range s.versions {
				if s.versions[i] == old {
					s.versions[i] = v
				}
			}
		} else {
			s.add(v)
		}
		s.current[key(v.Definition.Gemeente, v.Definition.Process)] = v.Definition
	}
	s.hash = hashOf(s.Current())
	return s
}

func (s *Set) add(v *Version) {
	if s.byVersion[v.Definition.Version] != nil {
		return
	}
	s.byVersion[v.Definition.Version] = v
	s.versions = append(s.versions, v)
}

func key(gemeente, process string) string { return gemeente + "/" + process }

// Lookup returns the version new cases of gemeente and process start on, or nil.
func (s *Set) Lookup(gemeente, process string) *definitions.Definition {
	return s.current[key(gemeente, process)]
}

// ByVersion returns any published version by its content hash, or nil.
func (s *Set) ByVersion(version string) *definitions.Definition {
	if v := s.byVersion[version]; v != nil {
		return v.Definition
	}
	return nil
}

// IsCurrent reports whether d is the version new cases of its process start on.
func (s *Set) IsCurrent(d *definitions.Definition) bool {
	c := s.Lookup(d.Gemeente, d.Process)
	return c != nil && c.Version == d.Version
}

// Current returns the current version of every process, sorted by gemeente and process.
func (s *Set) Current() []*definitions.Definition {
	out := make([]*definitions.Definition, 0, len(s.current))
	for _, d := range s.current {
		out = append(out, d)
	}
	slices.SortFunc(out, byName)
	return out
}

// CurrentOf returns the current versions of one gemeente, sorted by process.
func (s *Set) CurrentOf(gemeente string) []*definitions.Definition {
	var out []*definitions.Definition
	for _, d := range s.Current() {
		if d.Gemeente == gemeente {
			out = append(out, d)
		}
	}
	return out
}

// Versions returns every published version, sorted by gemeente, process, and then
// newest first.
func (s *Set) Versions() []*Version {
	out := slices.Clone(s.versions)
	slices.SortStableFunc(out, func(a, b *Version) int {
		return cmp.Or(byName(a.Definition, b.Definition), b.Published.Compare(a.Published))
	})
	return out
}

// Hash identifies the current versions as a whole: two workers that serve the same
// versions report the same hash, however and whenever they loaded them.
func (s *Set) Hash() string { return s.hash }

func byName(a, b *definitions.Definition) int {
	return cmp.Or(strings.Compare(a.Gemeente, b.Gemeente), strings.Compare(a.Process, b.Process))
}

func hashOf(defs []*definitions.Definition) string {
	h := sha256.New()
	for _, d := range defs {
		h.Write([]byte(d.Gemeente + "/" + d.Process + "=" + d.Version + "\n"))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:8])
}
