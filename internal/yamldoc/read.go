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

	"github.com/wijkflow/wijkflow/internal/words"
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
	// Said names the codes that say this kind's file-level problems in full, in Dutch
	// too; a code left zero is said with the English of Name, Start or Mapping as an
	// argument (words.ProblemFileEmptyOf, …).
	Said KindWords
}

// KindWords are the codes of a kind's file-level problems. Each is given every argument
// (size, max, kind, start, mapping, shape) and uses those it needs.
type KindWords struct {
	TooBig, Empty, OneDocument, NotMapping words.Code
}

// say is a file-level problem of this kind: code when the kind has its own, else the
// general one; shape is what the root is instead of a mapping.
func (k Kind) say(code, general words.Code, size int64, shape string) words.Message {
	if code == "" {
		code = general
	}
	return words.Msg(code, "size", strconv.FormatInt(size, 10), "max", strconv.Itoa(k.Max()),
		"kind", k.Name, "start", k.Start, "mapping", k.Mapping, "shape", shape)
}

// Max is the largest file of this kind, in bytes.
func (k Kind) Max() int {
	if k.MaxSize > 0 {
		return k.MaxSize
	}
	return DefaultMaxSize
}

// TooBig says a file of size bytes is refused.
func (k Kind) TooBig(size int64) words.Message {
	return k.say(k.Said.TooBig, words.ProblemFileTooBigOf, size, "")
}

// Read parses the single document of src and returns its root mapping, or nil after
// reporting why there is none (too big, empty, not YAML, not a mapping). A second
// document is reported, and the first one still returned.
func (d *Doc) Read(src []byte, k Kind) (root *yaml.Node) {
	if len(src) > k.Max() {
		d.SayAt(Pos{}, "", k.TooBig(int64(len(src))))
		return nil
	}
	defer func() {
		// yaml.v3 has panicked on malformed input in the past; the writer gets a problem.
		if e := recover(); e != nil {
			d.SayAt(Pos{}, "", words.Msg(words.ProblemCannotReadYAML, "detail", fmt.Sprint(e)))
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.SayAt(Pos{1, 1}, "", k.say(k.Said.Empty, words.ProblemFileEmptyOf, 0, ""))
		} else {
			d.syntax(src, err)
		}
		return nil
	}
	if len(doc.Content) == 0 {
		d.SayAt(Pos{1, 1}, "", k.say(k.Said.Empty, words.ProblemFileEmptyOf, 0, ""))
		return nil
	}
	root = doc.Content[0]
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		d.SayAt(posOf(&next), "", k.say(k.Said.OneDocument, words.ProblemOneDocumentOf, 0, ""))
	case !errors.Is(err, io.EOF):
		d.yamlError(err)
	}
	if root.Kind != yaml.MappingNode {
		d.SayAt(posOf(root), "", k.say(k.Said.NotMapping, words.ProblemNotMappingOf, 0, shape(root)))
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
	if p, m, ok := indentationProblem(src); ok && p.Line >= cited {
		d.SayAt(p, "", m)
		return
	}
	d.yamlError(err)
}

// yamlError turns a yaml.v3 syntax error into a problem on its line.
func (d *Doc) yamlError(err error) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		d.SayAt(Pos{Line: line}, "", words.Msg(words.ProblemInvalidYAML, "detail", m[2]))
		return
	}
	d.SayAt(Pos{}, "", words.Msg(words.ProblemInvalidYAML, "detail", strings.TrimPrefix(msg, "yaml: ")))
}
