package definitions

import (
	"sort"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/internal/yamldoc"
)

// Issue is one problem in a definition, located so that an editor can jump to it.
type Issue struct {
	File string
	Line int
	Col  int
	Path string
	// Message is the problem in English, as the CLI and the API show it.
	Message string
	// Problem is the same problem as a code of the catalogue (internal/words) with its
	// arguments, and Hint what to write instead (a "did you mean"), so that it can be
	// said in Dutch too. Both are zero for problems not in the catalogue yet: their
	// Message is all there is.
	Problem, Hint words.Message
	// More are further problems with the same value, each said after "; " (a condition
	// with several mistakes).
	More []words.Message
	// Level is error for a problem (the zero value), note for what does not make the
	// files invalid.
	Level Level
}

// In renders the issue as String does, with the message in language l; an issue
// without a Problem keeps its English message.
func (i Issue) In(l words.Lang) string {
	if i.Problem.Code != "" {
		i.Message = SayRule(i.Problem, l)
		if i.Hint.Code != "" {
			i.Message += i.Hint.In(l)
		}
		for _, m := range i.More {
			i.Message += "; " + m.In(l)
		}
	}
	return i.String()
}

// String renders the issue as "file:line:col: path: message", a note as
// "file:line:col: note: path: message" (a warning likewise). Parts that are unknown (a zero line or column,
// an empty path) are left out rather than shown as zero.
func (i Issue) String() string {
	var b strings.Builder
	b.WriteString(i.File)
	if i.Line > 0 {
		b.WriteString(":" + strconv.Itoa(i.Line))
		if i.Col > 0 {
			b.WriteString(":" + strconv.Itoa(i.Col))
		}
	}
	b.WriteString(": ")
	if i.Level != LevelError {
		b.WriteString(i.Level.String() + ": ")
	}
	if i.Path != "" {
		b.WriteString(i.Path + ": ")
	}
	b.WriteString(i.Message)
	return b.String()
}

// Issues is every problem found, sorted by file, line and column; it is an error so
// that callers who only care whether loading worked can treat it as one.
type Issues []Issue

// Error joins all issues, one per line.
func (is Issues) Error() string {
	lines := make([]string, len(is))
	for n, i := range is {
		lines[n] = i.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil when there are no errors (notes alone leave the files valid), so that
// a nil Issues never becomes a non-nil error interface by accident.
func (is Issues) Err() error {
	if len(is.Errors()) == 0 {
		return nil
	}
	return is
}

// sortIssues orders issues by file, line, column, then path and message so that output
// is stable whatever order the checks ran in.
func sortIssues(is Issues) {
	sort.SliceStable(is, func(a, b int) bool {
		x, y := is[a], is[b]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		if x.Col != y.Col {
			return x.Col < y.Col
		}
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		return x.Message < y.Message
	})
}

// pos is a line and column in a file, both 1-based.
type pos struct{ line, col int }

// maxIssues bounds the problems reported for one file: past that, a designer fixes the
// first ones and runs validate again, and a hostile file cannot flood the output.
const maxIssues = 1000

// report collects the issues of one file. Where every path was written is kept by the
// module's YAML decoder (internal/yamldoc), so that checks running on the decoded
// Definition can still point at a line and column.
type report struct {
	file string
	doc  *yamldoc.Doc
	keys map[string][]string // the known keys written in the struct mapping at a path
	sug  *suggester

	issues Issues
	full   bool
}

func newReport(file string) *report {
	r := &report{file: file, doc: yamldoc.New(), sug: newSuggester()}
	r.keys = r.doc.Written
	r.doc.Report = func(p yamldoc.Problem) {
		r.issue(issueOf(p))
	}
	return r
}

// issueOf is a problem the YAML decoder found, with its code when it has one.
func issueOf(p yamldoc.Problem) Issue {
	return Issue{Line: p.Line, Col: p.Col, Path: p.Path, Message: p.Message, Problem: p.Said, Hint: p.Hint}
}

// issue adds a located issue.
func (r *report) issue(i Issue) {
	if len(r.issues) >= maxIssues {
		if !r.full {
			r.full = true
			r.issues = append(r.issues, saying(Issue{File: r.file},
				words.Msg(words.ProblemTooManyProblems, "max", strconv.Itoa(maxIssues)), nil))
		}
		return
	}
	i.File = r.file
	r.issues = append(r.issues, i)
}

// at reports a problem with the value at path. A path that was never written (a missing
// required key) is located at the key of its nearest written ancestor, e.g. the step.
func (r *report) at(path, msg string) { r.doc.At(path, msg) }

// say reports a problem from the catalogue with the value at path, with an optional
// hint; its English rendering is the Issue's Message.
func (r *report) say(path string, m words.Message, hint ...words.Message) {
	p := r.locate(path)
	r.issue(saying(Issue{Line: p.line, Col: p.col, Path: path}, m, hint))
}

// note is say as a note: something to know that does not make the file invalid.
func (r *report) note(path string, m words.Message) { r.sayAt(LevelNote, path, m) }

// warn is say as a warning: something that works, but probably not as the designer
// meant; the file stays valid.
func (r *report) warn(path string, m words.Message) { r.sayAt(LevelWarning, path, m) }

// sayAt is say at a level other than error.
func (r *report) sayAt(l Level, path string, m words.Message) {
	p := r.locate(path)
	i := saying(Issue{Line: p.line, Col: p.col, Path: path}, m, nil)
	i.Level = l
	r.issue(i)
}

// sayAll is say for several problems with one value: the first is the Problem, the
// others are More.
func (r *report) sayAll(path string, ms []words.Message) {
	p := r.locate(path)
	i := saying(Issue{Line: p.line, Col: p.col, Path: path}, ms[0], nil)
	for _, m := range ms[1:] {
		i.More = append(i.More, m)
		i.Message += "; " + m.In(words.EN)
	}
	r.issue(i)
}

// sayKey is say located at the key of path, as atKey.
func (r *report) sayKey(path string, m words.Message, hint ...words.Message) {
	p, ok := r.doc.Keys[path]
	if !ok {
		p = r.doc.Locate(path)
	}
	r.issue(saying(Issue{Line: p.Line, Col: p.Col, Path: path}, m, hint))
}

// saying fills an issue's Problem, Hint and English Message. The problem may be a
// failed rule of the validator (RuleMessage), so it is said by SayRule.
func saying(i Issue, m words.Message, hint []words.Message) Issue {
	i.Problem, i.Message = m, SayRule(m, words.EN)
	if len(hint) > 0 && hint[0].Code != "" {
		i.Hint = hint[0]
		i.Message += i.Hint.In(words.EN)
	}
	return i
}

// isBad reports whether path or one of its ancestors could not be decoded.
func (r *report) isBad(path string) bool { return r.doc.IsBad(path) }

// has reports whether the designer wrote a key at path.
func (r *report) has(path string) bool { return r.doc.Has(path) }

// locate is where the value at path was written, or its nearest written ancestor.
func (r *report) locate(path string) pos {
	p := r.doc.Locate(path)
	return pos{p.Line, p.Col}
}
