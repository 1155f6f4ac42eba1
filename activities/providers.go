package activities

import "time"

// Provider is where hand-offs to one provider (a referral step's provider id) go.
type Provider struct {
	// URL receives each hand-off as JSON (POST, with an Idempotency-Key header).
	URL string
	// Authorization is the value of the Authorization header sent, e.g. "Bearer …";
	// empty sends none. It is a secret: never logged, never in an error.
	Authorization string
	// Timeout bounds one call; zero means Config.Timeout.
	Timeout time.Duration
}

// provider resolves a provider id: the configured providers, then the plain hand-off
// webhooks; ok is false when neither knows it.
func (a *Activities) provider(id string) (Provider, bool) {
	if p, ok := a.cfg.Providers[id]; ok && p.URL != "" {
		return p, true
	}
	if url := a.cfg.HandoffWebhooks[id]; url != "" {
		return Provider{URL: url}, true
	}
	return Provider{}, false
}
