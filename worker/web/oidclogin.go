package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Login is the OpenID Connect sign-in of the browser (authorisation-code flow with PKCE)
// on a cluster. The app does not verify the ID token itself: it becomes the session's
// bearer token, and the API's authenticator (an OIDC verifier of the same issuer and
// client id) checks its signature, issuer, audience and expiry on every request, exactly
// as for any API call. The app checks state, nonce and PKCE, which only the browser
// round trip knows.
type Login struct {
	// Issuer is the provider's issuer URL; its discovery document is read from
	// Issuer + "/.well-known/openid-configuration".
	Issuer string
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

// loginFlow holds the provider's endpoints, read once.
type loginFlow struct {
	cfg  *Login
	mu   sync.Mutex
	auth string // authorization_endpoint
	tok  string // token_endpoint
}

func (f *loginFlow) client() *http.Client {
	if f.cfg.HTTPClient != nil {
		return f.cfg.HTTPClient
	}
	return &http.Client{Timeout: 10 * time.Second}
}

// endpoints reads the discovery document; a failure is tried again next time.
func (f *loginFlow) endpoints(ctx context.Context) (auth, tok string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.auth != "" {
		return f.auth, f.tok, nil
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimRight(f.cfg.Issuer, "/")+"/.well-known/openid-configuration", nil)
	resp, err := f.client().Do(req)
	if err != nil {
		return "", "", err
	}
	defer resp.Body.Close()
	var doc struct {
		Issuer string `json:"issuer"`
		Auth   string `json:"authorization_endpoint"`
		Token  string `json:"token_endpoint"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&doc) != nil || doc.Auth == "" || doc.Token == "" {
		return "", "", fmt.Errorf("discovery of %s: status %d or no endpoints", f.cfg.Issuer, resp.StatusCode)
	}
	if strings.TrimRight(doc.Issuer, "/") != strings.TrimRight(f.cfg.Issuer, "/") {
		return "", "", fmt.Errorf("discovery of %s names issuer %s", f.cfg.Issuer, doc.Issuer)
	}
	f.auth, f.tok = doc.Auth, doc.Token
	return f.auth, f.tok, nil
}

// oidcStart sends the browser to the provider, remembering state, nonce and the PKCE
// verifier in the (sealed) session.
func (a *app) oidcStart(w http.ResponseWriter, r *http.Request) {
	authURL, _, err := a.login.endpoints(r.Context())
	if err != nil {
		a.log.Error().Err(err).Msg("web: OIDC discovery failed")
		a.errorPage(w, r, nil, http.StatusBadGateway, "De inlogdienst is niet bereikbaar. Probeer het zo nog eens.")
		return
	}
	s := a.sessionOf(w, r)
	s.State, s.Nonce, s.Verifier = randomString(), randomString(), randomString()+randomString()
	s.Back = safeBack(r.URL.Query().Get("terug"))
	a.writeSession(w, r, s)
	challenge := sha256.Sum256([]byte(s.Verifier))
	scopes := a.cfg.Login.Scopes
	if len(scopes) == 0 {
		scopes = []string{"profile", "email"}
	}
	q := url.Values{
		"response_type": {"code"}, "client_id": {a.cfg.Login.ClientID}, "redirect_uri": {a.cfg.Login.RedirectURL},
		"scope": {strings.Join(append([]string{"openid"}, scopes...), " ")}, "state": {s.State}, "nonce": {s.Nonce},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(challenge[:])}, "code_challenge_method": {"S256"},
	}
	sep := "?"
	if strings.Contains(authURL, "?") {
		sep = "&"
	}
	http.Redirect(w, r, authURL+sep+q.Encode(), http.StatusSeeOther)
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
	idToken, err := a.exchange(r.Context(), q.Get("code"), s.Verifier)
	if err != nil {
		fail(http.StatusBadGateway, "De inlogdienst gaf geen geldig antwoord. Meld u opnieuw aan.", err)
		return
	}
	claims, err := unverifiedClaims(idToken)
	if err != nil || claims.Nonce == "" || subtle.ConstantTimeCompare([]byte(claims.Nonce), []byte(s.Nonce)) != 1 {
		fail(http.StatusUnauthorized, "Deze aanmelding hoort niet bij deze browser. Meld u opnieuw aan.", errors.Join(errors.New("nonce"), err))
		return
	}
	expires := time.Now().Add(sessionTTL)
	if claims.Exp > 0 && time.Unix(claims.Exp, 0).Before(expires) {
		expires = time.Unix(claims.Exp, 0)
	}
	next := session{Token: idToken, CSRF: randomString(), Expires: expires.Unix()}
	if a.userOf(next) == nil { // signature, issuer, audience, expiry, the user's claims
		fail(http.StatusUnauthorized, "U bent bij de inlogdienst aangemeld, maar wijkflow kent u niet (gemeente, team of rol ontbreekt).", nil)
		return
	}
	a.writeSession(w, r, next)
	http.Redirect(w, r, safeBack(s.Back), http.StatusSeeOther)
}

// exchange trades the code for the ID token at the token endpoint.
func (a *app) exchange(ctx context.Context, code, verifier string) (string, error) {
	if code == "" {
		return "", errors.New("no code")
	}
	_, tokURL, err := a.login.endpoints(ctx)
	if err != nil {
		return "", err
	}
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {a.cfg.Login.RedirectURL},
		"code_verifier": {verifier}, "client_id": {a.cfg.Login.ClientID}}
	req, _ := http.NewRequestWithContext(ctx, "POST", tokURL, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(a.cfg.Login.ClientID), url.QueryEscape(a.cfg.Login.ClientSecret)) // RFC 6749 2.3.1
	resp, err := a.login.client().Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var body struct {
		IDToken string `json:"id_token"`
		Error   string `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&body); err != nil || resp.StatusCode != http.StatusOK || body.IDToken == "" {
		return "", fmt.Errorf("token endpoint: status %d %s %v", resp.StatusCode, body.Error, err)
	}
	return body.IDToken, nil
}

// idClaims are the claims the flow itself reads; the authenticator checks the rest.
type idClaims struct {
	Nonce string `json:"nonce"`
	Exp   int64  `json:"exp"`
}

// unverifiedClaims reads a JWT's payload without checking its signature: only for the
// nonce and expiry, after which the authenticator verifies the token as a whole.
func unverifiedClaims(jwt string) (idClaims, error) {
	var c idClaims
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		return c, errors.New("not a JWT")
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return c, err
	}
	return c, json.Unmarshal(b, &c)
}
