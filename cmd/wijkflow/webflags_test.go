package main

import (
	"encoding/base64"
	"flag"
	"io"
	"strings"
	"testing"
)

func TestWebFlags(t *testing.T) {
	parse := func(args []string, withOIDC bool, env map[string]string) (*webFlags, *flag.FlagSet) {
		fs := flag.NewFlagSet("worker", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var w webFlags
		w.register(fs)
		if withOIDC { // the flags of the OIDC authenticator, as `wijkflow worker` has them
			fs.String("oidc-issuer", "", "")
			fs.String("oidc-audience", "", "")
		}
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		if err := applyEnv(fs, func(k string) string { return env[k] }); err != nil {
			t.Fatal(err)
		}
		return &w, fs
	}
	key := base64.StdEncoding.EncodeToString(make([]byte, 32))
	w, fs := parse(nil, false, map[string]string{"WIJKFLOW_TEMPORAL_UI_URL": "http://ui:8233", "WIJKFLOW_SESSION_KEY": key})
	opts, err := w.options(fs, func(k string) string { return map[string]string{"WIJKFLOW_SESSION_KEY": key}[k] })
	if err != nil || opts.TemporalUIURL != "http://ui:8233" || len(opts.SessionKey) != 32 || opts.Login != nil {
		t.Errorf("options = %+v, %v", opts, err)
	}
	if _, err := w.options(fs, func(string) string { return "kort" }); err == nil || !strings.Contains(err.Error(), "32 bytes") {
		t.Errorf("a short session key: %v", err)
	}
	w, fs = parse([]string{"--oidc-issuer", "https://idp.example", "--oidc-audience", "wijkflow", "--public-url", "https://wijkflow.example/"}, true, nil)
	opts, err = w.options(fs, func(k string) string { return map[string]string{"WIJKFLOW_OIDC_CLIENT_SECRET": "geheim"}[k] })
	if err != nil || opts.Login == nil || opts.Login.Issuer != "https://idp.example" || opts.Login.ClientID != "wijkflow" ||
		opts.Login.ClientSecret != "geheim" || opts.Login.RedirectURL != "https://wijkflow.example/aanmelden/terug" || !opts.SecureCookies {
		t.Errorf("OIDC sign-in options = %+v, %v", opts.Login, err)
	}
	w, fs = parse([]string{"--oidc-issuer", "https://idp.example", "--public-url", "https://wijkflow.example"}, true, nil)
	if _, err := w.options(fs, func(string) string { return "" }); err == nil {
		t.Error("an OIDC sign-in without a client id is accepted")
	}
}
