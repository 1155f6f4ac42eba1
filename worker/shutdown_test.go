package worker

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/devserver"
)

// TestShutdownFinishesInFlightRequests holds a request inside the handler, shuts down,
// and checks that no new connection is taken while the held request still gets its
// answer, and that Shutdown waits for it.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	srv, err := devserver.Start(context.Background(), devserver.Config{UIPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	c, err := Dial(context.Background(), ClientConfig{Address: srv.Address(), Logger: zerolog.Nop(), Keys: testutil.Keys()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tokens, err := auth.LoadUsers("testdata/users.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	svc, err := New(Config{Client: c, TaskQueue: "shutdown", Auth: tokens, Listener: l, Logger: zerolog.Nop(), Keys: testutil.Keys()})
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	svc.http.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(entered)
		<-release
		w.WriteHeader(http.StatusNoContent)
	})
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	url := "http://" + svc.Addr().String() + "/held"

	answered := make(chan *http.Response, 1)
	go func() {
		resp, err := http.Get(url)
		if err != nil {
			t.Errorf("held request: %v", err)
		}
		answered <- resp
	}()
	<-entered
	stopped := make(chan error, 1)
	go func() { stopped <- svc.Shutdown(context.Background()) }()

	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := net.Dial("tcp", svc.Addr().String())
		if err != nil {
			break // the listener is closed: no new work
		}
		conn.Close()
		if time.Now().After(deadline) {
			t.Fatal("the API still accepts connections 30s after Shutdown began")
		}
		time.Sleep(10 * time.Millisecond) // poll interval
	}
	select {
	case err := <-stopped:
		t.Fatalf("Shutdown returned (%v) while a request was in flight", err)
	default:
	}

	close(release)
	if resp := <-answered; resp == nil || resp.StatusCode != http.StatusNoContent {
		t.Errorf("held request answered %v, want 204", resp)
	} else {
		resp.Body.Close()
	}
	if err := <-stopped; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := svc.Shutdown(context.Background()); err != nil {
		t.Errorf("second Shutdown: %v", err)
	}
}
