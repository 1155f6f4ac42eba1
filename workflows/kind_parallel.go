package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// parallelKind is a parallel step: it opens every transition whose condition holds at
// once. The branches meet again at a join step (kind_join.go).
type parallelKind struct{ stateless }

func (parallelKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	next := c.matching(ctx, step, true)
	if len(next) == 0 {
		c.stuck(ctx, step.ID, words.Msg(words.StuckNoTransition))
		return
	}
	for _, n := range next {
		c.queue = append(c.queue, arrival{Step: n, From: step.ID})
	}
	starvedJoins(ctx, c, step, next)
}

// starvedJoinChange is the workflow.GetVersion change id of marking a case stuck as
// soon as a split leaves a join waiting for a step that can no longer arrive.
const starvedJoinChange = "starved-join"

// starvedJoins marks the case stuck, with the reason, when the branches a split did
// not open were the only way to a step a join waits for: the case would wait there for
// ever. (The validator rejects the plain form of this; it remains possible through
// decisions inside a branch.) The lead can route the case on from the join.
func starvedJoins(ctx workflow.Context, c *caseRun, step *definitions.Step, taken []string) {
	starved := definitions.StarvedJoins(c.def, step, taken)
	if len(starved) == 0 || workflow.GetVersion(ctx, starvedJoinChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return
	}
	for _, s := range starved {
		c.stuck(ctx, s.Join, words.Msg(words.StuckJoinMissing, "join", s.Join, "missing", s.Missing, "parallel", step.ID))
	}
}
