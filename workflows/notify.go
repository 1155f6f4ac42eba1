package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

// notifyOptions: a notification is worth a few retries (the activities' own policy,
// which never retries a rejected call or bad input), but a failed one must not hold up
// the case, so attempts are capped; its failure lands in the trail and the case goes on.
var notifyOptions = workflow.ActivityOptions{
	StartToCloseTimeout: time.Minute,
	RetryPolicy:         notifyRetryPolicy(),
}

// notifyRetryPolicy is activities.RetryPolicy with at most ten attempts.
func notifyRetryPolicy() *temporal.RetryPolicy {
	p := activities.RetryPolicy()
	p.MaximumAttempts = 10
	return p
}

// notifyStep is a notify step: send the designer's message to the role, then go on.
func (c *caseRun) notifyStep(ctx workflow.Context, step *definitions.Step) {
	c.notify(ctx, activities.NotifyInput{Step: step.ID, Kind: "notify", To: step.To, Message: step.Message},
		"melding "+step.ID+" aan "+step.To)
	c.route(ctx, step)
}

// notify runs the Notify activity and waits for it; the case's ids are filled in here.
func (c *caseRun) notify(ctx workflow.Context, in activities.NotifyInput, summary string) {
	in.CaseID, in.Gemeente, in.Process, in.Team = c.st.CaseID, c.def.Gemeente, c.def.Process, c.st.Team
	opts := notifyOptions
	opts.Summary = summary
	actx := workflow.WithActivityOptions(ctx, opts)
	if err := workflow.ExecuteActivity(actx, activities.NotifyName, in).Get(ctx, nil); err != nil {
		c.addTrail(ctx, TrailEntry{Event: "notify-failed", Step: in.Step, Task: in.TaskID, Detail: in.Kind + " to " + in.To})
		c.log(ctx, in.Step, in.TaskID).Warn("notification failed")
		return
	}
	c.addTrail(ctx, TrailEntry{Event: "notified", Step: in.Step, Task: in.TaskID, Detail: in.Kind + " to " + in.To})
}
