package registry

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/metrics"
)

// Check is an extra check of a loaded set that only the running service can make (for
// example that every provider a definition hands off to is configured). It returns the
// problems, located in the definitions where it can; none means the set may be served.
type Check func(defs []*definitions.Definition) definitions.Issues

// Config says where the definitions come from and how they are checked.
type Config struct {
	// Dir is the definitions folder (its *.yaml and *.yml files; subfolders such as
	// scenarios/ are not definitions).
	Dir string
	// Checks run after the loader's own checks, on every load; a problem from any of
	// them refuses the whole set.
	Checks []Check
	// History, when set, is a JSON file that keeps every published version with the
	// time it was first published, so they survive a restart.
	History string
	// Logger receives one line per reload and per problem.
	Logger zerolog.Logger
	// Now is the clock of publication times; nil means time.Now.
	Now func() time.Time
}

// Result is the outcome of one load.
type Result struct {
	At time.Time `json:"at"`
	// OK: the folder was sound and is now served (Published may still be empty when
	// nothing changed).
	OK bool `json:"ok"`
	// Published names what changed: "gemeente/process sha256:…" per new current version.
	Published []string `json:"published"`
	// Issues are the problems that refused the load, one "file:line:col: message" each.
	Issues []string `json:"issues,omitempty"`
	// Set is the hash of the set served after this load.
	Set string `json:"set"`
}

// Registry serves the current Set and replaces it on reload.
type Registry struct {
	cfg  Config
	set  atomic.Pointer[Set]
	last atomic.Pointer[Result]
	mu   sync.Mutex // one reload at a time
	// refused are the files of the problems that refused the latest load, until a load
	// is served again; held under mu.
	refused []string
}

// New loads cfg.Dir (and the history) and returns the registry; with any problem it
// returns the issues as the error, and nothing is served.
func New(cfg Config) (*Registry, error) {
	if cfg.Dir == "" {
		return nil, errors.New("registry: Config.Dir is empty")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	r := &Registry{cfg: cfg}
	prev, err := readHistory(cfg.History)
	if err != nil {
		return nil, err
	}
	defs, issues := r.load()
	if len(issues) > 0 {
		return nil, issues
	}
	r.publish(defs, prev, cfg.Now())
	return r, nil
}

// Static serves a fixed list of definitions (tests, and callers that load them
// themselves); Reload then reports that there is no folder to read. When the list has
// two versions of one process, the last one is current.
func Static(defs []*definitions.Definition) (*Registry, error) {
	var vs []*Version
	for i, d := range defs {
		if d == nil || d.Version == "" {
			return nil, fmt.Errorf("registry: definition %d is nil or has no version", i)
		}
		vs = append(vs, &Version{Definition: d})
	}
	r := &Registry{cfg: Config{Now: time.Now}}
	r.set.Store(newSet(vs, nil))
	return r, nil
}

// Set is the set served now. Take it once per request, so one answer reads one set.
func (r *Registry) Set() *Set { return r.set.Load() }

// Last is the outcome of the latest load, or nil before the first reload.
func (r *Registry) Last() *Result { return r.last.Load() }

// Reload loads the folder again. When it is sound, new cases start on its versions from
// now on; otherwise the served set stays and the result says why.
func (r *Registry) Reload() Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	res := Result{At: r.cfg.Now()}
	if r.cfg.Dir == "" {
		res.Issues = []string{"no definitions folder is configured; this service serves a fixed set"}
		res.Set = r.Set().Hash()
		r.last.Store(&res)
		return res
	}
	defs, issues := r.load()
	if len(issues) > 0 {
		for _, is := range issues {
			res.Issues = append(res.Issues, is.String())
		}
		res.Set = r.Set().Hash()
		r.cfg.Logger.Warn().Int("problems", len(issues)).Str("set", res.Set).
			Msg("definitions not published; the previous versions stay: " + issues.Error())
		r.refused = problemFiles(issues)
		r.last.Store(&res)
		metrics.DefinitionReloads.WithLabelValues("refused").Inc()
		return res
	}
	old := r.Set()
	s := r.publish(defs, old, res.At)
	r.logFixed(s)
	res.OK, res.Set = true, s.Hash()
	for _, d := range s.Current() {
		if !old.IsCurrent(d) {
			res.Published = append(res.Published, key(d.Gemeente, d.Process)+" "+d.Version)
		}
	}
	if len(res.Published) > 0 {
		r.cfg.Logger.Info().Strs("published", res.Published).Str("set", res.Set).Msg("definitions published")
	}
	r.last.Store(&res)
	metrics.DefinitionReloads.WithLabelValues("published").Inc()
	return res
}

// load reads and checks the folder. Warnings and notes leave it sound (validate shows
// them to the designer), so only errors refuse it.
func (r *Registry) load() ([]*definitions.Definition, definitions.Issues) {
	defs, all := definitions.LoadDir(r.cfg.Dir)
	issues := all.Errors()
	if len(issues) > 0 {
		return nil, issues
	}
	for _, check := range r.cfg.Checks {
		issues = append(issues, check(defs)...)
	}
	return defs, issues
}

// publish makes defs current on top of prev, as published at now, and keeps the
// history; the caller holds mu or is New.
func (r *Registry) publish(defs []*definitions.Definition, prev *Set, now time.Time) *Set {
	vs := make([]*Version, len(defs))
	for i, d := range defs {
		vs[i] = &Version{Definition: d, Published: now}
	}
	s := newSet(vs, prev)
	if err := writeHistory(r.cfg.History, s); err != nil {
		// The set is served anyway: the history only keeps publication times.
		r.cfg.Logger.Warn().Err(err).Msg("definitions history not written")
	}
	r.set.Store(s)
	return s
}

// problemFiles are the files named by issues, sorted, each once.
func problemFiles(issues definitions.Issues) []string {
	files := []string{} // not nil: a refusal without a file is a refusal too
	for _, is := range issues {
		if is.File != "" && !slices.Contains(files, is.File) {
			files = append(files, is.File)
		}
	}
	slices.Sort(files)
	return files
}

// logFixed says, after a refused load, that the set s that fixes it is served: each
// definition of a refused file with its version, so whoever saved the fix sees it
// taken even when it only restores the version served before (then nothing is newly
// published). The caller holds mu.
func (r *Registry) logFixed(s *Set) {
	if r.refused == nil {
		return
	}
	refused := r.refused
	r.refused = nil
	said := false
	for _, d := range s.Current() {
		if !slices.Contains(refused, d.File) {
			continue
		}
		said = true
		k := key(d.Gemeente, d.Process)
		r.cfg.Logger.Info().Str("file", d.File).Str("process", k).Str("version", d.Version).Str("set", s.Hash()).
			Msg("definition fixed and published: " + d.File + " is " + k + " " + d.Version)
	}
	if !said {
		// The refused file was removed, or the problem was with no file of its own.
		r.cfg.Logger.Info().Strs("refused", refused).Str("set", s.Hash()).
			Msg("definitions fixed and published: the folder is served again")
	}
}
