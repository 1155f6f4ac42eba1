package activities

import (
	"net/http"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
)

// DefaultTimeout bounds one webhook call when Config.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// Config configures the activities; the worker builds it from flags and environment.
type Config struct {
	// NotifyWebhook receives every notification as JSON; empty means log only.
	NotifyWebhook string
	// Providers maps a provider id (a referral step's provider) to where its hand-offs go.
	Providers map[string]Provider
	// HandoffWebhooks maps a provider id to a webhook URL, for providers without
	// credentials or a timeout of their own.
	HandoffWebhooks map[string]string
	// Inbox, when set, receives hand-offs to providers configured nowhere else (dev).
	Inbox *Inbox
	// Timeout bounds one webhook call (connect, send, answer); zero means DefaultTimeout.
	Timeout time.Duration
	// Logger is the notification sink and the log of webhook failures.
	Logger zerolog.Logger
}

// Activities runs the side effects with one shared HTTP client.
type Activities struct {
	cfg    Config
	client *http.Client
	// handoffs has no timeout of its own: each call carries its provider's.
	handoffs *http.Client
}

// New returns the activities for cfg.
func New(cfg Config) *Activities {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	return &Activities{cfg: cfg, client: &http.Client{Timeout: cfg.Timeout}, handoffs: &http.Client{}}
}

// Register registers Notify and Handoff on a worker under NotifyName and HandoffName.
func (a *Activities) Register(r worker.ActivityRegistry) {
	r.RegisterActivityWithOptions(a.Notify, activity.RegisterOptions{Name: NotifyName})
	r.RegisterActivityWithOptions(a.Handoff, activity.RegisterOptions{Name: HandoffName})
}

// RetryPolicy is the retry policy for these activities: backing off up to five minutes
// between attempts, and never retrying a rejected webhook call or bad input.
func RetryPolicy() *temporal.RetryPolicy {
	return &temporal.RetryPolicy{
		InitialInterval:        time.Second,
		BackoffCoefficient:     2,
		MaximumInterval:        5 * time.Minute,
		NonRetryableErrorTypes: []string{ErrRejected, ErrBadInput},
	}
}
