package main

import (
	"encoding/base64"
	"errors"
	"flag"
	"strings"

	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/web"
)

// webFlags configure the web app of `wijkflow worker`. The session key is read from the
// environment only: a secret does not belong in a process list.
type webFlags struct {
	uiURL     string
	publicURL string
	secure    bool
	off       bool
}

func init() {
	workerEnv = append(workerEnv,
		struct{ flag, env string }{"temporal-ui-url", "WIJKFLOW_TEMPORAL_UI_URL"},
		struct{ flag, env string }{"public-url", "WIJKFLOW_PUBLIC_URL"})
}

func (w *webFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&w.uiURL, "temporal-ui-url", "", "`URL` of the Temporal Web UI, for the overview's links [WIJKFLOW_TEMPORAL_UI_URL]")
	fs.StringVar(&w.publicURL, "public-url", "", "`URL` of the web app as browsers reach it; with --oidc-issuer it turns on the OIDC sign-in [WIJKFLOW_PUBLIC_URL]")
	fs.BoolVar(&w.secure, "secure-cookies", false, "mark session cookies Secure (TLS ends at a proxy in front)")
	fs.BoolVar(&w.off, "no-web", false, "serve the task API only, no web app at /")
}

// options reads WIJKFLOW_SESSION_KEY: 32 bytes, base64. Without it the key is derived
// from the payload keys, so sessions outlive a restart and pass to every worker that
// has the same keys; adding a payload key ends them once. The browser's
// OIDC sign-in uses the identity provider the API accepts tokens of (--oidc-issuer and
// --oidc-audience, the client id), the client secret WIJKFLOW_OIDC_CLIENT_SECRET, and
// --public-url for the address the provider sends the browser back to.
func (w *webFlags) options(fs *flag.FlagSet, getenv func(string) string) (worker.WebOptions, error) {
	opts := worker.WebOptions{Off: w.off, TemporalUIURL: w.uiURL, SecureCookies: w.secure}
	if issuer, client := flagValue(fs, "oidc-issuer"), flagValue(fs, "oidc-audience"); issuer != "" && w.publicURL != "" {
		if client == "" {
			return opts, errors.New("the OIDC sign-in needs --oidc-audience (the client id)")
		}
		opts.Login = &web.Login{Issuer: issuer, ClientID: client, ClientSecret: getenv("WIJKFLOW_OIDC_CLIENT_SECRET"),
			RedirectURL: strings.TrimRight(w.publicURL, "/") + "/aanmelden/terug"}
		opts.SecureCookies = opts.SecureCookies || strings.HasPrefix(w.publicURL, "https://")
	}
	if s := getenv("WIJKFLOW_SESSION_KEY"); s != "" {
		key, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(key) != 32 {
			return opts, errors.New("WIJKFLOW_SESSION_KEY must be 32 bytes in base64 (openssl rand -base64 32)")
		}
		opts.SessionKey = key
	}
	return opts, nil
}

// flagValue is a flag's value, or "" when this build has no such flag.
func flagValue(fs *flag.FlagSet, name string) string {
	if f := fs.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}
