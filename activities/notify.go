package activities

import (
	"context"
	"fmt"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

// Notify logs a notification and, when a webhook is configured, posts it as JSON.
func (a *Activities) Notify(ctx context.Context, in NotifyInput) error {
	if in.CaseID == "" || in.Step == "" {
		return temporal.NewNonRetryableApplicationError(
			"notify: caseId and step are required", ErrBadInput, nil)
	}
	// Ids only: the message and the assignee go to the webhook, not into logs.
	a.cfg.Logger.Info().
		Str("case", in.CaseID).
		Str("gemeente", in.Gemeente).
		Str("team", in.Team).
		Str("step", in.Step).
		Str("task", in.TaskID).
		Str("kind", in.Kind).
		Str("to", in.To).
		Msg("notification")
	if a.cfg.NotifyWebhook == "" {
		return nil
	}
	_, err := a.post(ctx, "notify", a.cfg.NotifyWebhook, attemptKey(ctx), in)
	return err
}

// attemptKey is a key that stays the same across retries of one activity, so a
// receiver can drop duplicates of a notification that was delivered but not confirmed.
func attemptKey(ctx context.Context) string {
	if !activity.IsActivity(ctx) {
		return ""
	}
	info := activity.GetInfo(ctx)
	return fmt.Sprintf("%s/%s/%s", info.WorkflowExecution.ID, info.WorkflowExecution.RunID, info.ActivityID)
}
