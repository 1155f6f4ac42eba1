package definitions

import (
	"fmt"
	"strconv"
)

// KindTask is a human task with a form.
const KindTask Kind = "task"

// taskKind is a person's work: a role fills in a form, within its clocks and an
// escalation ladder.
type taskKind struct{}

var _ KindSpec = taskKind{}

func (taskKind) Name() Kind  { return KindTask }
func (taskKind) Doc() string { return "a human task with a form" }
func (taskKind) Keys() []string {
	return []string{"role", "form", "deadline", "norm", "suspendable", "extendable", "escalate", "stops"}
}
func (taskKind) Flow() Flow                { return FirstMatch }
func (taskKind) Instant(*Step) bool        { return false }
func (taskKind) Shape(label string) string { return "[" + label + "]" }

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
	if st.Suspendable {
		lines = append(lines, "opschortbaar (Awb 4:15)")
	}
	if st.Extendable != nil {
		lines = append(lines, "verlengbaar ≤ "+st.Extendable.String()+" (Awb 4:14)")
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
		c.fail(p+".role", "a task needs a role, e.g. role: wijkcoach")
	}
	if len(s.Form) == 0 {
		c.fail(p+".form", "a task needs a form with at least one field")
	}
	c.deadline(s.Deadline, p+".deadline")
	c.deadline(s.Norm, p+".norm")
	if s.Norm != nil && s.Norm.Law != "" {
		c.failKey(p+".norm.law", "a norm is the team's own service norm, not a legal term, so law: means nothing here; move law: to the deadline (the legal term), or remove it")
	}
	if s.Extendable != nil && s.Deadline == nil {
		c.failKey(p+".extendable", "extendable lengthens the deadline, but the step has none; add deadline: or remove extendable")
	}
	if s.Suspendable && s.Deadline == nil && s.Norm == nil {
		c.failKey(p+".suspendable", "suspendable stops the step's clocks, but it has no deadline or norm; add one or remove suspendable")
	}
	c.ladder(s, p)
}

// deadline checks a clock's term; its from is checked with the other references.
func (c *checker) deadline(dl *Deadline, p string) {
	if dl != nil && dl.Within.IsZero() {
		c.fail(p+".within", "is required: the length of the term, e.g. within: 6w")
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
			c.fail(rp+".after", "is required: when the rung fires, e.g. after: 5w")
			continue
		}
		if r.Remind == "" && r.To == "" && !r.Stalled && r.Goto == "" {
			c.fail(rp, "a rung does nothing; add remind, to, stalled or goto")
		}
		if prev != nil && r.After.Approx() <= prev.After.Approx() {
			c.fail(rp+".after", fmt.Sprintf("%s must come later than the rung before (%s); order the rungs by after", r.After, prev.After))
		}
		prev = r
	}
}
