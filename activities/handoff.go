package activities

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.temporal.io/sdk/temporal"
)

// Handoff posts a referral to the provider's webhook with the input's idempotency key,
// so that retries register one referral, and returns the provider's reference.
func (a *Activities) Handoff(ctx context.Context, in HandoffInput) (HandoffResult, error) {
	if in.CaseID == "" || in.Provider == "" || in.IdempotencyKey == "" {
		return HandoffResult{}, temporal.NewNonRetryableApplicationError(
			"handoff: caseId, provider and idempotencyKey are required", ErrBadInput, nil)
	}
	p, ok := a.provider(in.Provider)
	if !ok && a.cfg.Inbox != nil {
		res := a.cfg.Inbox.Deliver(in, time.Now())
		a.cfg.Logger.Info().Str("case", in.CaseID).Str("gemeente", in.Gemeente).Str("step", in.Step).
			Str("provider", in.Provider).Str("reference", res.Reference).Msg("handed off to the local provider inbox")
		return res, nil
	}
	if !ok {
		return HandoffResult{}, temporal.NewNonRetryableApplicationError(
			fmt.Sprintf("handoff: provider %q is not configured; add it to the worker's providers file", in.Provider),
			ErrBadInput, nil)
	}
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = a.cfg.Timeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	target := "handoff to " + in.Provider
	answer, err := a.send(ctx, a.handoffs, target, p.URL, in.IdempotencyKey, p.Authorization, in)
	if err != nil {
		a.cfg.Logger.Warn().Str("case", in.CaseID).Str("step", in.Step).
			Str("provider", in.Provider).Msg("handoff failed")
		return HandoffResult{}, err
	}
	var res HandoffResult
	if err := json.Unmarshal(answer, &res); err != nil || res.Reference == "" {
		// Retrying with the same key would get the same answer: a provider bug to fix.
		return HandoffResult{}, temporal.NewNonRetryableApplicationError(
			target+": webhook accepted the referral but sent no reference", ErrRejected, nil)
	}
	a.cfg.Logger.Info().Str("case", in.CaseID).Str("gemeente", in.Gemeente).Str("step", in.Step).
		Str("provider", in.Provider).Msg("handed off")
	return res, nil
}
