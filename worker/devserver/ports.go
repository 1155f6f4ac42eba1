package devserver

import (
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
)

// host is where every listener binds: the dev server is never reachable from outside.
const host = "127.0.0.1"

// FreePort returns a port on 127.0.0.1 that was free a moment ago, picked at random
// below Linux's ephemeral range (32768–60999 by default). A port the kernel hands out for
// ":0" comes from that range, where every outgoing connection takes its local port too:
// between the check and Temporal's bind, the tests' many connections took one now and
// then, and Temporal's server exits the process on a port it cannot bind ("bind: address
// already in use" in temporal.log, a test binary gone with exit status 1). Another process
// may still take the port; that is rarer by far.
func FreePort() (int, error) {
	for range 100 {
		p := freeLow + rand.IntN(freeHigh-freeLow)
		l, err := net.Listen("tcp", hostPort(p))
		if err != nil {
			continue // taken
		}
		l.Close()
		return p, nil
	}
	// A crowded range: let the kernel choose, as before.
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// freeLow and freeHigh bound the ports FreePort picks from: registered ports under the
// ephemeral range, away from the well-known ones.
const freeLow, freeHigh = 20000, 32768

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
