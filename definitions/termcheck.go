package definitions

import (
	"strconv"

	"github.com/wijkflow/wijkflow/internal/words"
)

// terms checks what the terms of a step add to a plain duration: the conditions of
// cases (type-checked like a transition's), and the steps a hersteltermijn stops.
func (c *checker) terms(conds *Conditions) {
	for _, s := range c.d.Steps {
		p := "steps." + s.ID
		for key, dl := range s.terms() {
			for k, tc := range dl.Cases {
				cp := p + "." + key + ".cases[" + strconv.Itoa(k) + "]"
				if tc.Within.IsZero() {
					c.problem(cp+".within", words.Msg(words.ProblemCaseTermNeedsWithin))
				}
				if tc.When == "" {
					continue // reported by its tag
				}
				if err := conds.Check(tc.When); err != nil {
					c.badCondition(cp+".when", err)
					continue
				}
				for _, m := range conds.OptionProblems(tc.When) {
					c.problem(cp+".when", m)
				}
			}
		}
		c.stops(s, p)
	}
}

// stops checks a hersteltermijn: the steps it stops are tasks with a clock, not itself,
// and the task has a deadline of its own (the term the resident gets to supply what is
// missing; when it passes, the stopped clocks run again, Awb 4:15 lid 1 a).
func (c *checker) stops(s *Step, p string) {
	if len(s.Stops) == 0 || s.Kind != KindTask {
		return
	}
	if s.Deadline == nil {
		c.problemKey(p+".stops", words.Msg(words.ProblemStopsNeedsDeadline))
	}
	for i, id := range s.Stops {
		sp := p + ".stops[" + strconv.Itoa(i) + "]"
		if !c.stepRef(id, sp) {
			continue
		}
		t := c.steps[id]
		switch {
		case id == s.ID:
			c.problem(sp, words.Msg(words.ProblemStopsItself))
		case t.Kind != KindTask || (t.Deadline == nil && t.Norm == nil):
			c.problem(sp, words.Msg(words.ProblemStopsNoClock, "step", strconv.Quote(id)))
		}
	}
}
