package web

import (
	"net/http"
	"time"

	"github.com/wijkflow/wijkflow/worker/auth"
)

// SessionAuth authenticates a request by the web app's session cookie, as the web app
// does: the codec endpoint accepts it, so the Temporal Web UI, which calls the endpoint
// with the browser's cookies (codec.includeCredentials), decodes for the user signed in
// to wijkflow in the same browser. sessionKey must be the key the web app seals with;
// a request without a valid session falls through to ErrNoCredentials.
func SessionAuth(sessionKey []byte, a auth.Authenticator) (auth.Authenticator, error) {
	s, err := newSealer(sessionKey)
	if err != nil {
		return nil, err
	}
	return sessionAuth{seal: s, auth: a}, nil
}

type sessionAuth struct {
	seal *sealer
	auth auth.Authenticator
}

func (s sessionAuth) Authenticate(r *http.Request) (*auth.User, error) {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return nil, auth.ErrNoCredentials
	}
	v, ok := s.seal.open(c.Value, time.Now())
	if !ok || v.Token == "" {
		return nil, auth.ErrNoCredentials
	}
	// The token is checked again, so a revoked one stops decoding at once.
	q, _ := http.NewRequest(http.MethodGet, "/", nil)
	q.Header.Set("Authorization", "Bearer "+v.Token)
	return s.auth.Authenticate(q)
}
