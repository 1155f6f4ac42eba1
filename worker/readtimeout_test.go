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
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker/httpapi"
)

// TestSlowBodyIsCutOff: a client that sends its headers and then holds the body back
// gets 408 and loses the connection once ReadTimeout has passed.
func TestSlowBodyIsCutOff(t *testing.T) {
	srv := testserver.Start(t, testserver.Options{})
	tokens := testutil.Users(t)
	svc, err := New(Config{Common: httpapi.Common{Client: srv.Client, TaskQueue: "slow-body", Auth: tokens, Logger: zerolog.Nop()}, Listener: testutil.Listen(t), ReadTimeout: 300 * time.Millisecond, Keys: testutil.Keys()})
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
