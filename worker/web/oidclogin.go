package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Login is the OpenID Connect sign-in of the browser (authorisation-code flow with PKCE)
// on a cluster. The app does not verify the ID token's signature itself: the token
// becomes the session's bearer token, and the API's authenticator (an OIDC verifier of
// the same issuer and client id) checks its signature, issuer, audience and expiry on
// every request, exactly as for any API call. The app checks state, nonce and PKCE,
// which only the browser round trip knows.
type Login struct {
	// Issuer is the provider's issuer URL; its discovery document is read from
	// Issuer + "/.well-known/openid-configuration" unless Provider is set.
	Issuer string
	// Provider is the provider the API's authenticator discovered (auth.OIDC.Provider),
	// so that the discovery document is read once; nil: read at the first sign-in.
	Provider *oidc.Provider
	// ClientID and ClientSecret identify wijkflow at the provider.
	ClientID, ClientSecret string
	// RedirectURL is where the provider sends the browser back: this app's
	// /aanmelden/terug on its public address.
	RedirectURL string
	// Name is the provider as the sign-in button names it, e.g. "de gemeente".
	Name string
	// Scopes beside openid; default profile and email.
	Scopes []string
	// HTTPClient talks to the provider; default a client with a 10 s timeout.
	HTTPClient *http.Client
}

// loginFlow holds the OAuth 2 client of the provider, made once discovery succeeded.
type loginFlow struct {
	cfg     *Login
	mu      sync.Mutex
	oauth   *oauth2.Config
	idToken *oidc.IDTokenVerifier // reads nonce and expiry; the API checks the signature
}

// with gives ctx the HTTP client for the provider, as oauth2 and go-oidc read it.
func (f *loginFlow) with(ctx context.Context) context.Context {
	c := f.cfg.HTTPClient
	if c == nil {
		c = &http.Client{Timeout: 10 * time.Second}
	}
	return oidc.ClientContext(ctx, c)
}

// client returns the OAuth 2 client; a failed discovery is tried again next time.
func (f *loginFlow) client(ctx context.Context) (*oauth2.Config, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.oauth != nil {
		return f.oauth, nil
	}
	p := f.cfg.Provider
	if p == nil {
		var err error
		if p, err = oidc.NewProvider(f.with(ctx), f.cfg.Issuer); err != nil {
			return nil, err
		}
	}
	scopes := f.cfg.Scopes
	if len(scopes) == 0 {
		scopes = []string{"profile", "email"}
	}
	endpoint := p.Endpoint()
	endpoint.AuthStyle = oauth2.AuthStyleInHeader // RFC 6749 2.3.1, which every provider supports
	f.oauth = &oauth2.Config{ClientID: f.cfg.ClientID, ClientSecret: f.cfg.ClientSecret, Endpoint: endpoint,
		RedirectURL: f.cfg.RedirectURL, Scopes: append([]string{oidc.ScopeOpenID}, scopes...)}
	// Safe without the signature: the token comes straight from the token endpoint, and
	// the API's authenticator verifies it before anyone is signed in.
	f.idToken = p.Verifier(&oidc.Config{ClientID: f.cfg.ClientID, InsecureSkipSignatureCheck: true})
	return f.oauth, nil
}

// oidcStart sends the browser to the provider, remembering state, nonce and the PKCE
// verifier in the (sealed) session.
func (a *app) oidcStart(w http.ResponseWriter, r *http.Request) {
	client, err := a.login.client(r.Context())
	if err != nil {
		a.log.Error().Err(err).Msg("web: OIDC discovery failed")
		a.errorPage(w, r, nil, http.StatusBadGateway, "De inlogdienst is niet bereikbaar. Probeer het zo nog eens.")
		return
	}
	s := a.sessionOf(w, r)
	s.State, s.Nonce, s.Verifier = randomString(), randomString(), oauth2.GenerateVerifier()
	s.Back = safeBack(r.URL.Query().Get("terug"))
	a.writeSession(w, r, s)
	url := client.AuthCodeURL(s.State, oidc.Nonce(s.Nonce), oauth2.S256ChallengeOption(s.Verifier))
	http.Redirect(w, r, url, http.StatusSeeOther)
}

// oidcReturn takes the provider's answer: checks state, trades the code for tokens,
// checks the nonce, and signs in when the API's authenticator accepts the ID token.
func (a *app) oidcReturn(w http.ResponseWriter, r *http.Request) {
	s := a.sessionOf(w, r)
	q := r.URL.Query()
	fail := func(status int, msg string, err error) {
		if err != nil {
			a.log.Warn().Err(err).Msg("web: OIDC sign-in failed")
		}
		a.errorPage(w, r, nil, status, msg)
	}
	if e := q.Get("error"); e != "" {
		fail(http.StatusUnauthorized, "De inlogdienst meldde u niet aan ("+e+").", nil)
		return
	}
	if s.State == "" || subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(s.State)) != 1 {
		fail(http.StatusBadRequest, "Deze aanmelding is verlopen of niet hier begonnen. Meld u opnieuw aan.", nil)
		return
	}
	raw, err := a.exchange(r.Context(), q.Get("code"), s.Verifier)
	if err != nil {
		fail(http.StatusBadGateway, "De inlogdienst gaf geen geldig antwoord. Meld u opnieuw aan.", err)
		return
	}
	idToken, err := a.login.idToken.Verify(r.Context(), raw)
	if err != nil || idToken.Nonce == "" || subtle.ConstantTimeCompare([]byte(idToken.Nonce), []byte(s.Nonce)) != 1 {
		fail(http.StatusUnauthorized, "Deze aanmelding hoort niet bij deze browser. Meld u opnieuw aan.", errors.Join(errors.New("nonce"), err))
		return
	}
	expires := time.Now().Add(sessionTTL)
	if idToken.Expiry.Before(expires) {
		expires = idToken.Expiry
	}
	next := session{Token: raw, CSRF: randomString(), Expires: expires.Unix()}
	if a.userOf(next) == nil { // signature, issuer, audience, expiry, the user's claims
		fail(http.StatusUnauthorized, "U bent bij de inlogdienst aangemeld, maar wijkflow kent u niet (gemeente, team of rol ontbreekt).", nil)
		return
	}
	a.writeSession(w, r, next)
	http.Redirect(w, r, safeBack(s.Back), http.StatusSeeOther)
}

// exchange trades the code for the raw ID token at the token endpoint.
func (a *app) exchange(ctx context.Context, code, verifier string) (string, error) {
	if code == "" {
		return "", errors.New("no code")
	}
	client, err := a.login.client(ctx)
	if err != nil {
		return "", err
	}
	tok, err := client.Exchange(a.login.with(ctx), code, oauth2.VerifierOption(verifier))
	if err != nil {
		return "", err
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return "", errors.New("token endpoint: no id_token")
	}
	return raw, nil
}
