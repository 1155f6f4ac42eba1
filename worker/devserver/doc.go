// Package devserver runs a Temporal server and its Web UI inside the wijkflow process, for
// `wijkflow dev` and for integration tests.
//
// The server is Temporal's own (go.temporal.io/server) with SQLite persistence in one file,
// <DataDir>/temporal.db, so cases survive a restart; the Web UI is Temporal's ui-server.
// Only the frontend (Config.Port) and the UI (Config.UIPort) listen on fixed ports; the
// other services take free ports on 127.0.0.1. Usage:
//
//	srv, err := devserver.Start(ctx, devserver.Config{DataDir: ".wijkflow", Port: 7233, UIPort: 8233})
//	if err != nil { ... }
//	defer srv.Stop()
//	c, err := client.Dial(client.Options{HostPort: srv.Address(), Namespace: srv.Namespace()})
//
// The wiring follows the Temporal CLI's dev server (which cannot be imported at a version
// that builds with our SDK), written here against the server's public options.
package devserver
