package metrics

import (
	"slices"
	"sync"

	"go.temporal.io/sdk/client"
)

// maxTagSets bounds the tag sets one handler tree remembers. The SDK's tags are
// namespaces, task queues, workflow and activity types, update and query names, ours
// gemeenten, processes and outcomes: some hundreds at most. Past the bound a tag set is
// passed on uncached, so a caller with unbounded tags costs what it did, never memory.
const maxTagSets = 4096

// cachedHandler remembers what the SDK asks of the OpenTelemetry handler, which makes
// every answer anew: the SDK tags a handler on every workflow task, update, poll and
// gRPC call, and each WithTags of the OpenTelemetry handler copies and sorts its
// attributes into a new set, and each Counter or Timer looks its instrument up by name
// again. At 20 cases in flight that was about 150 KB of garbage a case, a quarter of
// what wijkflow allocates beyond a hand-written workflow (BenchmarkBesideSDK). The same
// tags give the same child handler, with its instruments made once.
type cachedHandler struct {
	inner client.MetricsHandler
	sets  *tagSets // shared by the whole tree, for the bound

	mu       sync.RWMutex
	children map[string]*cachedHandler // by tagKey
	counters map[string]client.MetricsCounter
	gauges   map[string]client.MetricsGauge
	timers   map[string]client.MetricsTimer
}

// tagSets counts the child handlers of one tree.
type tagSets struct {
	mu sync.Mutex
	n  int
}

func (s *tagSets) take() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n >= maxTagSets {
		return false
	}
	s.n++
	return true
}

// cacheTags wraps h so that equal tags and instrument names are answered once.
func cacheTags(h client.MetricsHandler) *cachedHandler {
	return newCachedHandler(h, &tagSets{})
}

func newCachedHandler(h client.MetricsHandler, sets *tagSets) *cachedHandler {
	return &cachedHandler{inner: h, sets: sets, children: map[string]*cachedHandler{},
		counters: map[string]client.MetricsCounter{}, gauges: map[string]client.MetricsGauge{},
		timers: map[string]client.MetricsTimer{}}
}

// Unwrap gives the OpenTelemetry handler, for the SDK's ExtractMetricsHandler.
func (h *cachedHandler) Unwrap() client.MetricsHandler { return h.inner }

func (h *cachedHandler) WithTags(tags map[string]string) client.MetricsHandler {
	if len(tags) == 0 {
		return h
	}
	var buf [256]byte
	key := tagKey(buf[:0], tags)
	h.mu.RLock()
	child, ok := h.children[string(key)] // no allocation for the lookup
	h.mu.RUnlock()
	if ok {
		return child
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if child, ok := h.children[string(key)]; ok {
		return child
	}
	if !h.sets.take() {
		return h.inner.WithTags(tags)
	}
	child = newCachedHandler(h.inner.WithTags(tags), h.sets)
	h.children[string(key)] = child
	return child
}

// tagKey appends the tags, sorted by name, each name and value with its length before
// it, so that no two tag sets share a key whatever their text.
func tagKey(b []byte, tags map[string]string) []byte {
	var names [8]string
	ks := names[:0]
	for k := range tags {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	for _, k := range ks {
		b = appendString(b, k)
		b = appendString(b, tags[k])
	}
	return b
}

func appendString(b []byte, s string) []byte {
	for n := uint(len(s)); ; n >>= 7 { // the length as a varint
		if n < 0x80 {
			b = append(b, byte(n))
			break
		}
		b = append(b, byte(n)|0x80)
	}
	return append(b, s...)
}

func (h *cachedHandler) Counter(name string) client.MetricsCounter {
	return instrument(h, h.counters, name, h.inner.Counter)
}

func (h *cachedHandler) Gauge(name string) client.MetricsGauge {
	return instrument(h, h.gauges, name, h.inner.Gauge)
}

func (h *cachedHandler) Timer(name string) client.MetricsTimer {
	return instrument(h, h.timers, name, h.inner.Timer)
}

// instrument answers the instrument of that name from m, made by mk the first time.
// Names are the SDK's and ours, constants, so m needs no bound.
func instrument[T any](h *cachedHandler, m map[string]T, name string, mk func(string) T) T {
	h.mu.RLock()
	v, ok := m[name]
	h.mu.RUnlock()
	if ok {
		return v
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if v, ok := m[name]; ok {
		return v
	}
	v = mk(name)
	m[name] = v
	return v
}
