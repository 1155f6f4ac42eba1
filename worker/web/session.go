package web

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

const (
	// cookieName is the session cookie.
	cookieName = "wijkflow_sessie"
	// sessionTTL is how long a sign-in lasts; a working day and some.
	sessionTTL = 10 * time.Hour
)

// session is what the sealed cookie holds. Token is empty before sign-in; the CSRF
// secret exists from the first page on, so the sign-in form is protected too.
type session struct {
	Token   string `json:"t,omitempty"`
	CSRF    string `json:"c"`
	Expires int64  `json:"e"`
	// State, Nonce, Verifier and Back live between the OIDC redirect and its return.
	State    string `json:"s,omitempty"`
	Nonce    string `json:"n,omitempty"`
	Verifier string `json:"v,omitempty"`
	Back     string `json:"b,omitempty"`
}

// sealer seals and opens session cookies with AES-256-GCM.
type sealer struct{ aead cipher.AEAD }

func newSealer(key []byte) (*sealer, error) {
	if len(key) != 32 {
		return nil, errors.New("web: the session key must be 32 bytes")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &sealer{aead: aead}, nil
}

func (s *sealer) seal(v session) string {
	plain, _ := json.Marshal(v)
	nonce := make([]byte, s.aead.NonceSize())
	rand.Read(nonce)
	return base64.RawURLEncoding.EncodeToString(s.aead.Seal(nonce, nonce, plain, []byte(cookieName)))
}

func (s *sealer) open(text string, now time.Time) (session, bool) {
	var v session
	b, err := base64.RawURLEncoding.DecodeString(text)
	if err != nil || len(b) < s.aead.NonceSize() {
		return v, false
	}
	n := s.aead.NonceSize()
	plain, err := s.aead.Open(nil, b[:n], b[n:], []byte(cookieName))
	if err != nil || json.Unmarshal(plain, &v) != nil || v.CSRF == "" || now.Unix() > v.Expires {
		return session{}, false
	}
	return v, true
}

// sessionOf reads the request's session, or starts an anonymous one (written to w).
func (a *app) sessionOf(w http.ResponseWriter, r *http.Request) session {
	if c, err := r.Cookie(cookieName); err == nil {
		if s, ok := a.seal.open(c.Value, time.Now()); ok {
			return s
		}
	}
	s := session{CSRF: randomString(), Expires: time.Now().Add(sessionTTL).Unix()}
	a.writeSession(w, r, s)
	return s
}

func (a *app) writeSession(w http.ResponseWriter, r *http.Request, s session) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: a.seal.seal(s), Path: "/",
		Expires: time.Unix(s.Expires, 0), HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: r.TLS != nil || a.cfg.SecureCookies,
	})
}

func randomString() string {
	b := make([]byte, 18)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
