package devserver

import (
	"net"
	"testing"
)

// TestFreePortBelowTheEphemeralRange: a free port comes from under the range the kernel
// gives outgoing connections, and can be bound.
func TestFreePortBelowTheEphemeralRange(t *testing.T) {
	seen := map[int]bool{}
	for range 20 {
		p, err := FreePort()
		if err != nil {
			t.Fatal(err)
		}
		if p < freeLow || p >= freeHigh {
			t.Errorf("port %d outside [%d, %d)", p, freeLow, freeHigh)
		}
		l, err := net.Listen("tcp", hostPort(p))
		if err != nil {
			t.Fatalf("port %d not free: %v", p, err)
		}
		l.Close()
		seen[p] = true
	}
	if len(seen) < 10 {
		t.Errorf("20 picks gave %d ports; want them spread", len(seen))
	}
}
