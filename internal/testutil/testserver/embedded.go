package testserver

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/devserver"
	"github.com/wijkflow/wijkflow/worker/searchattrs"
)

// Options say which embedded server a test needs.
type Options struct {
	// DataDir holds the SQLite file; empty means an in-memory database.
	DataDir string
	// UI runs the Temporal Web UI on a free port too.
	UI bool
	// CodecEndpoint is the codec server the Web UI decodes payloads through.
	CodecEndpoint string
	// Identity names the client in workflow histories; empty means the SDK's default.
	Identity string
}

// Server is an embedded Temporal server and a client of it.
type Server struct {
	*devserver.Server
	// Client encrypts with testutil.Keys; the search attributes are registered.
	Client client.Client
}

// Start starts an embedded server on free ports and dials it; both stop when the test
// ends (or earlier, by Client.Close and Stop, for a test that restarts).
func Start(t testing.TB, o Options) *Server {
	t.Helper()
	srv := Embedded(t, o)
	return &Server{Server: srv, Client: Dial(t, srv, o.Identity)}
}

// Embedded starts only the server, for a test that dials it its own way; it stops when
// the test ends.
func Embedded(t testing.TB, o Options) *devserver.Server {
	t.Helper()
	cfg := devserver.Config{DataDir: o.DataDir, UIPort: -1, CodecEndpoint: o.CodecEndpoint, Logger: Log(t)}
	if o.UI {
		cfg.UIPort = 0
	}
	srv, err := devserver.Start(context.Background(), cfg)
	if err != nil {
		t.Fatalf("devserver.Start: %v", err)
	}
	t.Cleanup(srv.Stop)
	return srv
}

// Dial connects another client to srv, with the given identity, and registers the case
// search attributes (idempotent); it closes when the test ends.
func Dial(t testing.TB, srv *devserver.Server, identity string) client.Client {
	t.Helper()
	keys := testutil.Keys()
	c, err := client.DialContext(context.Background(), client.Options{
		HostPort: srv.Address(), Namespace: srv.Namespace(), Identity: identity,
		DataConverter: keys.DataConverter(), FailureConverter: keys.FailureConverter(),
		Logger: sdkLog(zerolog.NewTestWriter(t)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return Registered(t, c, srv.Namespace())
}

// Registered registers the case search attributes with c, a client the test dialled
// its own way, and closes c when the test ends.
func Registered(t testing.TB, c client.Client, namespace string) client.Client {
	t.Helper()
	t.Cleanup(c.Close)
	if err := searchattrs.Register(context.Background(), c, namespace); err != nil {
		t.Fatal(err)
	}
	return c
}

// Log writes warnings and errors to the test's log, so a failing test shows what the
// server or the service said.
func Log(t testing.TB) zerolog.Logger {
	return zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
}

// sdkLog is the SDK client's log: warnings and errors, to w.
func sdkLog(w io.Writer) sdklog.Logger {
	return sdklog.NewStructuredLogger(slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn})))
}
