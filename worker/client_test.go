package worker_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/worker"
)

func TestClientOptionsNeedKeys(t *testing.T) {
	_, err := worker.ClientConfig{}.Options()
	if err == nil || !strings.HasPrefix(err.Error(), "no payload keys") {
		t.Fatalf("error = %v, want no payload keys", err)
	}
}

func TestClientOptions(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	keys, err := crypt.NewKeyring(crypt.Generate("k1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		cfg     worker.ClientConfig
		tls     bool
		wantErr string
	}{
		{"plain local", worker.ClientConfig{Address: "127.0.0.1:7233", Keys: keys}, false, ""},
		{"api key only: options set, TLS added by the SDK", worker.ClientConfig{APIKey: "k", Keys: keys}, false, ""},
		{"server name turns TLS on", worker.ClientConfig{TLSServerName: "temporal.example", Keys: keys}, true, ""},
		{"cert without key", worker.ClientConfig{TLSCert: "c.pem", Keys: keys}, false, "TLS client certificate: give both the certificate and the key file"},
		{"missing CA file", worker.ClientConfig{TLSCA: filepath.Join(dir, "nope.pem"), Keys: keys}, false, "TLS CA: open "},
		{"CA file without PEM", worker.ClientConfig{TLSCA: notPEM, Keys: keys}, false, "TLS CA: no PEM certificate in " + notPEM},
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
			if p, err := opts.DataConverter.ToPayload("x"); err != nil || !crypt.IsEncrypted(p) {
				t.Errorf("payloads are not encrypted: %v %v", p, err)
			}
		})
	}
}
