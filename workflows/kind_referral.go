package workflows

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// referralKind is a referral step: a child case of another process of the gemeente
// (children.go), or a hand-off to an external provider (handoff.go). An awaited child
// case holds the case until it ends; a hand-off until the provider confirms, or, when
// it failed, until the lead retries it or routes the case on (rescue.go).
type referralKind struct{}

func (referralKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	if step.Provider != "" {
		c.handoffs.start(ctx, step)
		return
	}
	c.children.start(ctx, step)
}

func (referralKind) holds(c *caseRun) []string {
	return append(stepsOf(c.st.Children, func(ch *Child) string { return ch.Step }),
		stepsOf(c.st.Handoffs, func(h *Handoff) string { return h.Step })...)
}

// show lists every child case ever started, open or closed, and the hand-offs.
func (referralKind) show(c *caseRun, v *CaseView) {
	// Before Referred was kept, only the awaited ones still running were known.
	v.Children = slices.Clone(c.st.Referred)
	for _, ch := range c.st.Children {
		if !slices.Contains(v.Children, ch.WorkflowID) {
			v.Children = append(v.Children, ch.WorkflowID)
		}
	}
	v.Handoffs = c.handoffs.views()
}

func (referralKind) describe(c *caseRun, b *strings.Builder) {
	for _, ch := range c.st.Children {
		fmt.Fprintf(b, "**Verwezen**: %s (%s)\n\n", ch.Step, ch.WorkflowID)
	}
	for _, h := range c.handoffs.views() {
		if h.Status == "failed" {
			fmt.Fprintf(b, "**Overdracht mislukt**: aan %s (%s): %s\n\n", h.Provider, h.Step, h.Reason)
			continue
		}
		fmt.Fprintf(b, "**Wacht op overdracht** aan %s (%s)\n\n", h.Provider, h.Step)
	}
}

// stalled: a hand-off failed and waits for the lead.
func (referralKind) stalled(c *caseRun) bool { return c.handoffs.failed() }

func (referralKind) next(*caseRun) moment                       { return moment{} }
func (referralKind) wake(workflow.Context, *caseRun, time.Time) {}

// busy: a hand-off activity is in flight.
func (referralKind) busy(c *caseRun) bool { return c.handoffs.inFlight > 0 }

// pinned: an awaited child case reports its end to this run only, and so does a
// hand-off not yet confirmed.
func (referralKind) pinned(c *caseRun) bool {
	return len(c.st.Children) > 0 || c.handoffs.pending()
}

// unmovable: an awaited child case stays a referral in the new version.
func (referralKind) unmovable(c *caseRun, to *definitions.Definition) string {
	for _, ch := range c.st.Children {
		if reason := sameKind(to, ch.Step, definitions.KindReferral); reason != "" {
			return reason
		}
	}
	return ""
}

// close leaves child cases running (they are cases of their own) and hand-offs to
// record their outcome.
func (referralKind) close(workflow.Context, *caseRun) {}
