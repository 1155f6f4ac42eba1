package definitions

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wijkflow/wijkflow/internal/words"
)

// MaxFileSize is the largest definition file read. Real definitions are a few kilobytes;
// the bound keeps a wrong path (a log file, a database) from being parsed at all.
const MaxFileSize = 1 << 20

// Parse reads one definition file: it decodes the YAML and runs every check that needs
// only this file. The returned Definition has its Version set; it is nil only when the
// file is not a YAML mapping at all. A Definition with issues must not be run.
func Parse(file string, src []byte) (*Definition, Issues) {
	p := parse(file, src)
	return p.def, p.issues
}

// parsed is one file's outcome, with the positions kept for the cross-file checks.
type parsed struct {
	def *Definition
	*report
}

func parse(file string, src []byte) *parsed {
	r := newReport(file)
	p := &parsed{report: r}
	if len(src) > MaxFileSize {
		r.issue(tooBig(int64(len(src))))
		return p
	}
	root := r.readYAML(src)
	if root != nil {
		p.def = r.decodeDefinition(root)
		p.def.File = file
		if p.def.Calendar == "" {
			p.def.Calendar = "nl" // the documented default, made explicit in the snapshot
		}
		r.validate(p.def)
		p.def.Version = p.def.ComputeVersion()
	}
	sortIssues(r.issues)
	return p
}

// readYAML parses the single document of a file and returns its root mapping, or nil
// after reporting why there is none.
func (r *report) readYAML(src []byte) (root *yaml.Node) {
	defer func() {
		// yaml.v3 has panicked on malformed input in the past; a designer gets an issue.
		if e := recover(); e != nil {
			r.issue(saying(Issue{}, words.Msg(words.ProblemCannotReadYAML, "detail", fmt.Sprint(e)), nil))
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.issue(saying(Issue{Line: 1, Col: 1}, words.Msg(words.ProblemFileEmpty), nil))
		} else {
			r.yamlSyntax(src, err)
		}
		return nil
	}
	if len(doc.Content) == 0 {
		r.issue(saying(Issue{Line: 1, Col: 1}, words.Msg(words.ProblemFileEmpty), nil))
		return nil
	}
	root = doc.Content[0]
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		r.issue(saying(Issue{Line: next.Line, Col: next.Column}, words.Msg(words.ProblemOneDefinitionPerFile), nil))
	case !errors.Is(err, io.EOF):
		r.yamlError(err)
	}
	if root.Kind != yaml.MappingNode {
		r.issue(Issue{Line: root.Line, Col: root.Column,
			Message: "a definition is a mapping of keys (gemeente:, process:, steps:, …), not " + shape(root)})
		return nil
	}
	return root
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a yaml.v3 syntax error into an issue on its line.
func (r *report) yamlError(err error) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		r.issue(saying(Issue{Line: line}, words.Msg(words.ProblemInvalidYAML, "detail", m[2]), nil))
		return
	}
	r.issue(saying(Issue{}, words.Msg(words.ProblemInvalidYAML, "detail", strings.TrimPrefix(msg, "yaml: ")), nil))
}

// LoadDir loads and checks every definition file (*.yaml, *.yml) in dir, not recursing
// into subfolders (testdata holds broken files on purpose).
func LoadDir(dir string) ([]*Definition, Issues) { return LoadFiles(dir) }

// LoadFiles loads and checks definition files and folders. Besides each file's own
// checks it checks what only the set can tell: a referral's process must be a loaded
// definition of the same gemeente, and gemeente plus process must be unique. It returns
// every definition it could decode, in path order; with issues, none must be run.
func LoadFiles(paths ...string) ([]*Definition, Issues) {
	var all Issues
	var files []*parsed
	for _, name := range expand(paths, &all) {
		p := readFile(name)
		all = append(all, p.issues...)
		p.issues = nil
		if p.def != nil {
			files = append(files, p)
		}
	}
	crossCheck(files)
	for _, p := range files {
		all = append(all, p.issues...) // only the cross-file issues: the others were taken above
	}
	sortIssues(all)
	defs := make([]*Definition, len(files))
	for i, p := range files {
		defs[i] = p.def
	}
	return defs, all
}

// expand turns files and folders into the list of files to read, without duplicates.
func expand(paths []string, issues *Issues) []string {
	var out []string
	seen := map[string]bool{}
	add := func(f string) {
		if c := filepath.Clean(f); !seen[c] {
			seen[c] = true
			out = append(out, f)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			*issues = append(*issues, cannotRead(p, err))
			continue
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			*issues = append(*issues, cannotRead(p, err))
			continue
		}
		n := 0
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
				add(filepath.Join(p, e.Name()))
				n++
			}
		}
		if n == 0 {
			*issues = append(*issues, saying(Issue{File: p}, words.Msg(words.ProblemNoDefinitions), nil))
		}
	}
	sort.Strings(out)
	return out
}

// readFile reads and parses one file, refusing huge files before reading them.
func readFile(name string) *parsed {
	fail := func(i Issue) *parsed {
		r := newReport(name)
		r.issue(i)
		return &parsed{report: r}
	}
	f, err := os.Open(name)
	if err != nil {
		return fail(cannotRead(name, err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return fail(tooBig(fi.Size()))
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail(cannotRead(name, err))
	}
	return parse(name, src)
}

// cannotRead is the issue of a file or folder that cannot be read.
func cannotRead(file string, err error) Issue {
	return saying(Issue{File: file}, words.Msg(words.ProblemCannotRead, "reason", reason(err)), nil)
}

// tooBig is the issue of a file larger than a definition may be.
func tooBig(size int64) Issue {
	return saying(Issue{}, words.Msg(words.ProblemFileTooBig, "size", strconv.FormatInt(size, 10), "max", strconv.Itoa(MaxFileSize)), nil)
}

// reason drops the path that os errors repeat, since the issue already names the file.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// crossCheck runs the checks that need every loaded file: gemeente plus process is
// unique, and a referral starts a process that is loaded for the same gemeente.
func crossCheck(files []*parsed) {
	byKey := map[string]*parsed{}
	processes := map[string][]string{} // gemeente → its process ids, in path order
	for _, p := range files {
		d := p.def
		if d.Gemeente == "" || d.Process == "" {
			continue
		}
		k := d.Gemeente + "/" + d.Process
		if first, dup := byKey[k]; dup {
			p.say("process", words.Msg(words.ProblemProcessTwice, "key", k, "file", first.file))
			continue
		}
		byKey[k] = p
		processes[d.Gemeente] = append(processes[d.Gemeente], d.Process)
	}
	for _, p := range files {
		d := p.def
		for _, s := range d.Steps {
			if s.Kind != KindReferral || s.Process == "" || byKey[d.Gemeente+"/"+s.Process] != nil {
				continue
			}
			if others := gemeentenWith(processes, s.Process, d.Gemeente); len(others) > 0 {
				// A child case runs in the case's own gemeente; another gemeente (or
				// organisation) takes a case over as a provider.
				p.say("steps."+s.ID+".process", words.Msg(words.ProblemProcessElsewhere,
					"process", strconv.Quote(s.Process), "others", strings.Join(others, ", "), "gemeente", strconv.Quote(d.Gemeente)))
				continue
			}
			p.say("steps."+s.ID+".process", words.Msg(words.ProblemProcessNotLoaded, "process", strconv.Quote(s.Process), "gemeente", strconv.Quote(d.Gemeente)),
				p.sug.hint(s.Process, processes[d.Gemeente], words.ProblemHintProcesses))
		}
	}
	outcomes(files, byKey) // contract.go
}

// gemeentenWith lists the other gemeenten (sorted) that have the process.
func gemeentenWith(processes map[string][]string, process, except string) []string {
	var out []string
	for g, ps := range processes {
		if g != except && slices.Contains(ps, process) {
			out = append(out, g)
		}
	}
	sort.Strings(out)
	return out
}
