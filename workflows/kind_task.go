package workflows

import (
	"fmt"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// taskKind is a task step: a human task with a form, for a role, on a clock. It opens
// the task (tasks.go) with its deadline, norm and escalation ladder (clocks.go) and its
// hersteltermijn (herstel.go); the case holds there until the task is completed
// (UpdateComplete), or its ladder routes elsewhere. Its clock wakes the case.
type taskKind struct{}

func (taskKind) enter(ctx workflow.Context, c *caseRun, step *definitions.Step, _ string) {
	c.tasks.open(ctx, step)
}

func (taskKind) holds(c *caseRun) []string {
	return stepsOf(c.st.Tasks, func(t *Task) string { return t.Step })
}

func (taskKind) show(c *caseRun, v *CaseView) {
	for _, t := range c.st.Tasks {
		v.Tasks = append(v.Tasks, c.tasks.viewOf(t))
	}
}

// describe: each open task with its roles, deadline and law, e.g. "**Wacht op**:
// keukentafelgesprek (wijkcoach), deadline 2026-12-01 (Wmo 2015 art. 2.3.2)".
func (taskKind) describe(c *caseRun, b *strings.Builder) {
	defer c.clocks.describeCaseClocks(b) // the terms from the melding after the tasks
	for _, t := range c.st.Tasks {
		fmt.Fprintf(b, "**Wacht op**: %s (%s)", t.Step, strings.Join(t.Roles, ", "))
		if d := t.deadline(); d != nil {
			fmt.Fprintf(b, ", deadline %s", lastDay(*d))
			if law := c.clocks.lawOf(t); law != "" {
				fmt.Fprintf(b, " (%s)", law)
			}
		}
		if t.Overdue {
			b.WriteString(" — **te laat**")
		}
		if t.Assignee != "" {
			b.WriteString(", opgepakt")
		}
		b.WriteString("\n\n")
	}
}

// stalled: a task past its deadline, or marked stalled by its ladder.
func (taskKind) stalled(c *caseRun) bool {
	for _, t := range c.st.Tasks {
		if t.Overdue || t.Stalled {
			return true
		}
	}
	return false
}

func (taskKind) next(c *caseRun) moment { return c.clocks.earliest() }

func (taskKind) wake(ctx workflow.Context, c *caseRun, now time.Time) { c.clocks.fireDue(ctx, now) }

func (taskKind) busy(*caseRun) bool   { return false }
func (taskKind) pinned(*caseRun) bool { return false }

// unmovable: open tasks move one by one, each with its clock (migration.moveTask).
func (taskKind) unmovable(*caseRun, *definitions.Definition) string { return "" }

// close cancels the tasks still open, each with a trail entry.
func (taskKind) close(ctx workflow.Context, c *caseRun) {
	for _, t := range c.st.Tasks {
		c.addTrail(ctx, TrailEntry{Event: EventTaskCancelled, Step: t.Step, Task: t.ID})
	}
	c.st.Tasks = nil
}
