package definitions

import (
	"slices"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// Kind is the kind of a step.
type Kind string

// KindSpec is everything the definitions layer knows about one kind of step: the keys
// it takes, how a case leaves it, how it checks itself and how the diagram draws it.
// Each kind is one file, kind_<name>.go, and one line in kindSpecs below; the
// validator, the JSON Schema, the diagram and Kinds read the registry, never a list
// of their own. (The workflows package has its own layer of kinds for running them.)
type KindSpec interface {
	// Name is the value of kind: in YAML.
	Name() Kind
	// Doc says in one line what the step does, for the schema and the README.
	Doc() string
	// Keys are the step keys this kind takes besides kind, title, description and
	// next; a key no kind lists applies to every kind.
	Keys() []string
	// Flow is how a case leaves a step of this kind.
	Flow() Flow
	// Instant reports whether step s passes at once, without waiting for a person,
	// a time or another case: a loop of instant steps would go round for ever.
	Instant(s *Step) bool
	// Shape wraps a quoted diagram label in the kind's Mermaid brackets.
	Shape(label string) string
	// Lines are what the diagram shows under the step's title.
	Lines(d *Definition, s *Step) []string
	// check reports the kind's own problems with step s, written at path p.
	check(c *checker, s *Step, p string)
}

// Flow is how a case leaves a step.
type Flow int

// The ways a case leaves a step.
const (
	// FirstMatch takes the first transition whose condition holds.
	FirstMatch Flow = iota
	// EveryMatch takes every transition whose condition holds, at once.
	EveryMatch
	// Ends takes none: the case ends here, and the step has no next.
	Ends
)

// kindFacts are what a kind declares as plain data. A kind embeds them and adds the
// behaviour it has of its own (check, Lines, an Instant that depends on the step);
// without those it checks nothing more and draws only its title.
type kindFacts struct {
	name    Kind
	doc     string
	keys    []string
	flow    Flow
	instant bool
	shape   [2]string // the Mermaid brackets around a node's label
}

func (f kindFacts) Name() Kind                      { return f.name }
func (f kindFacts) Doc() string                     { return f.doc }
func (f kindFacts) Keys() []string                  { return slices.Clone(f.keys) }
func (f kindFacts) Flow() Flow                      { return f.flow }
func (f kindFacts) Instant(*Step) bool              { return f.instant }
func (f kindFacts) Shape(label string) string       { return f.shape[0] + label + f.shape[1] }
func (kindFacts) Lines(*Definition, *Step) []string { return nil }
func (kindFacts) check(*checker, *Step, string)     {}

// kindSpecs is the registry: one line per kind, in the order that messages, the
// schema and Kinds list them.
var kindSpecs = []KindSpec{
	taskSpec,     // kind_task.go
	decisionSpec, // kind_decision.go
	waitSpec,     // kind_wait.go
	notifySpec,   // kind_notify.go
	referralSpec, // kind_referral.go
	parallelSpec, // kind_parallel.go
	joinSpec,     // kind_join.go
	endSpec,      // kind_end.go
}

// Kinds lists every step kind in a stable order, as registered in kindSpecs.
var Kinds = kindNames(kindSpecs)

func kindNames(specs []KindSpec) []Kind {
	out := make([]Kind, len(specs))
	for i, k := range specs {
		out[i] = k.Name()
	}
	return out
}

// LookupKind returns the spec of kind k, or nil for a kind no one registered.
func LookupKind(k Kind) KindSpec {
	for _, spec := range kindSpecs {
		if spec.Name() == k {
			return spec
		}
	}
	return nil
}

// kindsTaking lists the kinds whose Keys hold key; none means every kind takes it.
func kindsTaking(key string) []Kind {
	var out []Kind
	for _, spec := range kindSpecs {
		if slices.Contains(spec.Keys(), key) {
			out = append(out, spec.Name())
		}
	}
	return out
}

// step runs the checks that depend on a step's kind: the kind is known, its keys
// apply, the way on is there (or, for a step that ends the case, absent), and then
// the kind's own checks.
func (c *checker) step(s *Step) {
	p := "steps." + s.ID
	spec := LookupKind(s.Kind)
	if spec == nil {
		if s.Kind != "" { // an empty kind is reported by its required tag
			c.oneOf(p+".kind", string(s.Kind), kindStrings(Kinds))
		}
		return // the keys of an unknown kind cannot be judged
	}
	for _, key := range c.keys[p] {
		if only := kindsTaking(key); len(only) > 0 && !slices.Contains(only, s.Kind) {
			c.problemKey(p+"."+key, words.Msg(byArticle(s.Kind, words.ProblemKeyNotForKind, words.ProblemKeyNotForKindAn),
				"key", key, "kind", string(s.Kind), "kinds", kindList(only)))
		}
	}
	if spec.Flow() == Ends {
		if c.has(p + ".next") {
			c.problemKey(p+".next", words.Msg(byArticle(s.Kind, words.ProblemNextNotAllowed, words.ProblemNextNotAllowedAn), "kind", string(s.Kind)))
		}
	} else {
		if len(s.Next) == 0 {
			c.problem(p+".next", words.Msg(byArticle(s.Kind, words.ProblemNeedsNext, words.ProblemNeedsNextAn), "kind", string(s.Kind), "example", "[{goto: …}]"))
		}
		if spec.Flow() == FirstMatch {
			c.transitions(s, p) // every transition of the other flows may be taken
		}
	}
	spec.check(c, s, p)
}

// byArticle picks the code whose English text says "an" before the kind's name, or
// the one that says "a".
func byArticle(k Kind, a, an words.Code) words.Code {
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return an
	}
	return a
}

// kindList joins kinds with commas, for messages.
func kindList(ks []Kind) string { return strings.Join(kindStrings(ks), ", ") }

func kindStrings(ks []Kind) []string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return s
}
