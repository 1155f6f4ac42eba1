package web

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/wijkflow/wijkflow/worker/auth"
)

// fakeProvider is an OpenID Connect provider for one test: discovery, an authorisation
// endpoint that approves at once, and a token endpoint that checks the code, the client
// and the PKCE verifier.
type fakeProvider struct {
	*httptest.Server
	mu        sync.Mutex
	challenge string // from the authorisation request
	nonce     string
	issued    string // the ID token handed out
	badNonce  bool
	sign      func(claims map[string]any) string // nil: an unsigned stand-in
	jwks      any                                // served at /keys
}

func newProvider(t *testing.T) *fakeProvider {
	p := &fakeProvider{}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"issuer": p.URL, "authorization_endpoint": p.URL + "/authorize", "token_endpoint": p.URL + "/token",
			"jwks_uri": p.URL + "/keys", "id_token_signing_alg_values_supported": []string{"RS256"}})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(p.jwks) })
	mux.HandleFunc("/authorize", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		p.mu.Lock()
		p.challenge, p.nonce = q.Get("code_challenge"), q.Get("nonce")
		p.mu.Unlock()
		if q.Get("client_id") != "wijkflow" || q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" || !strings.HasPrefix(q.Get("scope"), "openid") {
			http.Error(w, "bad request "+r.URL.RawQuery, 400)
			return
		}
		http.Redirect(w, r, q.Get("redirect_uri")+"?code=code-1&state="+url.QueryEscape(q.Get("state")), http.StatusFound)
	})
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		id, secret, _ := r.BasicAuth()
		sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
		p.mu.Lock()
		defer p.mu.Unlock()
		if id != "wijkflow" || secret != "geheim" || r.PostFormValue("code") != "code-1" || base64.RawURLEncoding.EncodeToString(sum[:]) != p.challenge {
			w.WriteHeader(400)
			json.NewEncoder(w).Encode(map[string]string{"error": "invalid_grant"})
			return
		}
		nonce := p.nonce
		if p.badNonce {
			nonce = "other"
		}
		claims := map[string]any{"nonce": nonce, "exp": time.Now().Add(time.Hour).Unix(), "iat": time.Now().Unix(), "sub": "medewerker-7",
			"iss": p.URL, "aud": "wijkflow", "gemeente": "testgem", "teams": []string{"noord"}, "roles": []string{"wijkcoach"}}
		if p.sign != nil {
			p.issued = p.sign(claims)
		} else {
			js, _ := json.Marshal(claims)
			p.issued = "eyJhbGciOiJSUzI1NiJ9." + base64.RawURLEncoding.EncodeToString(js) + ".handtekening"
		}
		w.Header().Set("Content-Type", "application/json") // as RFC 6749 5.1 asks
		json.NewEncoder(w).Encode(map[string]string{"id_token": p.issued, "access_token": "toegang-1", "token_type": "Bearer"})
	})
	p.Server = httptest.NewServer(mux)
	t.Cleanup(p.Close)
	return p
}

// idTokens stands in for the API's OIDC authenticator: it knows the token the provider
// issued (the real one verifies its signature, issuer and audience).
type idTokens struct{ p *fakeProvider }

func (a idTokens) Authenticate(r *http.Request) (*auth.User, error) {
	a.p.mu.Lock()
	defer a.p.mu.Unlock()
	if a.p.issued != "" && r.Header.Get("Authorization") == "Bearer "+a.p.issued {
		return &auth.User{ID: "medewerker-7", Name: "M. Zeven", Gemeente: "testgem", Teams: []string{"noord"}, Roles: []string{"wijkcoach"}}, nil
	}
	return nil, auth.ErrInvalidCredentials
}

func oidcFixture(t *testing.T) (*fixture, *fakeProvider) {
	f := newFixture(t)
	p := newProvider(t)
	d := f.def
	h, err := New(Config{API: f.api, Auth: idTokens{p}, Definitions: func() DefinitionSet { return set{d} },
		Login: &Login{Issuer: p.URL, ClientID: "wijkflow", ClientSecret: "geheim", RedirectURL: f.srv.URL + "/aanmelden/terug", Name: "Testgemeente"}})
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Config.Handler = h
	return f, p
}

// follow runs the browser's part of the code flow: to the provider and back.
func (f *fixture) follow(start string) (int, http.Header) {
	f.t.Helper()
	st, _, h := f.get(start)
	if st != http.StatusSeeOther {
		f.t.Fatalf("start: %d", st)
	}
	resp, err := f.c.Get(h.Get("Location")) // the provider answers with a redirect back
	if err != nil {
		f.t.Fatal(err)
	}
	resp.Body.Close()
	back := resp.Header.Get("Location")
	if !strings.HasPrefix(back, f.srv.URL+"/aanmelden/terug?") {
		f.t.Fatalf("provider sent the browser to %q (%d)", back, resp.StatusCode)
	}
	st, _, h = f.get(strings.TrimPrefix(back, f.srv.URL))
	return st, h
}

func TestOIDCSignIn(t *testing.T) {
	f, _ := oidcFixture(t)
	_, page, _ := f.get("/aanmelden?terug=/zaken/case-a")
	if !strings.Contains(page, `href="/aanmelden/oidc?terug=%2fzaken%2fcase-a">Aanmelden bij Testgemeente</a>`) {
		t.Fatalf("no sign-in button:\n%s", page)
	}
	st, h := f.follow("/aanmelden/oidc?terug=/zaken/case-a")
	if st != http.StatusSeeOther || h.Get("Location") != "/zaken/case-a" {
		t.Fatalf("after the provider: %d to %q", st, h.Get("Location"))
	}
	if _, body, _ := f.get("/taken"); !strings.Contains(body, "M. Zeven") {
		t.Error("not signed in after the code flow")
	}
	if !strings.Contains(f.api.lastCall(), "Bearer eyJhbGciOiJSUzI1NiJ9.") {
		t.Errorf("the API was not called with the ID token: %s", f.api.lastCall())
	}
}

func TestOIDCRefusesForeignReturns(t *testing.T) {
	f, p := oidcFixture(t)
	// A return that this browser did not start (login CSRF): no state in its session.
	if st, _, _ := f.get("/aanmelden/terug?code=code-1&state=geraden"); st != http.StatusBadRequest {
		t.Errorf("a return without a started flow: %d", st)
	}
	// The provider refused.
	if st, body, _ := f.get("/aanmelden/terug?error=access_denied"); st != http.StatusUnauthorized || !strings.Contains(body, "access_denied") {
		t.Errorf("a refusal: %d", st)
	}
	// An ID token for another flow (its nonce is not this session's).
	p.badNonce = true
	f.refusedSignIn(t, "a token with another nonce")
}

// TestOIDCWithTheRealVerifier signs in through the code flow with the API's own OIDC
// authenticator (auth.NewOIDC: JWKS, signature, issuer, audience, claims): a token the
// provider signed passes; one signed with another key does not sign anyone in.
func TestOIDCWithTheRealVerifier(t *testing.T) {
	f := newFixture(t)
	p := newProvider(t)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p.jwks = jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}}
	signWith := func(k *rsa.PrivateKey) func(map[string]any) string {
		signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: k}, (&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", "k1"))
		if err != nil {
			t.Fatal(err)
		}
		return func(c map[string]any) string {
			raw, err := jwt.Signed(signer).Claims(c).Serialize()
			if err != nil {
				t.Fatal(err)
			}
			return raw
		}
	}
	p.sign = signWith(key)
	verifier, err := auth.NewOIDC(context.Background(), auth.OIDCConfig{Issuer: p.URL, Audience: "wijkflow"})
	if err != nil {
		t.Fatal(err)
	}
	d := f.def
	h, err := New(Config{API: f.api, Auth: verifier, Definitions: func() DefinitionSet { return set{d} },
		Login: &Login{Issuer: p.URL, ClientID: "wijkflow", ClientSecret: "geheim", RedirectURL: f.srv.URL + "/aanmelden/terug"}})
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Config.Handler = h
	if st, h := f.follow("/aanmelden/oidc"); st != http.StatusSeeOther || h.Get("Location") != "/taken" {
		t.Fatalf("signed token: %d to %q", st, h.Get("Location"))
	}
	if st, _, _ := f.get("/taken"); st != http.StatusOK {
		t.Fatalf("not signed in: %d", st)
	}

	f.c.Jar = &cookieJar{cookies: map[string]*http.Cookie{}} // a new browser
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p.sign = signWith(other)
	f.refusedSignIn(t, "a token signed with another key")
}

// refusedSignIn checks that the sign-in flow ends in 401 and signs no one in.
func (f *fixture) refusedSignIn(t *testing.T, token string) {
	t.Helper()
	if st, _ := f.follow("/aanmelden/oidc"); st != http.StatusUnauthorized {
		t.Errorf("%s: %d", token, st)
	}
	if st, _, _ := f.get("/taken"); st != http.StatusSeeOther {
		t.Errorf("signed in with %s: %d", token, st)
	}
}

// TestOIDCUsesTheSharedProvider: with the provider the API's authenticator discovered,
// the sign-in reads no discovery document of its own (the issuer given is unreachable).
func TestOIDCUsesTheSharedProvider(t *testing.T) {
	f := newFixture(t)
	p := newProvider(t)
	provider, err := oidc.NewProvider(context.Background(), p.URL)
	if err != nil {
		t.Fatal(err)
	}
	d := f.def
	h, err := New(Config{API: f.api, Auth: idTokens{p}, Definitions: func() DefinitionSet { return set{d} },
		Login: &Login{Issuer: "http://127.0.0.1:1", Provider: provider, ClientID: "wijkflow", ClientSecret: "geheim", RedirectURL: f.srv.URL + "/aanmelden/terug"}})
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Config.Handler = h
	if st, h := f.follow("/aanmelden/oidc"); st != http.StatusSeeOther || h.Get("Location") != "/taken" {
		t.Fatalf("sign-in on the shared provider: %d to %q", st, h.Get("Location"))
	}
}
