package definitions

import (
	"strconv"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// KindTask is a human task with a form.
const KindTask Kind = "task"

// taskKind is a person's work: a role fills in a form, within its clocks and an
// escalation ladder.
type taskKind struct{ kindFacts }

var taskSpec = taskKind{kindFacts{
	name:  KindTask,
	doc:   "a human task with a form",
	keys:  []string{"role", "form", "deadline", "norm", "suspendable", "extendable", "escalate", "stops"},
	flow:  FirstMatch,
	shape: [2]string{"[", "]"},
}}

var _ KindSpec = taskSpec

// Lines are who acts and the clocks: terms, suspension, extension, the steps whose
// clocks it stops and the rungs of the ladder that do more than route.
func (taskKind) Lines(d *Definition, st *Step) []string {
	var lines []string
	if st.Role != "" {
		lines = append(lines, "rol: "+roleName(d, st.Role))
	}
	if st.Deadline != nil {
		lines = append(lines, termLines(d, "≤ ", st.Deadline)...)
	}
	if st.Norm != nil {
		lines = append(lines, termLines(d, "norm ", st.Norm)...)
	}
	var a law.Article // the deadline's article: which one allows opschorting and verlenging
	if st.Deadline != nil {
		a, _ = law.Cited(st.Deadline.Law)
	}
	if st.Suspendable {
		lines = append(lines, "opschortbaar ("+a.Suspension()+")")
	}
	if st.Extendable != nil {
		lines = append(lines, "verlengbaar ≤ "+st.Extendable.String()+" ("+a.Extension()+")")
	}
	for _, id := range st.Stops {
		lines = append(lines, "stopt de termijn van "+stepTitleOf(d, id)+" (Awb 4:15 lid 1 a)")
	}
	for _, r := range st.Escalate {
		if w := rungWords(d, r); w != "" {
			lines = append(lines, "na "+r.After.String()+": "+w)
		}
	}
	return lines
}

// check checks a task's role, form and clocks.
func (taskKind) check(c *checker, s *Step, p string) {
	if s.Role == "" {
		c.problem(p+".role", words.Msg(words.ProblemTaskNeedsRole))
	}
	if len(s.Form) == 0 {
		c.problem(p+".form", words.Msg(words.ProblemTaskNeedsForm))
	}
	c.deadline(s.Deadline, p+".deadline")
	c.deadline(s.Norm, p+".norm")
	if s.Norm != nil && s.Norm.Law != "" {
		c.problemKey(p+".norm.law", words.Msg(words.ProblemNormHasLaw))
	}
	if s.Extendable != nil && s.Deadline == nil {
		c.problemKey(p+".extendable", words.Msg(words.ProblemExtendableAlone))
	}
	if s.Suspendable && s.Deadline == nil && s.Norm == nil {
		c.problemKey(p+".suspendable", words.Msg(words.ProblemSuspendableAlone))
	}
	c.ladder(s, p)
}

// deadline checks a clock's term; its from is checked with the other references.
func (c *checker) deadline(dl *Deadline, p string) {
	if dl != nil && dl.Within.IsZero() {
		c.problem(p+".within", words.Msg(words.ProblemTermNeedsWithin))
	}
}

// ladder checks an escalation ladder: every rung fires at a time and does something, and
// the rungs come in the order they fire.
func (c *checker) ladder(s *Step, p string) {
	var prev *Rung
	for i := range s.Escalate {
		r := &s.Escalate[i]
		rp := p + ".escalate[" + strconv.Itoa(i) + "]"
		if r.After.IsZero() {
			c.problem(rp+".after", words.Msg(words.ProblemRungNeedsAfter))
			continue
		}
		if r.Remind == "" && r.To == "" && !r.Stalled && r.Goto == "" {
			c.problem(rp, words.Msg(words.ProblemRungDoesNothing))
		}
		if prev != nil && r.After.Approx() <= prev.After.Approx() {
			c.problem(rp+".after", words.Msg(words.ProblemRungOrder, "after", r.After.String(), "before", prev.After.String()))
		}
		prev = r
	}
}
