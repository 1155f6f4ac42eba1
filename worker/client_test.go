package worker_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"

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
		{"plain local", worker.ClientConfig{Connection: envconfig.ClientConfigProfile{Address: "127.0.0.1:7233"}, Keys: keys}, false, ""},
		{"api key only: TLS on", worker.ClientConfig{Connection: envconfig.ClientConfigProfile{APIKey: "k"}, Keys: keys}, true, ""},
		{"server name turns TLS on", worker.ClientConfig{Connection: tlsConn(envconfig.ClientConfigTLS{ServerName: "temporal.example"}), Keys: keys}, true, ""},
		{"missing CA file", worker.ClientConfig{Connection: tlsConn(envconfig.ClientConfigTLS{ServerCACertPath: filepath.Join(dir, "nope.pem")}), Keys: keys}, false, "temporal connection: invalid TLS config: "},
		{"CA file without PEM", worker.ClientConfig{Connection: tlsConn(envconfig.ClientConfigTLS{ServerCACertPath: notPEM}), Keys: keys}, false, "temporal connection: invalid TLS config: "},
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
			if (opts.Credentials != nil) != (tc.cfg.Connection.APIKey != "") {
				t.Errorf("credentials set = %v with API key %q", opts.Credentials != nil, tc.cfg.Connection.APIKey)
			}
			if opts.Logger == nil {
				t.Error("no logger")
			}
			if p, err := opts.DataConverter.ToPayload("x"); err != nil || !crypt.IsEncrypted(p) {
				t.Errorf("payloads are not encrypted: %v %v", p, err)
			}
			// Encrypted payloads do not shrink: no gzip on the calls (the SDK's default).
			if _, none := opts.ConnectionOptions.GrpcCompression.(*client.GrpcCompressionNone); !none {
				t.Errorf("gRPC compression %T, want none", opts.ConnectionOptions.GrpcCompression)
			}
		})
	}
}

func tlsConn(t envconfig.ClientConfigTLS) envconfig.ClientConfigProfile {
	return envconfig.ClientConfigProfile{TLS: &t}
}

// TestClientOptionsAdmin: the client of wijkflow setup needs no payload keys.
func TestClientOptionsAdmin(t *testing.T) {
	opts, err := worker.ClientConfig{Admin: true}.Options()
	if err != nil || opts.HostPort != "localhost:7233" || opts.Namespace != "default" {
		t.Fatalf("options %q %q, error %v", opts.HostPort, opts.Namespace, err)
	}
}
