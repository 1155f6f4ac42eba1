package worker

import (
	"context"
	"errors"
	"fmt"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"
	"google.golang.org/grpc"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/worker/firstview"
	"github.com/wijkflow/wijkflow/worker/metrics"
)

// ClientConfig says how to reach Temporal. Its connection is a profile as Temporal's own
// tools read it (envconfig: the TOML config file, TEMPORAL_PROFILE, TEMPORAL_ADDRESS,
// TEMPORAL_NAMESPACE, TEMPORAL_TLS_*, TEMPORAL_API_KEY); cmd loads it and lays its flags
// over it.
type ClientConfig struct {
	// Connection is the address, namespace, TLS and API key. An empty address means
	// localhost:7233 and an empty namespace "default".
	Connection envconfig.ClientConfigProfile
	// Identity names this process in workflow histories; empty means the SDK's default
	// (pid@host).
	Identity string
	// Logger receives the SDK's log.
	Logger zerolog.Logger
	// Keys encrypt every payload: required, unless Admin.
	Keys *crypt.Keyring
	// Admin is a client that only manages the namespace and its search attributes
	// (wijkflow setup): it reads and writes no payloads, so it needs no keys.
	Admin bool
}

// Address is the frontend's host:port the client dials.
func (c ClientConfig) Address() string {
	if c.Connection.Address == "" {
		return client.DefaultHostPort
	}
	return c.Connection.Address
}

// Namespace is the namespace of the cases.
func (c ClientConfig) Namespace() string {
	if c.Connection.Namespace == "" {
		return client.DefaultNamespace
	}
	return c.Connection.Namespace
}

// Options turns the config into SDK client options; it reads the TLS files. The SDK's
// metrics go to this process's /metrics (package metrics).
func (c ClientConfig) Options() (client.Options, error) {
	if c.Keys == nil && !c.Admin {
		return client.Options{}, errors.New("no payload keys: wijkflow writes nothing to Temporal unencrypted; give --keys FILE or WIJKFLOW_KEYS")
	}
	// A remote codec would be called on every replay; the payload keys are local.
	opts, err := c.Connection.ToClientOptions(envconfig.ToClientOptionsRequest{})
	if err != nil {
		return opts, fmt.Errorf("temporal connection: %w", err)
	}
	opts.HostPort, opts.Namespace = c.Address(), c.Namespace()
	opts.Identity = c.Identity
	opts.Logger = NewLogger(c.Logger)
	if c.Keys != nil {
		opts.DataConverter = c.Keys.DataConverter()
		opts.FailureConverter = c.Keys.FailureConverter()
	}
	// No gzip on the gRPC calls (the SDK's default is gzip): every payload is already
	// compressed and then encrypted, so gzip finds little to shrink, while compressing
	// each call and its answer took about 6% of the CPU per case of the worker and
	// Temporal together, 2.4 ms a case (README "Numbers", BenchmarkBesideSDK).
	opts.ConnectionOptions.GrpcCompression = &client.GrpcCompressionNone{}
	// A create in this process answers from its case's first workflow task, which this
	// process's worker runs, instead of asking by query (package firstview).
	opts.ConnectionOptions.DialOptions = append(opts.ConnectionOptions.DialOptions,
		grpc.WithChainUnaryInterceptor(firstview.UnaryClientInterceptor()))
	if opts.MetricsHandler, err = metrics.SDK(); err != nil {
		return opts, fmt.Errorf("metrics: %w", err)
	}
	return opts, nil
}

// Dial connects to Temporal and checks the connection before returning.
func Dial(ctx context.Context, c ClientConfig) (client.Client, error) {
	opts, err := c.Options()
	if err != nil {
		return nil, err
	}
	cl, err := client.DialContext(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("connect to Temporal at %s: %w", c.Address(), err)
	}
	return cl, nil
}
