package yamldoc

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Pos is a line and column in a file, both 1-based.
type Pos struct{ Line, Col int }

// posOf is where a node starts.
func posOf(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

// Problem is one thing wrong in a file: where (zero Line or Col when unknown), the
// path of the value ("steps.plan.next[0].goto"), and what to do about it.
type Problem struct {
	Line, Col int
	Path      string
	Message   string
}

// Doc collects the problems of one file and remembers where every path was written.
type Doc struct {
	Values  map[string]Pos      // where the value at a path starts
	Keys    map[string]Pos      // where the key of a mapping entry is written
	Written map[string][]string // the known keys written in the struct mapping at a path, in order
	Bad     map[string]bool     // paths whose value could not be decoded

	// Problems is what was found, in the order found, unless Report is set.
	Problems []Problem
	// Report, when set, receives each problem instead of Problems (for a caller that
	// keeps its own list, with its own bound).
	Report func(Problem)
}

// New returns an empty Doc.
func New() *Doc {
	return &Doc{
		Values:  map[string]Pos{},
		Keys:    map[string]Pos{},
		Written: map[string][]string{},
		Bad:     map[string]bool{},
	}
}

// Add records a problem.
func (d *Doc) Add(p Problem) {
	if d.Report != nil {
		d.Report(p)
		return
	}
	d.Problems = append(d.Problems, p)
}

// At reports a problem with the value at path. A path that was never written (a missing
// required key) is located at the key of its nearest written ancestor.
func (d *Doc) At(path, msg string) {
	p := d.Locate(path)
	d.Add(Problem{Line: p.Line, Col: p.Col, Path: path, Message: msg})
}

// AtKey reports a problem located at the key of path rather than its value, for
// problems with the entry as a whole.
func (d *Doc) AtKey(path, msg string) {
	p, ok := d.Keys[path]
	if !ok {
		p = d.Locate(path)
	}
	d.Add(Problem{Line: p.Line, Col: p.Col, Path: path, Message: msg})
}

// Fail is At for checks after decoding: it says nothing about a value already reported
// as undecodable, so that one mistake gives one message.
func (d *Doc) Fail(path, msg string) {
	if !d.IsBad(path) {
		d.At(path, msg)
	}
}

// MarkBad reports a value that could not be decoded, and remembers it so that later
// checks do not pile a second message ("is required") on the same place.
func (d *Doc) MarkBad(path, msg string) {
	d.Bad[path] = true
	d.At(path, msg)
}

// IsBad reports whether path or one of its ancestors could not be decoded.
func (d *Doc) IsBad(path string) bool {
	if len(d.Bad) == 0 {
		return false // the common case: walking up the path would find nothing
	}
	for {
		if d.Bad[path] {
			return true
		}
		if path == "" {
			return false
		}
		path = parent(path)
	}
}

// Has reports whether the file has a key at path.
func (d *Doc) Has(path string) bool {
	_, ok := d.Keys[path]
	return ok
}

// Locate is where the value at path was written or, for a path never written, the
// key (or else the value) of its nearest written ancestor; 1:1 when nothing is known.
func (d *Doc) Locate(path string) Pos {
	if p, ok := d.Values[path]; ok {
		return p
	}
	for path != "" {
		path = parent(path)
		if p, ok := d.Keys[path]; ok {
			return p
		}
		if p, ok := d.Values[path]; ok {
			return p
		}
	}
	return Pos{1, 1}
}

// Sorted returns the problems ordered by line, column, path and message, so that the
// output is stable whatever order the checks ran in.
func (d *Doc) Sorted() []Problem {
	out := slices.Clone(d.Problems)
	slices.SortStableFunc(out, func(a, b Problem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return out
}

// Join appends a key to a path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// parent strips the last ".key" or "[i]" from a path.
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}
