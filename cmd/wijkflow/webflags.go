package main

import (
	"encoding/base64"
	"errors"
	"flag"

	"github.com/wijkflow/wijkflow/worker"
)

// webFlags configure the web app of `wijkflow worker`. The session key is read from the
// environment only: a secret does not belong in a process list.
type webFlags struct {
	uiURL  string
	secure bool
	off    bool
}

func init() {
	workerEnv = append(workerEnv, struct{ flag, env string }{"temporal-ui-url", "WIJKFLOW_TEMPORAL_UI_URL"})
}

func (w *webFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&w.uiURL, "temporal-ui-url", "", "`URL` of the Temporal Web UI, for the overview's links [WIJKFLOW_TEMPORAL_UI_URL]")
	fs.BoolVar(&w.secure, "secure-cookies", false, "mark session cookies Secure (TLS ends at a proxy in front)")
	fs.BoolVar(&w.off, "no-web", false, "serve the task API only, no web app at /")
}

// options reads WIJKFLOW_SESSION_KEY: 32 bytes, base64. Without it the key is random,
// so sessions end when this worker stops and do not pass to other workers.
func (w *webFlags) options(getenv func(string) string) (worker.WebOptions, error) {
	opts := worker.WebOptions{Off: w.off, TemporalUIURL: w.uiURL, SecureCookies: w.secure}
	if s := getenv("WIJKFLOW_SESSION_KEY"); s != "" {
		key, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(key) != 32 {
			return opts, errors.New("WIJKFLOW_SESSION_KEY must be 32 bytes in base64 (openssl rand -base64 32)")
		}
		opts.SessionKey = key
	}
	return opts, nil
}

