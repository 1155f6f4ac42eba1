package worker_test

import (
	"errors"
	"fmt"
	"time"

	"go.temporal.io/sdk/workflow"
)

// The baseline of BenchmarkBesideSDK: the four tasks of testdorp/vier written by hand
// with the SDK, as a team without wijkflow would — an Update per task, its answer the
// next task, the form data kept in the workflow. No definition, trail, terms, search
// attributes or actor checks.
const (
	baselineWorkflow = "VierBaseline"
	baselineComplete = "complete"
	baselineOpen     = "open"
)

var baselineSteps = []string{"melding", "gesprek", "plan", "evaluatie"}

// baselineTask is what a completion answers: the task now open ("" when done).
type baselineTask struct {
	ID   string
	Step string
}

func vierBaseline(ctx workflow.Context, bron string) (map[string]any, error) {
	data := map[string]any{"bron": bron}
	at := 0
	taskID := func() string { return fmt.Sprintf("%s-%d", baselineSteps[at], at+1) }
	err := workflow.SetUpdateHandlerWithOptions(ctx, baselineComplete,
		func(ctx workflow.Context, id string, form map[string]any) (baselineTask, error) {
			for k, v := range form {
				data[k] = v
			}
			at++
			if at == len(baselineSteps) {
				return baselineTask{}, nil
			}
			return baselineTask{ID: taskID(), Step: baselineSteps[at]}, nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, id string, form map[string]any) error {
			if at >= len(baselineSteps) || id != taskID() {
				return errors.New("no such open task")
			}
			return nil
		}})
	if err != nil {
		return nil, err
	}
	// The create: Update-with-Start of "open", answered with the first task, as
	// wijkflow's create answers with the first view.
	if err := workflow.SetUpdateHandler(ctx, baselineOpen, func(ctx workflow.Context) (baselineTask, error) {
		return baselineTask{ID: taskID(), Step: baselineSteps[at]}, nil
	}); err != nil {
		return nil, err
	}
	if err := workflow.Await(ctx, func() bool { return at == len(baselineSteps) }); err != nil {
		return nil, err
	}
	err = workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
	return data, err
}

// baselineTimeout bounds one call of the baseline's driver.
const baselineTimeout = time.Minute
