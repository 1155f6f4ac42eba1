package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// enter runs one step: it records the entry, then hands the step to its kind
// (kinds.go), which either leaves something open (a task, a wait, a child case) or
// queues the next steps.
func (c *caseRun) enter(ctx workflow.Context, a arrival) {
	step := c.def.Steps.Step(a.Step)
	if step == nil {
		c.stuck(ctx, a.From, words.Msg(words.StuckUnknownStep, "target", a.Step))
		return
	}
	c.st.Seq[step.ID]++
	c.st.Entered[step.ID] = workflow.Now(ctx)
	c.addTrail(ctx, TrailEntry{Event: EventStepEntered, Step: step.ID, Args: args("kind", string(step.Kind))})
	k := kindOf(step.Kind)
	if k == nil {
		c.stuck(ctx, step.ID, words.Msg(words.StuckUnknownKind, "kind", string(step.Kind)))
		return
	}
	k.enter(ctx, c, step, a.From)
}

// route queues the next step after step: the first transition whose condition holds.
func (c *caseRun) route(ctx workflow.Context, step *definitions.Step) {
	next := c.matching(ctx, step, false)
	if len(next) == 0 {
		c.stuck(ctx, step.ID, words.Msg(words.StuckNoTransition))
		return
	}
	c.queue = append(c.queue, arrival{Step: next[0], From: step.ID})
}

// matching returns the targets of the step's transitions whose condition holds: the
// first one only, or all of them. A condition that cannot be evaluated counts as not
// holding, with a trail entry: routing never guesses on a broken condition but falls
// through to the next transition (usually the unconditional default).
func (c *caseRun) matching(ctx workflow.Context, step *definitions.Step, all bool) []string {
	var out []string
	for _, tr := range step.Next {
		ok := true
		if tr.When != "" {
			var err error
			ok, err = c.cond.Eval(tr.When, c.st.Data)
			if err != nil {
				c.addTrail(ctx, TrailEntry{Event: EventConditionError, Step: step.ID, Detail: err.Error()})
				c.log(ctx, step.ID, "").Warn("condition could not be evaluated; taken as false")
				ok = false
			}
		}
		if ok {
			out = append(out, tr.Goto)
			if !all {
				break
			}
		}
	}
	return out
}

// stuck records that the case cannot go on from a step. The case stays open and is
// marked stalled, so a manager finds it, rather than failing the workflow.
func (c *caseRun) stuck(ctx workflow.Context, step string, why words.Message) {
	c.st.Stuck, c.st.StuckStep, c.st.StuckReason = true, step, why.String()
	c.addTrail(ctx, TrailEntry{Event: EventStuck, Step: step, Args: sayArgs(why)})
	c.log(ctx, step, "").Warn("case cannot go on: " + why.String())
}
