package workflows

import (
	"strconv"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// openTask opens a human task. Its id is the step id and the how-manieth entry of that
// step ("keukentafelgesprek-1"): readable, deterministic, and free of personal data.
func (c *caseRun) openTask(ctx workflow.Context, step *definitions.Step) {
	now := workflow.Now(ctx)
	t := &Task{
		ID:     step.ID + "-" + strconv.Itoa(c.st.Seq[step.ID]),
		Step:   step.ID,
		Opened: now,
	}
	if step.Role != "" {
		t.Roles = []string{step.Role}
	}
	t.Alarms = c.alarms(step, now)
	if c.st.Suspended && step.Suspendable {
		t.FrozenAt = now
	}
	c.st.Tasks = append(c.st.Tasks, t)
	c.addTrail(ctx, TrailEntry{Event: "task-opened", Step: step.ID, Task: t.ID})
	c.noteTerms(ctx, step, t)
	c.joinStop(ctx, step, t)
	c.startStop(ctx, step, t)
}

// closeTask removes an open task.
func (c *caseRun) closeTask(id string) {
	for i, t := range c.st.Tasks {
		if t.ID == id {
			c.st.Tasks = append(c.st.Tasks[:i:i], c.st.Tasks[i+1:]...)
			return
		}
	}
}

// completeTask closes a task with its form data, merges the data into the case and
// routes on. The caller holds the case (advance).
func (c *caseRun) completeTask(ctx workflow.Context, t *Task, actor string, data map[string]any) {
	step := c.def.Steps.Step(t.Step)
	for _, k := range workflow.DeterministicKeys(data) {
		c.st.Data[k] = data[k]
	}
	c.closeTask(t.ID)
	c.addTrail(ctx, TrailEntry{Event: "task-completed", Step: t.Step, Task: t.ID, Actor: actor})
	c.endStop(ctx, t, "aangevuld")
	c.endSuspensionWith(ctx, t, actor)
	c.log(ctx, t.Step, t.ID).Info("task completed")
	c.route(ctx, step)
}
