package workflows

import (
	"slices"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// split is a parallel step: it opens every transition whose condition holds at once.
func (c *caseRun) split(ctx workflow.Context, step *definitions.Step) {
	next := c.matching(ctx, step, true)
	if len(next) == 0 {
		c.stuck(ctx, step.ID, words.Msg(words.StuckNoTransition))
		return
	}
	for _, n := range next {
		c.queue = append(c.queue, arrival{Step: n, From: step.ID})
	}
	c.starvedJoins(ctx, step, next)
}

// starvedJoinChange is the workflow.GetVersion change id of marking a case stuck as
// soon as a split leaves a join waiting for a step that can no longer arrive.
const starvedJoinChange = "starved-join"

// starvedJoins marks the case stuck, with the reason, when the branches a split did
// not open were the only way to a step a join waits for: the case would wait there for
// ever. (The validator rejects the plain form of this; it remains possible through
// decisions inside a branch.) The lead can route the case on from the join.
func (c *caseRun) starvedJoins(ctx workflow.Context, step *definitions.Step, taken []string) {
	starved := definitions.StarvedJoins(c.def, step, taken)
	if len(starved) == 0 || workflow.GetVersion(ctx, starvedJoinChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return
	}
	for _, s := range starved {
		c.stuck(ctx, s.Join, words.Msg(words.StuckJoinMissing, "join", s.Join, "missing", s.Missing, "parallel", step.ID))
	}
}

// join waits until every step in step.Join has arrived, then goes on once. A step not
// opened by the parallel step (its condition did not hold) never arrives, so a designer
// joins only branches that always run.
func (c *caseRun) join(ctx workflow.Context, step *definitions.Step, from string) {
	got := c.st.Arrived[step.ID]
	if from != "" && !slices.Contains(got, from) {
		got = append(got, from)
	}
	for _, want := range step.Join {
		if !slices.Contains(got, want) {
			c.st.Arrived[step.ID] = got
			c.addTrail(ctx, TrailEntry{Event: EventJoinWaiting, Step: step.ID, Args: args("arrived", joinList(got))})
			return
		}
	}
	delete(c.st.Arrived, step.ID)
	c.route(ctx, step)
}

// joinList writes the arrived steps, sorted, as a list argument ("a,b").
func joinList(s []string) string {
	s = slices.Clone(s)
	slices.Sort(s)
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ","
		}
		out += v
	}
	return out
}
