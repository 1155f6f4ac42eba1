package worker_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/worker"
)

func TestClientOptions(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		cfg     worker.ClientConfig
		tls     bool
		wantErr string
	}{
		{"plain local", worker.ClientConfig{Address: "127.0.0.1:7233"}, false, ""},
		{"api key only: options set, TLS added by the SDK", worker.ClientConfig{APIKey: "k"}, false, ""},
		{"server name turns TLS on", worker.ClientConfig{TLSServerName: "temporal.example"}, true, ""},
		{"cert without key", worker.ClientConfig{TLSCert: "c.pem"}, false, "TLS client certificate: give both the certificate and the key file"},
		{"missing CA file", worker.ClientConfig{TLSCA: filepath.Join(dir, "nope.pem")}, false, "TLS CA: open "},
		{"CA file without PEM", worker.ClientConfig{TLSCA: notPEM}, false, "TLS CA: no PEM certificate in " + notPEM},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts, err := tc.cfg.Options()
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want prefix %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := opts.ConnectionOptions.TLS != nil; got != tc.tls {
				t.Errorf("TLS set = %v, want %v", got, tc.tls)
			}
			if (opts.Credentials != nil) != (tc.cfg.APIKey != "") {
				t.Errorf("credentials set = %v with API key %q", opts.Credentials != nil, tc.cfg.APIKey)
			}
			if opts.Logger == nil {
				t.Error("no logger")
			}
		})
	}
}
