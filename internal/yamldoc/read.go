package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// DefaultMaxSize bounds a file when its Kind sets no MaxSize. Configuration files are a
// few kilobytes; the bound keeps a wrong path (a log file, a database) from being parsed.
const DefaultMaxSize = 1 << 20

// Kind names a kind of file in the messages about its shape as a whole.
type Kind struct {
	// Name is what one file holds, after "a file holds one": "definition".
	Name string
	// Start says how such a file starts, for an empty one: "a definition starts with
	// gemeente:, process:, title:, …".
	Start string
	// Mapping says what the root must be, completed by ", not a list": "a definition is a
	// mapping of keys (gemeente:, process:, steps:, …)".
	Mapping string
	// MaxSize is the largest file read, in bytes; zero means DefaultMaxSize.
	MaxSize int
}

// Max is the largest file of this kind, in bytes.
func (k Kind) Max() int {
	if k.MaxSize > 0 {
		return k.MaxSize
	}
	return DefaultMaxSize
}

// TooBig says a file of size bytes is refused.
func (k Kind) TooBig(size int64) string {
	return fmt.Sprintf("the file has %d bytes; a %s may be at most %d", size, k.Name, k.Max())
}

// Read parses the single document of src and returns its root mapping, or nil after
// reporting why there is none (too big, empty, not YAML, not a mapping). A second
// document is reported, and the first one still returned.
func (d *Doc) Read(src []byte, k Kind) (root *yaml.Node) {
	if len(src) > k.Max() {
		d.Add(Problem{Message: k.TooBig(int64(len(src)))})
		return nil
	}
	defer func() {
		// yaml.v3 has panicked on malformed input in the past; the writer gets a problem.
		if e := recover(); e != nil {
			d.Add(Problem{Message: fmt.Sprintf("cannot read the YAML: %v", e)})
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.Add(Problem{Line: 1, Col: 1, Message: "the file is empty; " + k.Start})
		} else {
			d.syntax(src, err)
		}
		return nil
	}
	if len(doc.Content) == 0 {
		d.Add(Problem{Line: 1, Col: 1, Message: "the file is empty; " + k.Start})
		return nil
	}
	root = doc.Content[0]
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		d.Add(Problem{Line: next.Line, Col: next.Column,
			Message: "a file holds one " + k.Name + "; move the document after --- to a file of its own"})
	case !errors.Is(err, io.EOF):
		d.yamlError(err)
	}
	if root.Kind != yaml.MappingNode {
		d.Add(Problem{Line: root.Line, Col: root.Column, Message: k.Mapping + ", not " + shape(root)})
		return nil
	}
	return root
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntax reports a YAML syntax error at the line to fix. yaml.v3 often names a line
// before the mistake: a tab is cited at the line above it, and a key indented too
// little at the start of the enclosing block (80 lines up, at steps:, as "did not find
// expected key"). So the source is scanned for the two mistakes people make by hand, a
// tab in the indentation and a line indented to no level of the lines around it (see
// indentationProblem); when neither is found, the parser's own message stands.
func (d *Doc) syntax(src []byte, err error) {
	// The mistake is never before the line the parser stopped at: a find above it is
	// a line the scanner misjudged, and the parser's message is the better one.
	cited := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		cited, _ = strconv.Atoi(m[1])
	}
	if p, msg, ok := indentationProblem(src); ok && p.Line >= cited {
		d.Add(Problem{Line: p.Line, Col: p.Col, Message: "invalid YAML: " + msg})
		return
	}
	d.yamlError(err)
}

// yamlError turns a yaml.v3 syntax error into a problem on its line.
func (d *Doc) yamlError(err error) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		d.Add(Problem{Line: line, Message: "invalid YAML: " + m[2]})
		return
	}
	d.Add(Problem{Message: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")})
}
