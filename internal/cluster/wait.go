package cluster

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
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

// lowPorts returns n distinct free ports below 32768: Temporal keeps membership ports
// in a smallint column, and the kernel hands out free ports above it.
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

// freePorts returns n distinct free TCP ports of 127.0.0.1. They are free when asked:
// the processes that take them start right after.
func freePorts(n int) ([]int, error) {
	ports := make([]int, 0, n)
	for tries := 0; len(ports) < n; tries++ {
		// Below the kernel's ephemeral range (as devserver.FreePort): a port it hands out
		// for :0 may be taken by an outgoing connection before the process binds it.
		addr := "127.0.0.1:0"
		if tries < 100*n {
			addr = "127.0.0.1:" + strconv.Itoa(20000+rand.IntN(12768))
		}
		l, err := net.Listen("tcp", addr)
		if err != nil {
			if tries >= 100*n {
				return nil, err
			}
			continue // taken
		}
		defer l.Close() // all held until all are chosen, so none repeats
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
