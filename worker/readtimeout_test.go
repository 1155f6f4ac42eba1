package worker

import (
	"bufio"
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

// TestSlowBodyIsCutOff: a client that sends its headers and then holds the body back
// gets 408 and loses the connection once ReadTimeout has passed.
func TestSlowBodyIsCutOff(t *testing.T) {
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
	svc, err := New(Config{Client: c, TaskQueue: "slow-body", Auth: tokens, Listener: l, ReadTimeout: 300 * time.Millisecond, Logger: zerolog.Nop(), Keys: testutil.Keys()})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Start(); err != nil {
		t.Fatal(err)
	}
	defer svc.Shutdown(context.Background())
	conn, err := net.Dial("tcp", svc.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	token := tokens.Users()[0].Token
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
