package definitions

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
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
	root := r.doc.Read(src, definitionFile)
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
			*issues = append(*issues, Issue{File: p, Message: "cannot read: " + reason(err)})
			continue
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			*issues = append(*issues, Issue{File: p, Message: "cannot read: " + reason(err)})
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
			*issues = append(*issues, Issue{File: p, Message: "holds no definitions (*.yaml or *.yml files)"})
		}
	}
	sort.Strings(out)
	return out
}

// readFile reads and parses one file, refusing huge files before reading them.
func readFile(name string) *parsed {
	fail := func(msg string) *parsed {
		r := newReport(name)
		r.issue(Issue{Message: msg})
		return &parsed{report: r}
	}
	f, err := os.Open(name)
	if err != nil {
		return fail("cannot read: " + reason(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return fail(definitionFile.TooBig(fi.Size()))
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail("cannot read: " + reason(err))
	}
	return parse(name, src)
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
			p.at("process", fmt.Sprintf("%s is also defined in %s; give one of them another process id", k, first.file))
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
				p.at("steps."+s.ID+".process", fmt.Sprintf("%q is a process of gemeente %s, not of %q: a referral starts a process of its own gemeente; to hand the case to another gemeente or organisation, write provider: (an id from the providers configuration) instead of process:",
					s.Process, strings.Join(others, ", "), d.Gemeente))
				continue
			}
			p.at("steps."+s.ID+".process", fmt.Sprintf("no process %q of gemeente %q is loaded; load its file too or refer to another process (an outside organisation takes a case over with provider:)", s.Process, d.Gemeente)+
				p.sug.didYouMean(s.Process, processes[d.Gemeente], "its processes are"))
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
