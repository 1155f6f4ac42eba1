package workflows

import (
	"go.temporal.io/sdk/workflow"
)

// factsChange is the workflow.GetVersion change id of publishing the facts record as
// the memo MemoFacts: a memo upsert where there was none before.
const factsChange = "wijk-facts"

// factsLastEventsChange is the workflow.GetVersion change id of publishing once more when
// the case has settled after its close (workflow.go): a notification that reports into
// the trail after the close then reaches the published events.
const factsLastEventsChange = "facts-last-events"

// factsPublisher decides when the facts record is published: when its mark changed
// (facts_observe.go), in cases of factsChange version 1. It asks for the version only
// the first time there is something to publish, so a case pays for the marker once.
type factsPublisher struct {
	last    factsMark
	sent    bool
	version workflow.Version
	asked   bool
}

// update observes the case and returns the record to publish, or nil.
func (p *factsPublisher) update(ctx workflow.Context, c *caseRun) *Facts {
	f := c.observeFacts(workflow.Now(ctx))
	m := f.mark()
	if p.sent && m == p.last {
		return nil
	}
	if !p.asked {
		p.version, p.asked = workflow.GetVersion(ctx, factsChange, workflow.DefaultVersion, 1), true
	}
	if p.version == workflow.DefaultVersion {
		return nil
	}
	p.last, p.sent = m, true
	out := *f
	if f.Closed.IsZero() {
		// The visits of steps count only for closed cases (doorlooptijd per step):
		// open cases would otherwise repeat them in every upsert.
		out.Steps = nil
	} else {
		// The event log is published once, at the close, for the same reason.
		out.Events, out.Dropped = eventFacts(c.st.Trail), c.st.TrailDropped
	}
	return &out
}
