package worker

import (
	"net/http"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/web"
)

// WebOptions configure the web app that the service serves at / beside the task API;
// everything else (client, definitions, authenticator) it shares with the API.
type WebOptions struct {
	// Off serves the task API alone.
	Off bool
	// DemoUsers let a visitor sign in by choosing one (wijkflow dev only).
	DemoUsers []auth.User
	// TemporalUIURL is the Temporal Web UI, for the manager's overview's links.
	TemporalUIURL string
	// SessionKey seals session cookies (32 bytes); shared by every worker behind one
	// address. Nil: a key derived from the payload keys (sessionkey.go), so sessions
	// outlive a restart and pass between workers that share those keys.
	SessionKey []byte
	// SecureCookies marks cookies Secure when TLS ends at a proxy in front.
	SecureCookies bool
	// Login signs users in at an OpenID Connect provider; Auth must accept its ID tokens.
	Login *web.Login
}

// withWeb mounts the web app beside the API on one origin, unless it is off.
func withWeb(cfg Config, api http.Handler) (http.Handler, error) {
	if cfg.Web.Off {
		return api, nil
	}
	return web.Mount(api, web.Config{
		Auth: cfg.Auth, Definitions: func() web.DefinitionSet { return cfg.Registry.Set() }, Client: cfg.Client, Namespace: cfg.Namespace, Cases: cfg.Cases,
		DemoUsers: cfg.Web.DemoUsers, TemporalUIURL: cfg.Web.TemporalUIURL,
		SessionKey: cfg.Web.SessionKey, SecureCookies: cfg.Web.SecureCookies, Login: cfg.Web.Login, Logger: cfg.Logger,
	})
}
