package worker_test

import (
	"errors"
	"fmt"
	"maps"
	"time"

	"go.temporal.io/sdk/workflow"
)

// The baselines of BenchmarkBesideSDK: the four tasks of testdorp/vier written by hand
// with the SDK, as a team without wijkflow would. vierBaseline is the minimal one: an
// Update per task, its answer the next task, the form data kept in the workflow; no
// definition, trail, terms, search attributes or actor checks. VierZoals
// (baseline_zoals_test.go) adds what the task lists and deadlines need.
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

// fourTasks is the state both baselines share: which task is open, and the form data.
type fourTasks struct {
	at   int
	data map[string]any
}

func (f *fourTasks) done() bool { return f.at == len(baselineSteps) }

// current is the open task; the zero task when all four are done.
func (f *fourTasks) current() baselineTask {
	if f.done() {
		return baselineTask{}
	}
	return baselineTask{ID: fmt.Sprintf("%s-%d", baselineSteps[f.at], f.at+1), Step: baselineSteps[f.at]}
}

// handle sets the two Updates: "complete" (the open task with its form) and "open", the
// create's Update-with-Start, answered with the first task as wijkflow's create answers
// with the first view.
func (f *fourTasks) handle(ctx workflow.Context) error {
	err := workflow.SetUpdateHandlerWithOptions(ctx, baselineComplete,
		func(ctx workflow.Context, id string, form map[string]any) (baselineTask, error) {
			maps.Copy(f.data, form) // in any order: the result is the same
			f.at++
			return f.current(), nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, id string, form map[string]any) error {
			if f.done() || id != f.current().ID {
				return errors.New("no such open task")
			}
			return nil
		}})
	if err != nil {
		return err
	}
	return workflow.SetUpdateHandler(ctx, baselineOpen, func(ctx workflow.Context) (baselineTask, error) {
		return f.current(), nil
	})
}

func vierBaseline(ctx workflow.Context, bron string) (map[string]any, error) {
	f := &fourTasks{data: map[string]any{"bron": bron}}
	if err := f.handle(ctx); err != nil {
		return nil, err
	}
	if err := workflow.Await(ctx, f.done); err != nil {
		return nil, err
	}
	err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
	return f.data, err
}

// baselineTimeout bounds one call of the baseline's driver.
const baselineTimeout = time.Minute
