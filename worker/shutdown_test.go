package worker

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker/httpapi"
)

// TestShutdownFinishesInFlightRequests holds a request inside the handler, shuts down,
// and checks that no new connection is taken while the held request still gets its
// answer, and that Shutdown waits for it.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	srv := testserver.Start(t, testserver.Options{})
	svc, err := New(Config{Common: httpapi.Common{Client: srv.Client, TaskQueue: "shutdown", Auth: testutil.Users(t), Logger: zerolog.Nop()}, Listener: testutil.Listen(t), Keys: testutil.Keys()})
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

	testutil.Soon(t, func() error {
		conn, err := net.Dial("tcp", svc.Addr().String())
		if err != nil {
			return nil // the listener is closed: no new work
		}
		conn.Close()
		return errors.New("the API still accepts connections after Shutdown began")
	})
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
