package workflows

import (
	"strconv"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// term is the term a clock runs for: the deadline's own, or that of its first case
// whose condition holds on the data (Wgs art. 4a: 3 werkdagen in a crisis, else 4 weken).
type term struct {
	within law.Duration
	law    string
	// chosen is the index of the case that holds, -1 for the deadline's own term.
	chosen int
	// failed lists the cases whose condition could not be evaluated (taken as false).
	failed []string
}

// chooseTerm picks the term of a deadline or norm from the collected data. Pure: the
// same data gives the same term, so a replay chooses the same.
func (c *clocks) chooseTerm(d *definitions.Deadline) term {
	t := term{within: d.Within, law: d.Law, chosen: -1}
	for i, tc := range d.Cases {
		ok, err := c.cond.Eval(tc.When, c.st.Data)
		if err != nil {
			t.failed = append(t.failed, strconv.Itoa(i))
			continue
		}
		if ok {
			t.within, t.chosen = tc.Within, i
			if tc.Law != "" {
				t.law = tc.Law
			}
			break
		}
	}
	return t
}

// lawOf is the legal basis of a task's deadline: the one its chosen term cites.
func (c *clocks) lawOf(t *Task) string {
	if t.Law != "" {
		return t.Law
	}
	if s := c.def.Steps.Step(t.Step); s != nil && s.Deadline != nil {
		return s.Deadline.Law
	}
	return ""
}

// noteTerms records in the trail what a new task's clock was counted from when the
// definition leaves a choice: which case chose the term, and a from: date field that
// held no date (the clock then counts from the step's start).
func (c *clocks) noteTerms(ctx workflow.Context, step *definitions.Step, t *Task) {
	d := step.Deadline
	if d == nil {
		return
	}
	if len(d.Cases) > 0 {
		tm := c.chooseTerm(d)
		t.Law = tm.law
		a := args("within", tm.within.String(), "law", tm.law)
		if tm.chosen >= 0 {
			a["when"] = d.Cases[tm.chosen].When
		}
		a[argSay] = say(termChosen(tm.law != "", tm.chosen >= 0))
		c.addTrail(ctx, TrailEntry{Event: EventTermChosen, Step: step.ID, Task: t.ID, Args: a})
		for _, i := range tm.failed {
			c.addTrail(ctx, TrailEntry{Event: EventConditionError, Step: step.ID, Task: t.ID, Args: args(argSay, say(words.ConditionErrorTermCase), "case", i)})
		}
	}
	if from := d.From; from != "" && from != "step" && from != "case" && c.def.Steps.Step(from) == nil && c.def.EndOf(from) == nil {
		if _, ok := dateField(c.st.Data[from]); !ok {
			c.addTrail(ctx, TrailEntry{Event: EventTermFromMissing, Step: step.ID, Task: t.ID,
				Args: args("field", from)})
		}
	}
}
