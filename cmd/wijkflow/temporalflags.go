package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"go.temporal.io/sdk/contrib/envconfig"
)

// temporalFlags are the connection flags of worker and setup. Without them the
// connection is read as Temporal's own CLI and SDKs read it (envconfig): the profile
// TEMPORAL_PROFILE of the TOML file TEMPORAL_CONFIG_FILE, then TEMPORAL_ADDRESS,
// TEMPORAL_NAMESPACE, TEMPORAL_TLS_*, TEMPORAL_API_KEY over it; a flag given wins.
type temporalFlags struct {
	fs                                                    *flag.FlagSet
	address, namespace, cert, key, ca, serverName, apiKey string
	profile, configFile                                   string
}

func (t *temporalFlags) register(fs *flag.FlagSet) {
	t.fs = fs
	fs.StringVar(&t.address, "temporal-address", "", "`host:port` of the Temporal frontend (default localhost:7233) [TEMPORAL_ADDRESS]")
	fs.StringVar(&t.namespace, "namespace", "", "Temporal `namespace` of the cases (default \"default\") [TEMPORAL_NAMESPACE]")
	fs.StringVar(&t.cert, "tls-cert", "", "client certificate `file` (PEM) for mTLS [TEMPORAL_TLS_CLIENT_CERT_PATH]")
	fs.StringVar(&t.key, "tls-key", "", "client key `file` (PEM) for mTLS [TEMPORAL_TLS_CLIENT_KEY_PATH]")
	fs.StringVar(&t.ca, "tls-ca", "", "CA certificate `file` (PEM) of the server [TEMPORAL_TLS_SERVER_CA_CERT_PATH]")
	fs.StringVar(&t.serverName, "tls-server-name", "", "server `name` to verify [TEMPORAL_TLS_SERVER_NAME]")
	fs.StringVar(&t.apiKey, "api-key", "", "API `key`, e.g. for Temporal Cloud; implies TLS [TEMPORAL_API_KEY]")
	fs.StringVar(&t.profile, "profile", "", "`profile` of the Temporal config file [TEMPORAL_PROFILE]")
	fs.StringVar(&t.configFile, "config-file", "", "Temporal's TOML config `file` (default ~/.config/temporalio/temporal.toml) [TEMPORAL_CONFIG_FILE]")
}

// deprecatedEnv are the names wijkflow read before it followed Temporal's tools; they
// still work, with a warning that names the new one.
var deprecatedEnv = []struct{ old, now string }{
	{"TEMPORAL_TLS_CERT", "TEMPORAL_TLS_CLIENT_CERT_PATH"},
	{"TEMPORAL_TLS_KEY", "TEMPORAL_TLS_CLIENT_KEY_PATH"},
	{"TEMPORAL_TLS_CA", "TEMPORAL_TLS_SERVER_CA_CERT_PATH"},
}

// connection loads the profile from the config file and env, then lays the flags that
// were given over it.
func (t *temporalFlags) connection(env envconfig.EnvLookup, stderr io.Writer) (envconfig.ClientConfigProfile, error) {
	env = withDeprecated(env, stderr)
	p, err := envconfig.LoadClientConfigProfile(envconfig.LoadClientConfigProfileOptions{
		ConfigFilePath:    t.configFile,
		ConfigFileProfile: t.profile,
		EnvLookup:         env,
	})
	if err != nil {
		return p, fmt.Errorf("temporal connection: %w", err)
	}
	tlsFlag := func(set func(*envconfig.ClientConfigTLS)) {
		if p.TLS == nil {
			p.TLS = &envconfig.ClientConfigTLS{}
		}
		set(p.TLS)
	}
	t.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "temporal-address":
			p.Address = t.address
		case "namespace":
			p.Namespace = t.namespace
		case "api-key":
			p.APIKey = t.apiKey
		case "tls-cert":
			tlsFlag(func(c *envconfig.ClientConfigTLS) { c.ClientCertPath, c.ClientCertData = t.cert, nil })
		case "tls-key":
			tlsFlag(func(c *envconfig.ClientConfigTLS) { c.ClientKeyPath, c.ClientKeyData = t.key, nil })
		case "tls-ca":
			tlsFlag(func(c *envconfig.ClientConfigTLS) { c.ServerCACertPath, c.ServerCACertData = t.ca, nil })
		case "tls-server-name":
			tlsFlag(func(c *envconfig.ClientConfigTLS) { c.ServerName = t.serverName })
		}
	})
	return p, nil
}

// withDeprecated answers each deprecated name's value under its new name, when the new
// one is not set, and warns once per name.
func withDeprecated(env envconfig.EnvLookup, stderr io.Writer) envconfig.EnvLookup {
	m := mapEnv{}
	for _, kv := range env.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	for _, d := range deprecatedEnv {
		v, old := m[d.old]
		if _, now := m[d.now]; !old || now {
			continue
		}
		fmt.Fprintf(stderr, "wijkflow: %s is deprecated; use %s (the name Temporal's tools read)\n", d.old, d.now)
		m[d.now] = v
	}
	return m
}

// mapEnv is an environment held in a map (envconfig.EnvLookup).
type mapEnv map[string]string

func (m mapEnv) Environ() []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	return out
}

func (m mapEnv) LookupEnv(k string) (string, bool) { v, ok := m[k]; return v, ok }
