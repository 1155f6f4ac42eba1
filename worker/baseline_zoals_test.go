package worker_test

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/workflows"
)

// VierZoals is the four tasks of testdorp/vier as a team would build them by hand with
// the SDK to run the same product as wijkflow: vierBaseline's Updates, plus what the
// workers' task lists and the deadlines need. Each transition upserts the search
// attributes wijkflow's lists query (the same keys, so the same queries find both) and
// a memo with the open task (encrypted by the client's codec, like every payload); each
// open task has a one-week timer, cancelled when the task is done, that marks it overdue.
// Gemeente, process and team are set by the client at the start.
const (
	zoalsWorkflow = "VierZoals"
	zoalsTeam     = "noord"
	zoalsRole     = "coach"
	zoalsLead     = "leider" // the team leader sees every task, as in wijkflow
	zoalsDeadline = 7 * 24 * time.Hour
	zoalsMemo     = "tasks"
)

// zoalsTask is an open task as the memo shows it to the task lists.
type zoalsTask struct {
	ID       string    `json:"id"`
	Step     string    `json:"step"`
	Team     string    `json:"team"`
	Role     string    `json:"role"`
	Deadline time.Time `json:"deadline"`
	Overdue  bool      `json:"overdue"`
}

// zoalsStart are the search attributes the client sets when it starts a case.
func zoalsStart() temporal.SearchAttributes {
	return temporal.NewSearchAttributes(workflows.SAGemeente.ValueSet("testdorp"),
		workflows.SAProcess.ValueSet("vier"), workflows.SATeam.ValueSet(zoalsTeam))
}

func vierZoals(ctx workflow.Context, bron string) (map[string]any, error) {
	f := &fourTasks{data: map[string]any{"bron": bron}}
	if err := f.handle(ctx); err != nil {
		return nil, err
	}
	for !f.done() {
		open := f.current()
		task := zoalsTask{ID: open.ID, Step: open.Step, Team: zoalsTeam, Role: zoalsRole,
			Deadline: workflow.Now(ctx).Add(zoalsDeadline)}
		timerCtx, cancelTimer := workflow.WithCancel(ctx)
		timer := workflow.NewTimer(timerCtx, zoalsDeadline)
		if err := zoalsPublish(ctx, &task); err != nil {
			return nil, err
		}
		err := workflow.Await(ctx, func() bool { return f.current() != open || timer.IsReady() })
		if err == nil && f.current() == open {
			task.Overdue = true // the lists show it; the search attributes stay
			if err = workflow.UpsertMemo(ctx, zoalsMemoOf(&task)); err == nil {
				err = workflow.Await(ctx, func() bool { return f.current() != open })
			}
		}
		cancelTimer()
		if err != nil {
			return nil, err
		}
	}
	if err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) }); err != nil {
		return nil, err
	}
	return f.data, zoalsPublish(ctx, nil)
}

// zoalsPublish shows the open task (nil: none, the case is closing) to the task lists:
// one search attribute upsert and one memo upsert.
func zoalsPublish(ctx workflow.Context, t *zoalsTask) error {
	if t == nil {
		if err := workflow.UpsertTypedSearchAttributes(ctx, workflows.SAStep.ValueUnset(),
			workflows.SARoles.ValueUnset(), workflows.SADeadline.ValueUnset()); err != nil {
			return err
		}
		return workflow.UpsertMemo(ctx, zoalsMemoOf(nil))
	}
	if err := workflow.UpsertTypedSearchAttributes(ctx,
		workflows.SAStep.ValueSet([]string{t.Step}),
		workflows.SARoles.ValueSet([]string{t.Role, zoalsLead}),
		workflows.SAAssignees.ValueUnset(), // a new task is nobody's yet
		workflows.SADeadline.ValueSet(t.Deadline)); err != nil {
		return err
	}
	return workflow.UpsertMemo(ctx, zoalsMemoOf(t))
}

// zoalsMemoOf is the memo with the open task (nil: none).
func zoalsMemoOf(t *zoalsTask) map[string]any {
	tasks := []zoalsTask{}
	if t != nil {
		tasks = append(tasks, *t)
	}
	return map[string]any{zoalsMemo: tasks}
}
