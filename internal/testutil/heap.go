package testutil

import "runtime"

// LiveHeap is the heap still in use after two full collections, for benchmarks that
// report what a structure keeps per item (the difference of two readings).
func LiveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
