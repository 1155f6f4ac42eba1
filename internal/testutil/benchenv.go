package testutil

import (
	"os"
	"strconv"
	"testing"
)

// BenchOpen is the number of open cases a benchmark among many sets up: def, or
// WIJKFLOW_BENCH_OPEN when set, which must be a number of at least least; anything else
// fails the benchmark with the variable's value.
func BenchOpen(b *testing.B, def, least int) int {
	b.Helper()
	s := os.Getenv("WIJKFLOW_BENCH_OPEN")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < least {
		b.Fatalf("WIJKFLOW_BENCH_OPEN=%q: want a number of open cases, at least %d", s, least)
	}
	return n
}
