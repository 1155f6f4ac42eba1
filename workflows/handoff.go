package workflows

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// Handoff is a referral to an external provider that the provider has not confirmed
// yet (it is being sent, or retried), or that failed: the case waits at its step until
// the provider confirms, or until the lead retries it or routes the case on.
type Handoff struct {
	// ID is the step and its entry number, e.g. "veilig-thuis-1".
	ID       string `json:"id"`
	Step     string `json:"step"`
	Provider string `json:"provider"`
	// Key is the idempotency key of the current attempt: the same across the activity's
	// own retries, a new one for each retry by the lead (the provider's refusal of the
	// old key would otherwise be repeated).
	Key   string    `json:"key"`
	Since time.Time `json:"since"`
	// Retries counts the lead's retries.
	Retries int `json:"retries,omitempty"`
	// Failed: the provider refused, or retries ran out; Reason says which.
	Failed bool   `json:"failed,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// HandoffView is a hand-off in the case view.
type HandoffView struct {
	Step     string    `json:"step"`
	Provider string    `json:"provider"`
	Since    time.Time `json:"since"`
	// Status is "waiting" (sent, not yet confirmed) or "failed".
	Status  string `json:"status"`
	Reason  string `json:"reason,omitempty"`
	Retries int    `json:"retries,omitempty"`
	// Text is what a team worker reads, e.g. "wacht op overdracht aan veilig-thuis".
	Text string `json:"text"`
}

// handoffs are the case's referrals to external providers (CaseState.Handoffs): sending
// them beside the case, recording the provider's answer, and how they show.
type handoffs struct {
	*caseRun
	// inFlight counts hand-off activities not yet back; the run ends or continues as
	// new only when it is zero, as their outcome reports to this run.
	inFlight int
}

// asyncHandoffChange is the workflow.GetVersion change id of hand-offs that no longer
// hold the case: histories before version 1 waited for the provider inside the step.
const asyncHandoffChange = "async-handoff"

// handoffOptions: a referral must reach the provider, so the hand-off retries for a day,
// quickly at first (a provider restarting answers again within seconds); the
// idempotency key makes the retries register one referral. A 4xx is final.
var handoffOptions = workflow.ActivityOptions{
	StartToCloseTimeout:    time.Minute,
	ScheduleToCloseTimeout: 24 * time.Hour,
	RetryPolicy: &temporal.RetryPolicy{
		InitialInterval:        time.Second,
		BackoffCoefficient:     2,
		MaximumInterval:        10 * time.Minute,
		NonRetryableErrorTypes: []string{activities.ErrRejected, activities.ErrBadInput},
	},
}

// inPlaceHandoffOptions are the options of the hand-off before async-handoff.
var inPlaceHandoffOptions = workflow.ActivityOptions{
	StartToCloseTimeout:    time.Minute,
	ScheduleToCloseTimeout: 24 * time.Hour,
	RetryPolicy: &temporal.RetryPolicy{
		InitialInterval:        10 * time.Second,
		MaximumInterval:        time.Hour,
		NonRetryableErrorTypes: []string{activities.ErrRejected, activities.ErrBadInput},
	},
}

// handoff hands the case to a provider. The case waits at the step, visibly, while the
// provider is reached; updates answer and clocks fire meanwhile. It goes on when the
// provider confirms; a refusal or retries run out leave the step failed and the case
// stalled, for the lead to retry or route on (rescue.go).
func (c *handoffs) start(ctx workflow.Context, step *definitions.Step) {
	seq := strconv.Itoa(c.st.Seq[step.ID])
	key := c.st.CaseID + "/" + step.ID + "-" + seq
	if workflow.GetVersion(ctx, asyncHandoffChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		c.inPlace(ctx, step, key)
		return
	}
	h := &Handoff{ID: step.ID + "-" + seq, Step: step.ID, Provider: step.Provider, Key: key, Since: workflow.Now(ctx)}
	c.st.Handoffs = append(c.st.Handoffs, h)
	c.addTrail(ctx, TrailEntry{Event: EventHandoffStarted, Step: step.ID, Args: args("provider", step.Provider)})
	c.send(ctx, h)
}

// send starts the hand-off activity for h and returns at once; when it ends,
// handedOff takes the case to record the outcome.
func (c *handoffs) send(ctx workflow.Context, h *Handoff) {
	in := activities.HandoffInput{
		CaseID: c.st.CaseID, Gemeente: c.def.Gemeente, Process: c.def.Process,
		Step: h.Step, Provider: h.Provider, IdempotencyKey: h.Key,
	}
	opts := handoffOptions
	opts.Summary = "overdracht " + h.Step + " aan " + h.Provider
	f := workflow.ExecuteActivity(workflow.WithActivityOptions(ctx, opts), activities.HandoffName, in)
	c.inFlight++
	workflow.Go(ctx, func(gctx workflow.Context) {
		var res activities.HandoffResult
		err := f.Get(gctx, &res)
		c.inFlight--
		c.advance(gctx, func() { c.handedOff(gctx, h.ID, h.Key, res, err) })
		c.vis.publish(gctx)
	})
}

// handedOff records a hand-off's outcome. The caller holds the case. An outcome of an
// attempt the lead has since replaced, or of a case closed meanwhile, changes nothing.
func (c *handoffs) handedOff(ctx workflow.Context, id, key string, res activities.HandoffResult, err error) {
	i := slices.IndexFunc(c.st.Handoffs, func(h *Handoff) bool { return h.ID == id })
	if i < 0 || c.st.Handoffs[i].Key != key {
		return
	}
	h := c.st.Handoffs[i]
	if c.st.Status != StatusOpen {
		c.st.Handoffs = slices.Delete(c.st.Handoffs, i, i+1)
		return
	}
	if err != nil {
		h.Failed, h.Reason = true, handoffFailure(err)
		c.addTrail(ctx, TrailEntry{Event: EventHandoffFailed, Step: h.Step, Args: args("provider", h.Provider), Detail: h.Reason})
		c.log(ctx, h.Step, "").Warn("hand-off failed; the case waits for the lead")
		return
	}
	c.st.Handoffs = slices.Delete(c.st.Handoffs, i, i+1)
	c.addTrail(ctx, TrailEntry{Event: EventHandedOff, Step: h.Step, Args: args("provider", h.Provider, "reference", res.Reference)})
	if step := c.def.Steps.Step(h.Step); step != nil {
		c.route(ctx, step)
	}
}

// handoffFailure is why a hand-off failed, in words that hold no URL or secret (the
// activities' messages never do).
func handoffFailure(err error) string {
	var app *temporal.ApplicationError
	if errors.As(err, &app) && app.Message() != "" {
		return app.Message()
	}
	var to *temporal.TimeoutError
	if errors.As(err, &to) {
		return "the provider did not confirm within a day of retries"
	}
	return "the hand-off failed"
}

// inPlace is the hand-off before async-handoff: it held the case until the
// provider answered. Kept for cases started before that change.
func (c *handoffs) inPlace(ctx workflow.Context, step *definitions.Step, key string) {
	in := activities.HandoffInput{
		CaseID: c.st.CaseID, Gemeente: c.def.Gemeente, Process: c.def.Process,
		Step: step.ID, Provider: step.Provider, IdempotencyKey: key,
	}
	opts := inPlaceHandoffOptions
	opts.Summary = "verwijzing " + step.ID + " naar " + step.Provider
	var res activities.HandoffResult
	err := workflow.ExecuteActivity(workflow.WithActivityOptions(ctx, opts), activities.HandoffName, in).Get(ctx, &res)
	if err != nil {
		c.log(ctx, step.ID, "").Warn("hand-off failed")
		c.stuck(ctx, step.ID, words.Msg(words.StuckHandoffFailed, "provider", step.Provider))
		return
	}
	c.addTrail(ctx, TrailEntry{Event: EventHandedOff, Step: step.ID, Args: args("provider", step.Provider, "reference", res.Reference)})
	c.route(ctx, step)
}

// views are the pending and failed hand-offs as the view shows them.
func (c *handoffs) views() []HandoffView {
	var out []HandoffView
	for _, h := range c.st.Handoffs {
		v := HandoffView{Step: h.Step, Provider: h.Provider, Since: h.Since, Status: "waiting", Retries: h.Retries,
			Text: "wacht op overdracht aan " + h.Provider}
		if h.Failed {
			v.Status, v.Reason, v.Text = "failed", h.Reason, "overdracht aan "+h.Provider+" mislukt"
		}
		out = append(out, v)
	}
	return out
}

// waiting is what the case waits for besides tasks, for the memo: one line per hand-off.
func (c *handoffs) waiting() []string {
	var out []string
	for _, v := range c.views() {
		out = append(out, v.Text)
	}
	return out
}

// pending reports whether a hand-off is in flight (sent, not failed): the run
// must not continue as new then, as its outcome reports to this run.
func (c *handoffs) pending() bool {
	return slices.ContainsFunc(c.st.Handoffs, func(h *Handoff) bool { return !h.Failed })
}

// failed reports whether a hand-off failed and waits for the lead.
func (c *handoffs) failed() bool {
	return slices.ContainsFunc(c.st.Handoffs, func(h *Handoff) bool { return h.Failed })
}
