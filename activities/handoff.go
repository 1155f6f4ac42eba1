package activities

import (
	"context"
	"encoding/json"
	"fmt"

	"go.temporal.io/sdk/temporal"
)

// Handoff posts a referral to the provider's webhook with the input's idempotency key,
// so that retries register one referral, and returns the provider's reference.
func (a *Activities) Handoff(ctx context.Context, in HandoffInput) (HandoffResult, error) {
	if in.CaseID == "" || in.Provider == "" || in.IdempotencyKey == "" {
		return HandoffResult{}, temporal.NewNonRetryableApplicationError(
			"handoff: caseId, provider and idempotencyKey are required", ErrBadInput, nil)
	}
	url, ok := a.cfg.HandoffWebhooks[in.Provider]
	if !ok || url == "" {
		return HandoffResult{}, temporal.NewNonRetryableApplicationError(
			fmt.Sprintf("handoff: provider %q has no webhook configured; add it to the worker's hand-off webhooks", in.Provider),
			ErrBadInput, nil)
	}
	target := "handoff to " + in.Provider
	answer, err := a.post(ctx, target, url, in.IdempotencyKey, in)
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
