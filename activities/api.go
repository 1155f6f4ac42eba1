package activities

// Activity names, as registered by the worker and called by the case workflow.
const (
	NotifyName  = "Notify"
	HandoffName = "Handoff"
)

// Error types of non-retryable activity failures.
const (
	// ErrRejected: the webhook answered 4xx; retrying will not help.
	ErrRejected = "WebhookRejected"
	// ErrBadInput: the activity input is incomplete.
	ErrBadInput = "BadInput"
)

// NotifyInput is one notification: a reminder, an escalation or a notify step. It holds
// ids and a designer-written message only, never personal data.
type NotifyInput struct {
	CaseID   string `json:"caseId"`
	Gemeente string `json:"gemeente"`
	Process  string `json:"process"`
	Team     string `json:"team"`
	Step     string `json:"step"`
	TaskID   string `json:"taskId,omitempty"`
	// Kind is "remind", "escalate" or "notify".
	Kind string `json:"kind"`
	// To is "assignee" or a role id.
	To string `json:"to"`
	// Assignee is the user id of the task's assignee, when To is "assignee".
	Assignee string `json:"assignee,omitempty"`
	Message  string `json:"message,omitempty"`
}

// HandoffInput hands a case over to an external provider (a referral to specialist care).
type HandoffInput struct {
	CaseID   string `json:"caseId"`
	Gemeente string `json:"gemeente"`
	Process  string `json:"process"`
	Step     string `json:"step"`
	Provider string `json:"provider"`
	// IdempotencyKey is stable across retries so the provider registers one referral.
	IdempotencyKey string `json:"idempotencyKey"`
}

// HandoffResult is the provider's answer.
type HandoffResult struct {
	// Reference is the provider's id for the referral.
	Reference string `json:"reference"`
}
