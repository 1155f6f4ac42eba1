package workflows

import (
	"slices"
	"strings"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// joinKind is a join step: it waits until every step in step.Join has arrived, then
// goes on once. A step not opened by the parallel step (its condition did not hold)
// never arrives, so a designer joins only branches that always run. Who arrived is kept
// per join step in CaseState.Arrived.
type joinKind struct{ stateless }

func (joinKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, from string) {
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
	return strings.Join(s, ",")
}

// unmovable: a half-arrived join stays a join in the new version.
func (joinKind) unmovable(c *caseRun, to *definitions.Definition) string {
	for _, j := range workflow.DeterministicKeys(c.st.Arrived) {
		if len(c.st.Arrived[j]) == 0 {
			continue
		}
		if reason := sameKind(to, j, definitions.KindJoin); reason != "" {
			return reason
		}
	}
	return ""
}

// close forgets who arrived.
func (joinKind) close(_ workflow.Context, c *caseRun) {
	c.st.Arrived = map[string][]string{}
}
