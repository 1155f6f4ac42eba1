package worker

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker/httpapi"
)

// The service's HTTP server from inside the package: how it reads requests and how it
// stops.

// newService builds (does not start) a service on an embedded server with the test
// users, on a free port; readTimeout zero means the default.
func newService(t *testing.T, taskQueue string, readTimeout time.Duration) *Service {
	t.Helper()
	srv := testserver.Start(t, testserver.Options{})
	svc, err := New(Config{
		Common:      httpapi.Common{Client: srv.Client, TaskQueue: taskQueue, Auth: testserver.Users(t), Logger: zerolog.Nop()},
		Listener:    testutil.Listen(t),
		ReadTimeout: readTimeout,
		Keys:        testutil.Keys(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// TestSlowBodyIsCutOff: a client that sends its headers and then holds the body back
// gets 408 and loses the connection once ReadTimeout has passed.
func TestSlowBodyIsCutOff(t *testing.T) {
	svc := newService(t, "slow-body", 300*time.Millisecond)
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	defer svc.Shutdown(context.Background())
	conn, err := net.Dial("tcp", svc.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	token := testserver.Users(t).Users()[0].Token
	if _, err := conn.Write([]byte("POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
		"\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"gemeente\":")); err != nil {
		t.Fatal(err)
	}
	// The deadline only bounds the test: the server must answer well before it.
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a request whose body never came: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestTimeout {
		t.Errorf("status %d, want 408", resp.StatusCode)
	}
}

// TestShutdownFinishesInFlightRequests holds a request inside the handler, shuts down,
// and checks that no new connection is taken while the held request still gets its
// answer, and that Shutdown waits for it.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	svc := newService(t, "shutdown", 0)
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
