package workflows

import (
	"maps"
	"slices"

	"go.temporal.io/sdk/workflow"
)

// view builds the CaseView of the current state: what the query, every update's answer
// and the task API show. It copies, so later changes do not leak into an answer.
func (c *caseRun) view() CaseView {
	v := CaseView{
		CaseHeader: CaseHeader{
			ID:                c.st.CaseID,
			Gemeente:          c.def.Gemeente,
			Process:           c.def.Process,
			DefinitionVersion: c.def.Version,
			Team:              c.st.Team,
			Status:            c.st.Status,
		},
		Result:          c.st.Result,
		Started:         c.st.Started,
		Received:        c.st.Received,
		Closed:          c.st.Closed,
		ActiveSteps:     c.activeSteps(),
		Tasks:           []TaskView{},
		Suspended:       c.st.Suspended,
		SuspendReason:   c.st.SuspendReason,
		SuspendedBy:     c.st.SuspendedBy,
		Stalled:         c.stalled(),
		EscalationLevel: c.st.Escalation,
		Deadline:        c.tasks.earliestDeadline(),
		Clocks:          c.clocks.caseClockViews(),
		Data:            maps.Clone(c.st.Data),
		Answers:         c.st.answered(),
		Trail:           slices.Clone(c.st.Trail),
		Parent:          c.in.Parent,
	}
	if c.st.Stuck {
		v.StuckStep, v.StuckReason = c.st.StuckStep, c.st.StuckReason
	}
	if c.st.Suspended {
		s := c.st.SuspendedSince
		v.SuspendedSince = &s
	}
	for _, e := range stepKinds {
		e.run.show(c, &v)
	}
	return v
}

// stepTitle is the title, or the id when the designer gave none.
func stepTitle(id, title string) string {
	if title != "" {
		return title
	}
	return id
}

// activeSteps are the steps the case waits in (open tasks, pending waits, awaited
// child cases, hand-offs: what each kind holds); sorted, without repeats.
func (c *caseRun) activeSteps() []string {
	set := map[string]bool{}
	for _, e := range stepKinds {
		for _, s := range e.run.holds(c) {
			set[s] = true
		}
	}
	return workflow.DeterministicKeys(set)
}

// stalled: routing got stuck, or a kind waits for a person (an open task past its
// deadline or marked stalled by its ladder, a failed hand-off).
func (c *caseRun) stalled() bool {
	if c.st.Status != StatusOpen {
		return false
	}
	return c.st.Stuck || anyKind(func(k stepKind) bool { return k.stalled(c) })
}
