// Package activities holds the case workflow's side effects: notifications (reminders,
// escalations, notify steps) and the hand-off of a referral to an external provider.
//
// Both talk to webhooks configured in a Config struct; nothing here reads the environment.
// A webhook's 4xx answer is a non-retryable ErrRejected failure (retrying sends the same
// request again); 5xx answers, 408/425/429, timeouts and network errors are retryable
// ErrUnavailable failures; incomplete input is a non-retryable ErrBadInput. RetryPolicy
// names the non-retryable types for the workflow.
//
// The worker registers the activities under NotifyName and HandoffName:
//
//	acts := activities.New(activities.Config{Logger: log, NotifyWebhook: url})
//	acts.Register(w)
//
// Logs carry ids only (case, gemeente, team, step, task, kind, to), never personal data.
package activities
