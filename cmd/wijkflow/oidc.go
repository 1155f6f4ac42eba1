package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/wijkflow/wijkflow/worker/auth"
)

// oidcFlags configure OIDC bearer tokens for `wijkflow worker`.
type oidcFlags struct {
	issuer, audience, claims string
	skew                     time.Duration
	verifier                 *auth.OIDC // built by authenticator; its provider serves the web sign-in too
}

func (o *oidcFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.issuer, "oidc-issuer", "", "issuer `URL` of the identity provider whose JWTs the API accepts [WIJKFLOW_OIDC_ISSUER]")
	fs.StringVar(&o.audience, "oidc-audience", "", "audience (`client id`) the tokens must carry [WIJKFLOW_OIDC_AUDIENCE]")
	fs.StringVar(&o.claims, "oidc-claims", "", "claim `mapping`, e.g. teams=groups,roles=realm_access.roles,fixedGemeente=dalfsen (defaults: user=sub, gemeente=gemeente, teams=teams, roles=roles) [WIJKFLOW_OIDC_CLAIMS]")
	fs.DurationVar(&o.skew, "oidc-clock-skew", auth.DefaultClockSkew, "how long after expiry a token still passes")
}

// authenticator is the users file's tokens, the identity provider, or both (tokens
// first); at least one is required.
func (o *oidcFlags) authenticator(ctx context.Context, usersFile string) (auth.Authenticator, error) {
	var all auth.Either
	if usersFile != "" {
		tokens, err := auth.LoadUsers(usersFile)
		if err != nil {
			return nil, fmt.Errorf("users: %w", err)
		}
		all = append(all, tokens)
	}
	if o.issuer != "" {
		claims, err := auth.ParseClaimMapping(o.claims)
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		p, err := auth.NewOIDC(ctx, auth.OIDCConfig{Issuer: o.issuer, Audience: o.audience, ClockSkew: o.skew, Claims: claims})
		if err != nil {
			return nil, err
		}
		all = append(all, p)
		o.verifier = p
	}
	if len(all) == 1 {
		return all[0], nil
	}
	return all, nil
}
