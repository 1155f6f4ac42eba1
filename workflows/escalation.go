package workflows

import "go.temporal.io/sdk/workflow"

// escalationChange is the workflow.GetVersion change id of the case's escalation level
// (WijkEscalation, CaseView.EscalationLevel): from escalationReset on it is the highest
// level of an open task, so it falls back when the late task is done or routed on and
// the overview no longer counts an on-time case as escalated; before, it stayed at the
// highest level any task ever reached. Cases recorded before replay unchanged.
const escalationChange = "escalation-reset"

// escalationReset is the version of escalationChange whose level resets.
const escalationReset workflow.Version = 1

// resetEscalation sets the case's escalation level to the highest of its open tasks,
// after a task closed; cases before escalationReset keep their level.
func (c *taskList) resetEscalation() {
	if c.escalation < escalationReset {
		return
	}
	level := 0
	for _, t := range c.st.Tasks {
		level = max(level, t.Level)
	}
	c.st.Escalation = level
}
