package workflows

import (
	"maps"
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"
)

// view builds the CaseView of the current state: what the query, every update's answer
// and the task API show. It copies, so later changes do not leak into an answer.
func (c *caseRun) view() CaseView {
	v := CaseView{
		ID:                c.st.CaseID,
		Gemeente:          c.def.Gemeente,
		Process:           c.def.Process,
		DefinitionVersion: c.def.Version,
		Team:              c.st.Team,
		Status:            c.st.Status,
		Result:            c.st.Result,
		Started:           c.st.Started,
		Received:          c.st.Received,
		Closed:            c.st.Closed,
		ActiveSteps:       c.activeSteps(),
		Tasks:             []TaskView{},
		Suspended:         c.st.Suspended,
		SuspendReason:     c.st.SuspendReason,
		SuspendedBy:       c.st.SuspendedBy,
		Stalled:           c.stalled(),
		EscalationLevel:   c.st.Escalation,
		Deadline:          c.earliestDeadline(),
		Data:              maps.Clone(c.st.Data),
		Trail:             slices.Clone(c.st.Trail),
		Parent:            c.in.Parent,
		Handoffs:          c.handoffViews(),
	}
	if c.st.Stuck {
		v.StuckStep, v.StuckReason = c.st.StuckStep, c.st.StuckReason
	}
	if c.st.Suspended {
		s := c.st.SuspendedSince
		v.SuspendedSince = &s
	}
	// Every child case ever started stays listed, open or closed; before Referred was
	// kept, only the awaited ones still running were known.
	v.Children = slices.Clone(c.st.Referred)
	for _, ch := range c.st.Children {
		if !slices.Contains(v.Children, ch.WorkflowID) {
			v.Children = append(v.Children, ch.WorkflowID)
		}
	}
	for _, w := range c.st.Waits {
		if w.Event != "" {
			v.Events = append(v.Events, w.Event)
		}
	}
	for _, t := range c.st.Tasks {
		v.Tasks = append(v.Tasks, c.taskView(t))
	}
	return v
}

// taskView is one open task with its form.
func (c *caseRun) taskView(t *Task) TaskView {
	step := c.def.Steps.Step(t.Step)
	tv := TaskView{
		CaseID:          c.st.CaseID,
		ID:              t.ID,
		Step:            t.Step,
		Roles:           slices.Clone(t.Roles),
		Team:            c.st.Team,
		Assignee:        t.Assignee,
		Opened:          t.Opened,
		Received:        c.st.Received,
		Deadline:        t.deadline(),
		Overdue:         t.Overdue,
		Extended:        t.Extended,
		ClockStopped:    !t.FrozenAt.IsZero(),
		ClockStoppedBy:  t.StoppedBy,
		EscalationLevel: t.Level,
	}
	if step != nil {
		tv.Title = stepTitle(step.ID, step.Title)
		tv.Role = step.Role
		tv.Form = step.Form
		tv.Suspendable = step.Suspendable
		tv.Law = c.lawOf(t)
	}
	if a := t.alarm(alarmNorm); a != nil {
		n := a.Due
		tv.Norm = &n
	}
	return tv
}

// stepTitle is the title, or the id when the designer gave none.
func stepTitle(id, title string) string {
	if title != "" {
		return title
	}
	return id
}

// activeSteps are the steps the case waits in: open tasks, pending waits, awaited
// child cases; sorted, without repeats.
func (c *caseRun) activeSteps() []string {
	set := map[string]bool{}
	for _, t := range c.st.Tasks {
		set[t.Step] = true
	}
	for _, w := range c.st.Waits {
		set[w.Step] = true
	}
	for _, ch := range c.st.Children {
		set[ch.Step] = true
	}
	for _, h := range c.st.Handoffs {
		set[h.Step] = true
	}
	return workflow.DeterministicKeys(set)
}

// stalled: an open task is past its deadline or was marked stalled by its ladder, or
// routing got stuck.
func (c *caseRun) stalled() bool {
	if c.st.Status != StatusOpen {
		return false
	}
	if c.st.Stuck || c.handoffFailed() {
		return true
	}
	for _, t := range c.st.Tasks {
		if t.Overdue || t.Stalled {
			return true
		}
	}
	return false
}

// earliestDeadline is the earliest deadline of an open task, or nil.
func (c *caseRun) earliestDeadline() *time.Time {
	var best *time.Time
	for _, t := range c.st.Tasks {
		if d := t.deadline(); d != nil && (best == nil || d.Before(*best)) {
			best = d
		}
	}
	return best
}
