package definitions

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// contract checks what a referral passes to its child case: declared fields only, and
// only to a child case (a hand-off to a provider sends ids, never data).
func (c *checker) contract(s *Step, p string) {
	var names []string
	for _, f := range c.fields {
		names = append(names, f.Name)
	}
	if s.Outcome != "" {
		c.outcome(s, names)
	}
	if len(s.Pass) == 0 {
		return
	}
	pp := p + ".pass"
	if s.Provider != "" {
		c.problemKey(pp, words.Msg(words.ProblemPassToProvider))
		return
	}
	for i, name := range s.Pass {
		switch {
		case c.fields.Field(name) == nil:
			c.problem(pp+"["+strconv.Itoa(i)+"]", words.Msg(words.ProblemUnknownField, "name", quote(name)), c.sug.hint(name, names, words.ProblemHintFields))
		case slices.Index(s.Pass, name) < i:
			c.problem(pp+"["+strconv.Itoa(i)+"]", words.Msg(words.ProblemPassedTwice, "name", quote(name)))
		}
	}
}

// ChildData is the part of data a referral passes to its child case of definition
// child: the fields the step names in pass, or else the fields the child's intake asks
// for; absent fields stay absent.
func ChildData(step *Step, child *Definition, data map[string]any) map[string]any {
	names := step.Pass
	if len(names) == 0 {
		for _, f := range child.Intake {
			names = append(names, f.Name)
		}
	}
	out := map[string]any{}
	for _, n := range names {
		if v, ok := data[n]; ok {
			out[n] = v
		}
	}
	return out
}

// outcome checks the field that receives an awaited child case's result.
func (c *checker) outcome(s *Step, names []string) {
	p := "steps." + s.ID + ".outcome"
	f := c.fields.Field(s.Outcome)
	switch {
	case s.Provider != "" || !s.Awaits():
		c.problemKey(p, words.Msg(words.ProblemOutcomeNotAwaited))
	case f == nil:
		hint := c.sug.hint(s.Outcome, names, "")
		if hint.Code != words.ProblemDidYouMean {
			hint = words.Msg(words.ProblemHintDeclareOutcome)
		}
		c.problem(p, words.Msg(words.ProblemUnknownField, "name", quote(s.Outcome)), hint)
	case f.Type != FieldText && f.Type != FieldChoice:
		c.problem(p, words.Msg(words.ProblemOutcomeType, "name", quote(s.Outcome), "type", string(f.Type)))
	}
}

// outcomes checks, across files, that a choice field receiving a child case's result
// (outcome:) has every result the child can end with among its options.
func outcomes(files []*parsed, byKey map[string]*parsed) {
	for _, p := range files {
		d := p.def
		for _, s := range d.Steps {
			child := byKey[d.Gemeente+"/"+s.Process]
			if s.Kind != KindReferral || s.Outcome == "" || child == nil {
				continue
			}
			f := AllFields(d).Field(s.Outcome)
			if f == nil || f.Type != FieldChoice {
				continue
			}
			var missing []string
			for _, end := range child.def.Steps {
				if end.Kind == KindEnd && end.Result != "" && !slices.Contains(f.Options, end.Result) && !slices.Contains(missing, end.Result) {
					missing = append(missing, end.Result)
				}
			}
			if len(missing) > 0 {
				p.say("steps."+s.ID+".outcome", words.Msg(words.ProblemOutcomeLacks,
					"name", strconv.Quote(s.Outcome), "results", strings.Join(missing, ", "), "process", s.Process))
			}
		}
	}
}
