package devserver

import (
	"fmt"
	"net"
	"strconv"
)

// host is where every listener binds: the dev server is never reachable from outside.
const host = "127.0.0.1"

// FreePort returns a port on 127.0.0.1 that was free a moment ago. Another process may
// take it before it is used; tests and the internal services accept that small risk.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// portOrFree returns p, or a free port when p is 0. A fixed port is checked first so
// that a busy port is a clear error instead of a failure deep inside a server.
func portOrFree(p int, what string) (int, error) {
	if p == 0 {
		return FreePort()
	}
	l, err := net.Listen("tcp", hostPort(p))
	if err != nil {
		return 0, fmt.Errorf("%s port %d is not free: %w", what, p, err)
	}
	l.Close()
	return p, nil
}

func hostPort(p int) string { return net.JoinHostPort(host, strconv.Itoa(p)) }
