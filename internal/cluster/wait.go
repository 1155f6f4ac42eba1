package cluster

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"time"
)

// waitFor polls try until it returns nil, for at most d or until ctx ends: a start-up
// waits for its condition, never for a fixed time.
func waitFor(ctx context.Context, d time.Duration, what string, try func() error) error {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	wait := 20 * time.Millisecond
	for {
		err := try()
		if err == nil {
			return nil
		}
		if errors.Is(err, errExited) { // it will not become ready
			return fmt.Errorf("%s: %w", what, err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: gave up after %s: %w", what, d, err)
		case <-time.After(wait): // a poll interval, not a wait for the outcome
		}
		wait = min(2*wait, 500*time.Millisecond)
	}
}

// lowPorts returns n distinct free ports below 32768, held until all are chosen: Temporal
// keeps membership ports in a smallint column, and a port the kernel hands out for :0
// comes from above it, where an outgoing connection may take it before the process
// that was given it binds it (as devserver.FreePort).
func lowPorts(n int) ([]int, error) {
	ports := make([]int, 0, n)
	for try := 0; len(ports) < n; try++ {
		if try > 1000 {
			return nil, errors.New("no free port below 32768")
		}
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 20000+rand.IntN(12000)))
		if err != nil {
			continue
		}
		defer l.Close() // all held until all are chosen, so none repeats
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
