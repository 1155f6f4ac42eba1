package definitions

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

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
	// alone is set when the file was named on its own rather than found in a folder:
	// the processes it refers to may be in files it was not loaded with.
	alone bool
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
// definition of the same gemeente, and gemeente plus process must be unique. A file
// named on its own may refer to a process it was not loaded with: that is a note, not
// an error. It returns every definition it could decode, in path order; with errors
// (Issues.Errors), none must be run.
func LoadFiles(paths ...string) ([]*Definition, Issues) {
	var all Issues
	var files []*parsed
	names, named := expand(paths, &all)
	for _, name := range names {
		p := readFile(name)
		p.alone = named[filepath.Clean(name)]
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

// expand turns files and folders into the list of files to read, without duplicates,
// and the set of those (cleaned) that were named on their own.
func expand(paths []string, issues *Issues) ([]string, map[string]bool) {
	var out []string
	seen, named := map[string]bool{}, map[string]bool{}
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
			named[filepath.Clean(p)] = true
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
	return out, named
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
		return fail(saying(Issue{}, definitionFile.TooBig(fi.Size()), nil))
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
			if p.alone {
				// Validating one file: its referrals are checked with the folder.
				p.note("steps."+s.ID+".process", words.Msg(words.ProblemProcessNotLoadedAlone,
					"process", strconv.Quote(s.Process), "gemeente", strconv.Quote(d.Gemeente), "folder", filepath.Dir(p.file)))
				continue
			}
			p.say("steps."+s.ID+".process", words.Msg(words.ProblemProcessNotLoaded,
				"process", strconv.Quote(s.Process), "gemeente", strconv.Quote(d.Gemeente)),
				p.sug.hint(s.Process, processes[d.Gemeente], words.ProblemHintProcesses))
		}
	}
	outcomes(files, byKey)      // contract.go
	childIdentity(files, byKey) // pathjeugd.go
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
