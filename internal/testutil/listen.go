package testutil

import (
	"net"
	"testing"
)

// Listen returns a listener on a free port of 127.0.0.1, for a service under test; it
// closes when the test ends, if the service has not closed it.
func Listen(t testing.TB) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}
