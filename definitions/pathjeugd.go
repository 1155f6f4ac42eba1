package definitions

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// A referral to jeugdhulp starts a child case about the jeugdige, not about the
// resident of this case (usually a parent): a Jeugdwet beschikking and toewijzing on
// the parent's name, birth date or BSN name the wrong person (AVG art. 5 lid 1 c, d).
// A process is jeugdhulp when its id says so ("jeugd").

// isJeugdhulp reports whether a referral's process is one of jeugdhulp.
func isJeugdhulp(process string) bool { return strings.Contains(process, "jeugd") }

// parentIdentity are the resident's fields that identify the resident alone, each with
// its key under resident:.
func parentIdentity(d *Definition) map[string]string {
	out := map[string]string{}
	if r := d.Resident; r != nil {
		for key, name := range map[string]string{"name": r.Name, "birthdate": r.Birthdate, "bsn": r.BSN} {
			if name != "" {
				out[name] = key
			}
		}
	}
	return out
}

// jeugdIdentity checks the fields a referral to jeugdhulp passes.
func (c *checker) jeugdIdentity() {
	ids := parentIdentity(c.d)
	for _, s := range c.d.Steps {
		if s.Kind != KindReferral || !isJeugdhulp(s.Process) {
			continue
		}
		for i, name := range s.Pass {
			if key, ok := ids[name]; ok {
				c.problem("steps."+s.ID+".pass["+strconv.Itoa(i)+"]", words.Msg(words.ProblemJeugdParentIdentity,
					"field", strconv.Quote(name), "key", key, "process", strconv.Quote(s.Process)))
			}
		}
	}
}

// childIdentity checks, across files, a referral to jeugdhulp without pass:: its
// child case gets what its own intake asks, which must not be the resident's identity.
func childIdentity(files []*parsed, byKey map[string]*parsed) {
	for _, p := range files {
		d := p.def
		ids := parentIdentity(d)
		for _, s := range d.Steps {
			child := byKey[d.Gemeente+"/"+s.Process]
			if s.Kind != KindReferral || !isJeugdhulp(s.Process) || len(s.Pass) > 0 || child == nil {
				continue
			}
			var names []string
			for _, f := range child.def.Intake {
				if _, ok := ids[f.Name]; ok {
					names = append(names, f.Name)
				}
			}
			slices.Sort(names)
			for _, name := range names {
				p.say("steps."+s.ID+".process", words.Msg(words.ProblemJeugdParentIntake,
					"field", strconv.Quote(name), "key", ids[name], "process", strconv.Quote(s.Process)))
			}
		}
	}
}
