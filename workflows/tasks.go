package workflows

import (
	"slices"
	"strconv"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// taskList is the case's open human tasks (CaseState.Tasks): opening, assigning,
// completing and closing them, and how they show in the view and the memo. Their
// clocks are clocks.go's, their hersteltermijnen herstel.go's.
type taskList struct{ *caseRun }

// open opens a human task. Its id is the step id and the how-manieth entry of that
// step ("keukentafelgesprek-1"): readable, deterministic, and free of personal data.
func (c *taskList) open(ctx workflow.Context, step *definitions.Step) {
	now := workflow.Now(ctx)
	t := &Task{
		ID:     step.ID + "-" + strconv.Itoa(c.st.Seq[step.ID]),
		Step:   step.ID,
		Opened: now,
	}
	if step.Role != "" {
		t.Roles = []string{step.Role}
	}
	t.Alarms = c.clocks.alarms(step, now)
	if c.st.Suspended && step.Suspendable {
		t.FrozenAt = now
	}
	c.st.Tasks = append(c.st.Tasks, t)
	c.addTrail(ctx, TrailEntry{Event: EventTaskOpened, Step: step.ID, Task: t.ID})
	c.clocks.noteTerms(ctx, step, t)
	c.stops.join(ctx, step, t)
	c.stops.start(ctx, step, t)
	c.clocks.handOver(ctx, t)
}

// close removes an open task; the case's escalation level follows (escalation.go).
func (c *taskList) close(id string) {
	for i, t := range c.st.Tasks {
		if t.ID == id {
			c.st.Tasks = append(c.st.Tasks[:i:i], c.st.Tasks[i+1:]...)
			c.resetEscalation()
			return
		}
	}
}

// complete closes a task with its form data, merges the data into the case and
// routes on. The caller holds the case (advance).
func (c *taskList) complete(ctx workflow.Context, t *Task, actor string, data map[string]any) {
	step := c.def.Steps.Step(t.Step)
	c.st.keepAnswers(t.Step, t.ID, workflow.Now(ctx), data)
	c.close(t.ID)
	c.addTrail(ctx, TrailEntry{Event: EventTaskCompleted, Step: t.Step, Task: t.ID, Actor: actor})
	c.stops.end(ctx, t, words.RestartCompleted)
	c.clocks.endSuspensionWith(ctx, t, actor)
	c.log(ctx, t.Step, t.ID).Info("task completed")
	c.route(ctx, step)
}

// assign sets or clears a task's assignee.
func (c *taskList) assign(ctx workflow.Context, t *Task, actor, assignee string, event Event) {
	t.Assignee = assignee
	c.addTrail(ctx, TrailEntry{Event: event, Step: t.Step, Task: t.ID, Actor: actor, Args: assigneeArgs(assignee)})
}

// ids are the ids of the open tasks.
func (c *taskList) ids() []string {
	ids := make([]string, len(c.st.Tasks))
	for i, t := range c.st.Tasks {
		ids[i] = t.ID
	}
	return ids
}

// viewOf is one open task with its form.
func (c *taskList) viewOf(t *Task) TaskView {
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
		ClockStopped:    t.clockStopped(),
		ClockStoppedBy:  t.StoppedBy,
		EscalationLevel: t.Level,
	}
	if step != nil {
		tv.Title = stepTitle(step.ID, step.Title)
		tv.Role = step.Role
		tv.Form = step.Form
		tv.Suspendable = step.Suspendable
		tv.Law = c.clocks.lawOf(t)
	}
	if a := t.alarm(alarmNorm); a != nil {
		n := a.Due
		tv.Norm = &n
	}
	return tv
}

// earliestDeadline is the earliest deadline of an open task or of a term from the
// melding (clocks_case.go), or nil.
func (c *taskList) earliestDeadline() *time.Time {
	best := c.clocks.earliestCaseDeadline()
	for _, t := range c.st.Tasks {
		if d := t.deadline(); d != nil && (best == nil || d.Before(*best)) {
			best = d
		}
	}
	return best
}

// summaries is the memo's list of open tasks; from listMemoRows on with the flags a
// list row shows, else those stay zero, so older cases publish what they always did.
func (c *taskList) summaries() []TaskSummary {
	out := []TaskSummary{}
	received := c.st.Received
	for _, t := range c.st.Tasks {
		title := t.Step
		if s := c.def.Steps.Step(t.Step); s != nil {
			title = stepTitle(s.ID, s.Title)
		}
		s := TaskSummary{
			ID: t.ID, Step: t.Step, Title: title, Roles: slices.Clone(t.Roles), Team: c.st.Team,
			Assignee: t.Assignee, Opened: t.Opened, Received: &received, Deadline: t.deadline(), Overdue: t.Overdue,
		}
		if c.listMemo >= listMemoRows {
			s.Extended, s.EscalationLevel, s.ClockStopped = t.Extended, t.Level, t.clockStopped()
		}
		out = append(out, s)
	}
	return out
}

// rolesAndAssignees: who may act on open tasks (with the lead role, which may act on
// all), and who claimed one; both sorted, for task listing by one visibility query.
func (c *taskList) rolesAndAssignees() ([]string, []string) {
	roles, users := map[string]bool{}, map[string]bool{}
	for _, t := range c.st.Tasks {
		for _, r := range t.Roles {
			roles[r] = true
		}
		if c.def.Lead != "" {
			roles[c.def.Lead] = true
		}
		if t.Assignee != "" {
			users[t.Assignee] = true
		}
	}
	return workflow.DeterministicKeys(roles), workflow.DeterministicKeys(users)
}
