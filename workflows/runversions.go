package workflows

import "go.temporal.io/sdk/workflow"

// runVersionsChange is the workflow.GetVersion change id that stands for every change a
// run asks for at its start and its close — termsChange, caseClocksChange,
// escalationChange, listMemoChange, factsChange and factsLastEventsChange — at their
// newest versions, in one marker instead of six.
//
// Why: the SDK upserts the search attribute TemporalChangeVersion with every new marker:
// six markers were six more upsert events in a four-task case, each with the whole list
// of change ids (Temporal collapses one transaction's upserts into one visibility write,
// so the writes stayed one per workflow task; the events and bytes went). A run that finds no runVersionsChange
// marker (every case started before it, on replay) asks for each change as it always did,
// so its history replays unchanged. A change added after this one asks for its own
// version as usual; a later bundle may take it in with a version 2 of this change.
const runVersionsChange = "run-versions"

// runVersionsAll is the version of runVersionsChange that stands for the versions below.
const runVersionsAll workflow.Version = 1

// readRunVersions sets the run's versions of the changes runVersionsChange stands for:
// from one marker in a new run, each from its own marker in a run from before it.
func (c *caseRun) readRunVersions(ctx workflow.Context) {
	if workflow.GetVersion(ctx, runVersionsChange, workflow.DefaultVersion, runVersionsAll) >= runVersionsAll {
		c.bundled = true
		c.terms, c.caseClocks, c.escalation, c.listMemo = termsVersion, caseClocksFromMelding, escalationReset, listMemoRows
		c.vis.facts.version, c.vis.facts.asked = 1, true
		return
	}
	c.terms = workflow.GetVersion(ctx, termsChange, workflow.DefaultVersion, termsVersion)
	c.caseClocks = workflow.GetVersion(ctx, caseClocksChange, workflow.DefaultVersion, caseClocksFromMelding)
	c.escalation = workflow.GetVersion(ctx, escalationChange, workflow.DefaultVersion, escalationReset)
	c.listMemo = workflow.GetVersion(ctx, listMemoChange, workflow.DefaultVersion, listMemoRows)
}

// factsLastEvents reports whether a settled closed case publishes once more
// (factsLastEventsChange).
func (c *caseRun) factsLastEvents(ctx workflow.Context) bool {
	return c.bundled || workflow.GetVersion(ctx, factsLastEventsChange, workflow.DefaultVersion, 1) >= 1
}
