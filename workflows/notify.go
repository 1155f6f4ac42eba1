package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/internal/words"
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

// notifier sends notifications (notify steps, reminders and escalations) beside the
// case, and counts those not yet answered.
type notifier struct {
	*caseRun
	// sending counts notifications sent but not yet answered; the run ends or
	// continues as new only when it is zero, so none is lost.
	sending int
}

// notify sends a notification through the Notify activity. The case does not wait for
// it: a notification that fails never holds a case (it is noted in the trail), and an
// update whose step notifies must answer at once even while a webhook is down. The run
// waits for pending notifications only before it ends or continues as new.
func (c *notifier) notify(ctx workflow.Context, in activities.NotifyInput, summary string) {
	in.CaseID, in.Gemeente, in.Process, in.Team = c.st.CaseID, c.def.Gemeente, c.def.Process, c.st.Team
	// Histories recorded before version 1 waited for every notification in place.
	v := workflow.GetVersion(ctx, asyncNotifyChange, workflow.DefaultVersion, 1)
	opts := notifyOptions
	opts.Summary = summary
	f := workflow.ExecuteActivity(workflow.WithActivityOptions(ctx, opts), activities.NotifyName, in)
	if v == workflow.DefaultVersion {
		c.notified(ctx, in, f.Get(ctx, nil))
		return
	}
	c.sending++
	workflow.Go(ctx, func(gctx workflow.Context) {
		defer func() { c.sending-- }()
		c.notified(gctx, in, f.Get(gctx, nil))
	})
}

// asyncNotifyChange is the workflow.GetVersion change id of notifications that the
// case no longer waits for.
const asyncNotifyChange = "async-notify"

// notified records the outcome of a notification in the trail.
func (c *notifier) notified(ctx workflow.Context, in activities.NotifyInput, err error) {
	if err != nil {
		c.addTrail(ctx, TrailEntry{Event: EventNotifyFailed, Step: in.Step, Task: in.TaskID, Args: notifyArgs(in, words.NotifyFailedRemind, words.NotifyFailedEscalate)})
		c.log(ctx, in.Step, in.TaskID).Warn("notification failed")
		return
	}
	c.addTrail(ctx, TrailEntry{Event: EventNotified, Step: in.Step, Task: in.TaskID, Args: notifyArgs(in, words.NotifiedRemind, words.NotifiedEscalate)})
}
