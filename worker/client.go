package worker

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/internal/crypt"
)

// ClientConfig says how to reach Temporal. cmd fills it from flags and the environment
// (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY,
// TEMPORAL_TLS_CA, TEMPORAL_API_KEY).
type ClientConfig struct {
	// Address is the frontend's host:port; empty means localhost:7233.
	Address string
	// Namespace holds the cases; empty means "default".
	Namespace string
	// TLSCert and TLSKey are PEM files of a client certificate (mTLS); both or neither.
	TLSCert, TLSKey string
	// TLSCA is a PEM file of the CA that signed the server's certificate; empty means the
	// system's roots.
	TLSCA string
	// TLSServerName overrides the name checked in the server's certificate.
	TLSServerName string
	// APIKey authenticates with an API key (Temporal Cloud); it implies TLS.
	APIKey string
	// Identity names this process in workflow histories; empty means the SDK's default
	// (pid@host).
	Identity string
	// Logger receives the SDK's log.
	Logger zerolog.Logger
	// Keys encrypt every payload (required): see internal/crypt.
	Keys *crypt.Keyring
}

// Options turns the config into SDK client options; it reads the TLS files.
func (c ClientConfig) Options() (client.Options, error) {
	opts := client.Options{
		HostPort:  c.Address,
		Namespace: c.Namespace,
		Identity:  c.Identity,
		Logger:    NewLogger(c.Logger),
	}
	if c.Keys == nil {
		return opts, errors.New("no payload keys: wijkflow writes nothing to Temporal unencrypted; give --keys FILE or WIJKFLOW_KEYS")
	}
	opts.DataConverter = c.Keys.DataConverter()
	opts.FailureConverter = c.Keys.FailureConverter()
	tlsConf, err := c.tls()
	if err != nil {
		return opts, err
	}
	opts.ConnectionOptions.TLS = tlsConf
	if c.APIKey != "" {
		opts.Credentials = client.NewAPIKeyStaticCredentials(c.APIKey)
	}
	return opts, nil
}

// tls returns nil when no TLS option is set: plain gRPC, as a local server expects.
func (c ClientConfig) tls() (*tls.Config, error) {
	if c.TLSCert == "" && c.TLSKey == "" && c.TLSCA == "" && c.TLSServerName == "" {
		return nil, nil
	}
	conf := &tls.Config{ServerName: c.TLSServerName, MinVersion: tls.VersionTLS12}
	switch {
	case c.TLSCert != "" && c.TLSKey != "":
		cert, err := tls.LoadX509KeyPair(c.TLSCert, c.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("TLS client certificate: %w", err)
		}
		conf.Certificates = []tls.Certificate{cert}
	case c.TLSCert != "" || c.TLSKey != "":
		return nil, errors.New("TLS client certificate: give both the certificate and the key file")
	}
	if c.TLSCA != "" {
		pem, err := os.ReadFile(c.TLSCA)
		if err != nil {
			return nil, fmt.Errorf("TLS CA: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("TLS CA: no PEM certificate in %s", c.TLSCA)
		}
		conf.RootCAs = pool
	}
	return conf, nil
}

// Dial connects to Temporal and checks the connection before returning.
func Dial(ctx context.Context, c ClientConfig) (client.Client, error) {
	opts, err := c.Options()
	if err != nil {
		return nil, err
	}
	cl, err := client.DialContext(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("connect to Temporal at %s: %w", addressOrDefault(c.Address), err)
	}
	return cl, nil
}

func addressOrDefault(a string) string {
	if a == "" {
		return client.DefaultHostPort
	}
	return a
}
