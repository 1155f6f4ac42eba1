package workflows

import (
	"slices"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// split is a parallel step: it opens every transition whose condition holds at once.
func (c *caseRun) split(ctx workflow.Context, step *definitions.Step) {
	next := c.matching(ctx, step, true)
	if len(next) == 0 {
		c.stuck(ctx, step.ID, "no transition applies")
		return
	}
	for _, n := range next {
		c.queue = append(c.queue, arrival{Step: n, From: step.ID})
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
			c.addTrail(ctx, TrailEntry{Event: "join-waiting", Step: step.ID, Detail: "arrived: " + joinList(got)})
			return
		}
	}
	delete(c.st.Arrived, step.ID)
	c.route(ctx, step)
}

// joinList writes the arrived steps, sorted.
func joinList(s []string) string {
	s = slices.Clone(s)
	slices.Sort(s)
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += v
	}
	return out
}
