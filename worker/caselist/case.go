package caselist

import (
	"sync"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/workflows"
)

// Case is one running case as the lists need it: its search attributes, and from its
// memo the open tasks and the resident's name.
type Case struct {
	ID       string
	Started  time.Time
	Gemeente string
	Process  string
	// Version is the definition version the case runs on.
	Version string
	Team    string
	// Steps are the steps the case is in now.
	Steps []string
	// Stalled and Suspended are the case's flags; HasStalled and HasSuspended say the
	// case set them at all (a case from before a flag existed has none).
	Stalled, Suspended       bool
	HasStalled, HasSuspended bool
	Escalation               int64
	HasEscalation            bool
	// Deadline is the earliest deadline of its open tasks.
	Deadline *time.Time

	memo   memo
	closed bool // a change closed it: it leaves the list
}

// memo is the case's memo, decoded on first use.
type memo struct {
	once     sync.Once
	raw      map[string]*commonpb.Payload
	dc       converter.DataConverter
	tasks    []workflows.TaskSummary
	resident string
	named    bool // the memo holds the resident's name (cases from before it do not)
}

// Tasks are the open tasks as the case's memo lists them; none when the memo does not
// read (a key not loaded here): one odd case never fails a list.
func (c *Case) Tasks() []workflows.TaskSummary {
	c.memo.decode()
	return c.memo.tasks
}

// Resident is the resident's name from the memo; ok is false when the memo does not
// hold it (a case started before the memo did), so a list that needs the name asks the
// case.
func (c *Case) Resident() (name string, ok bool) {
	c.memo.decode()
	return c.memo.resident, c.memo.named
}

func (m *memo) decode() {
	m.once.Do(func() {
		if m.raw == nil {
			return
		}
		if p := m.raw[workflows.MemoTasks]; p != nil {
			if m.dc.FromPayload(p, &m.tasks) != nil {
				m.tasks = nil
			}
		}
		if p := m.raw[workflows.MemoResident]; p != nil {
			m.named = m.dc.FromPayload(p, &m.resident) == nil
		}
		m.raw = nil
	})
}

// fromExecution reads one listed execution; dc decrypts its memo when first needed.
func fromExecution(e *workflowpb.WorkflowExecutionInfo, dc converter.DataConverter) *Case {
	sa := e.GetSearchAttributes().GetIndexedFields()
	get := func(name string, v any) bool {
		p := sa[name]
		// Search attributes are never encrypted: the server indexes them.
		return p != nil && p.Data != nil && converter.GetDefaultDataConverter().FromPayload(p, v) == nil
	}
	c := &Case{ID: e.GetExecution().GetWorkflowId(), Started: e.GetStartTime().AsTime()}
	get(workflows.SAGemeente.GetName(), &c.Gemeente)
	get(workflows.SAProcess.GetName(), &c.Process)
	get(workflows.SADefinitionVersion.GetName(), &c.Version)
	get(workflows.SATeam.GetName(), &c.Team)
	get(workflows.SAStep.GetName(), &c.Steps)
	c.HasStalled = get(workflows.SAStalled.GetName(), &c.Stalled)
	c.HasSuspended = get(workflows.SASuspended.GetName(), &c.Suspended)
	c.HasEscalation = get(workflows.SAEscalation.GetName(), &c.Escalation)
	var d time.Time
	if get(workflows.SADeadline.GetName(), &d) && !d.IsZero() {
		c.Deadline = &d
	}
	c.memo.raw, c.memo.dc = e.GetMemo().GetFields(), dc
	return c
}

// FromView is the case as a change just answered it (an update's view), for Changed;
// resident is the resident's name as the case's definition names it.
func FromView(v *workflows.CaseView, resident string) *Case {
	c := &Case{
		ID: v.ID, Started: v.Started, Gemeente: v.Gemeente, Process: v.Process, Version: v.DefinitionVersion,
		Team: v.Team, Steps: v.ActiveSteps, Stalled: v.Stalled, Suspended: v.Suspended,
		HasStalled: true, HasSuspended: true, Escalation: int64(v.EscalationLevel), HasEscalation: true,
		Deadline: v.Deadline, closed: v.Status != workflows.StatusOpen,
	}
	c.memo.once.Do(func() {}) // nothing to decode
	c.memo.resident, c.memo.named = resident, true
	c.memo.tasks = make([]workflows.TaskSummary, 0, len(v.Tasks))
	for _, t := range v.Tasks {
		c.memo.tasks = append(c.memo.tasks, summaryOf(t))
	}
	return c
}

// summaryOf is the memo's form of a task the view shows.
func summaryOf(t workflows.TaskView) workflows.TaskSummary {
	received := t.Received
	return workflows.TaskSummary{
		ID: t.ID, Step: t.Step, Title: t.Title, Roles: t.Roles, Team: t.Team, Assignee: t.Assignee,
		Opened: t.Opened, Received: &received, Deadline: t.Deadline, Overdue: t.Overdue,
		Extended: t.Extended, EscalationLevel: t.EscalationLevel, ClockStopped: t.ClockStopped,
	}
}
