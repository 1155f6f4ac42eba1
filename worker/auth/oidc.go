package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/wijkflow/wijkflow/definitions"
)

// DefaultClockSkew is how long after its expiry a token is still accepted when
// OIDCConfig.ClockSkew is zero: the clocks of the identity provider and wijkflow differ.
const DefaultClockSkew = time.Minute

// OIDCConfig says which identity provider issues the API's bearer tokens (JWTs) and how
// their claims map to a User.
type OIDCConfig struct {
	// Issuer is the provider's issuer URL; its discovery document
	// (Issuer/.well-known/openid-configuration) names the JWKS with the signing keys.
	Issuer string
	// Audience must be in the token's aud claim: the client id wijkflow is registered
	// under at the provider.
	Audience string
	// ClockSkew is how long after exp a token still passes; zero means DefaultClockSkew.
	ClockSkew time.Duration
	// Claims maps claims to the user's fields.
	Claims ClaimMapping
	// HTTPClient fetches the discovery document and the keys; nil means the default.
	HTTPClient *http.Client
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// ClaimMapping names the claims a User is read from. A name may be a dotted path into
// nested objects, e.g. "realm_access.roles" (Keycloak). A list claim may be a JSON
// array or a string of space- or comma-separated values.
type ClaimMapping struct {
	// UserID is the claim of the user's id; default "sub". It must not be personal data
	// (an employee number or an opaque id, never an e-mail address): it is what logs,
	// the access log and case histories hold.
	UserID string `yaml:"user"`
	// Gemeente is the claim of the user's gemeente code; default "gemeente".
	Gemeente string `yaml:"gemeente"`
	// FixedGemeente, when set, is every user's gemeente and Gemeente is not read: for a
	// provider that serves one gemeente only.
	FixedGemeente string `yaml:"fixedGemeente"`
	// Teams is the claim of the user's teams; default "teams".
	Teams string `yaml:"teams"`
	// Roles is the claim of the user's roles; default "roles".
	Roles string `yaml:"roles"`
	// Name is the claim of the display name the web app shows for what the user did
	// ("door Anna de Vries"); default "name", the standard claim. Never sent to Temporal.
	Name string `yaml:"name"`
}

func (m ClaimMapping) withDefaults() ClaimMapping {
	if m.UserID == "" {
		m.UserID = "sub"
	}
	if m.Gemeente == "" {
		m.Gemeente = "gemeente"
	}
	if m.Teams == "" {
		m.Teams = "teams"
	}
	if m.Roles == "" {
		m.Roles = "roles"
	}
	if m.Name == "" {
		m.Name = "name"
	}
	return m
}

// OIDC authenticates bearer JWTs of an OpenID Connect provider: signature against the
// provider's JWKS (fetched and rotated by go-oidc), issuer, audience, expiry with skew.
type OIDC struct {
	provider *oidc.Provider
	verifier *oidc.IDTokenVerifier
	claims   ClaimMapping
}

// Provider is the provider as discovered, for the web app's sign-in (its endpoints).
func (o *OIDC) Provider() *oidc.Provider { return o.provider }

// NewOIDC fetches the provider's discovery document and returns the authenticator.
// ctx bounds the discovery; the keys are fetched later, when a token needs them.
func NewOIDC(ctx context.Context, cfg OIDCConfig) (*OIDC, error) {
	switch {
	case cfg.Issuer == "":
		return nil, errors.New("oidc: the issuer URL is required")
	case cfg.Audience == "":
		return nil, errors.New("oidc: the audience (client id) is required")
	case cfg.Claims.FixedGemeente != "" && !definitions.IsSlug(cfg.Claims.FixedGemeente):
		return nil, fmt.Errorf("oidc: fixed gemeente %q is not a gemeente code", cfg.Claims.FixedGemeente)
	}
	if cfg.HTTPClient != nil {
		ctx = oidc.ClientContext(ctx, cfg.HTTPClient)
	}
	provider, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("oidc: discovery at %s: %w", cfg.Issuer, err)
	}
	skew := cfg.ClockSkew
	if skew == 0 {
		skew = DefaultClockSkew
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	// The key set must fetch with the configured client also after NewOIDC returns.
	keyCtx := context.Background()
	if cfg.HTTPClient != nil {
		keyCtx = oidc.ClientContext(keyCtx, cfg.HTTPClient)
	}
	var endpoints struct {
		JWKS string `json:"jwks_uri"`
	}
	if err := provider.Claims(&endpoints); err != nil || endpoints.JWKS == "" {
		return nil, fmt.Errorf("oidc: the discovery document of %s names no jwks_uri", cfg.Issuer)
	}
	keys := oidc.NewRemoteKeySet(keyCtx, endpoints.JWKS)
	v := oidc.NewVerifier(cfg.Issuer, keys, &oidc.Config{
		ClientID: cfg.Audience,
		// A token expired less than skew ago passes: exp is compared with now - skew.
		Now: func() time.Time { return now().Add(-skew) },
	})
	return &OIDC{provider: provider, verifier: v, claims: cfg.Claims.withDefaults()}, nil
}

// Authenticate reads "Authorization: Bearer <jwt>".
func (o *OIDC) Authenticate(r *http.Request) (*User, error) {
	token, ok := bearer(r)
	if !ok {
		return nil, ErrNoCredentials
	}
	return o.Verify(r.Context(), token)
}

// Verify checks a raw JWT and maps its claims to a User; for the web app's login too.
// Every failure wraps ErrInvalidCredentials.
func (o *OIDC) Verify(ctx context.Context, raw string) (*User, error) {
	tok, err := o.verifier.Verify(ctx, raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidCredentials, err)
	}
	var claims map[string]any
	if err := tok.Claims(&claims); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidCredentials, err)
	}
	u, err := o.claims.user(claims)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidCredentials, err)
	}
	return u, nil
}

// user maps claims to a User and checks it with the users file's rules.
func (m ClaimMapping) user(claims map[string]any) (*User, error) {
	u := &User{
		ID:       claimString(claims, m.UserID),
		Gemeente: m.FixedGemeente,
		Teams:    claimList(claims, m.Teams),
		Roles:    claimList(claims, m.Roles),
	}
	u.Name = claimString(claims, m.Name)
	if u.Gemeente == "" {
		u.Gemeente = claimString(claims, m.Gemeente)
	}
	var problems []string
	if !idRE.MatchString(u.ID) {
		problems = append(problems, fmt.Sprintf("claim %s must be an id of 1-64 letters, digits, '.', '_' or '-'", m.UserID))
	}
	if !definitions.IsSlug(u.Gemeente) {
		problems = append(problems, fmt.Sprintf("claim %s must be a gemeente code", m.Gemeente))
	}
	for _, l := range []struct {
		claim string
		list  []string
		valid func(string) bool
	}{{m.Teams, u.Teams, definitions.IsSlug}, {m.Roles, u.Roles, definitions.IsID}} {
		if len(l.list) == 0 {
			problems = append(problems, fmt.Sprintf("claim %s is missing or empty", l.claim))
		}
		for _, v := range l.list {
			if !l.valid(v) {
				problems = append(problems, fmt.Sprintf("claim %s holds %q, which is not an id", l.claim, v))
			}
		}
	}
	if problems != nil {
		return nil, errors.New(strings.Join(problems, "; "))
	}
	return u, nil
}

// claim follows a dotted path into nested objects.
func claim(claims map[string]any, path string) any {
	var v any = claims
	for _, part := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[part]
	}
	return v
}

func claimString(claims map[string]any, path string) string {
	switch v := claim(claims, path).(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case float64:
		return fmt.Sprint(v)
	}
	return ""
}

func claimList(claims map[string]any, path string) []string {
	switch v := claim(claims, path).(type) {
	case string:
		return strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' })
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Either tries each authenticator in turn: the first that knows the token answers. For
// a tokens file beside an identity provider.
type Either []Authenticator

// Authenticate returns the first success, ErrNoCredentials without a token, and the
// last authenticator's error otherwise.
func (e Either) Authenticate(r *http.Request) (*User, error) {
	err := ErrNoCredentials
	for _, a := range e {
		var u *User
		if u, err = a.Authenticate(r); err == nil {
			return u, nil
		}
		if errors.Is(err, ErrNoCredentials) {
			return nil, err
		}
	}
	return nil, err
}

// ParseClaimMapping reads a mapping written as "field=claim" pairs separated by commas,
// e.g. "teams=groups,roles=realm_access.roles"; fields are user, gemeente, teams, roles,
// name, and fixedGemeente (a gemeente code rather than a claim).
func ParseClaimMapping(s string) (ClaimMapping, error) {
	var m ClaimMapping
	fields := map[string]*string{
		"user": &m.UserID, "gemeente": &m.Gemeente, "fixedGemeente": &m.FixedGemeente,
		"teams": &m.Teams, "roles": &m.Roles, "name": &m.Name,
	}
	for _, pair := range strings.Split(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		field, value, ok := strings.Cut(pair, "=")
		if !ok || strings.TrimSpace(value) == "" {
			return m, fmt.Errorf("claim mapping %q: write field=claim, e.g. teams=groups", pair)
		}
		into, ok := fields[strings.TrimSpace(field)]
		if !ok {
			return m, fmt.Errorf("claim mapping %q: unknown field %q; use user, gemeente, fixedGemeente, teams, roles or name", pair, field)
		}
		*into = strings.TrimSpace(value)
	}
	return m, nil
}
