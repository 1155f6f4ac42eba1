package metrics

import (
	"context"
	"sync"
	"testing"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	temporalotel "go.temporal.io/sdk/contrib/opentelemetry"
)

// otelHandler is the SDK's OpenTelemetry handler on a reader of the test's own.
func otelHandler(t *testing.T) (temporalotel.MetricsHandler, *sdkmetric.ManualReader) {
	t.Helper()
	reader := sdkmetric.NewManualReader()
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	return temporalotel.NewMetricsHandler(temporalotel.MetricsHandlerOptions{
		Meter: provider.Meter("test"), UseMonotonicCounters: true,
		OnError: func(err error) { t.Error(err) },
	}), reader
}

// counted reads every series of the counter name, by its attributes "k=v,…" in order.
func counted(t *testing.T, reader *sdkmetric.ManualReader, name string) map[string]int64 {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name != name {
				continue
			}
			for _, p := range m.Data.(metricdata.Sum[int64]).DataPoints {
				key := ""
				for _, kv := range p.Attributes.ToSlice() {
					key += string(kv.Key) + "=" + kv.Value.AsString() + ","
				}
				out[key] += p.Value
			}
		}
	}
	return out
}

// TestCachedTagsCountAsTheSDKs: the cached handler records what the OpenTelemetry
// handler would, each series under its own tags, and answers equal tags with one child.
func TestCachedTagsCountAsTheSDKs(t *testing.T) {
	inner, reader := otelHandler(t)
	h := cacheTags(inner)

	first := h.WithTags(map[string]string{"namespace": "default", "workflow_type": "CaseWorkflow"})
	again := h.WithTags(map[string]string{"workflow_type": "CaseWorkflow", "namespace": "default"})
	if first != again {
		t.Error("equal tags gave two handlers")
	}
	// Lengths before the texts: "ab"+"c" and "a"+"bc" are two tag sets.
	if h.WithTags(map[string]string{"ab": "c"}) == h.WithTags(map[string]string{"a": "bc"}) {
		t.Error("two tag sets with the same letters gave one handler")
	}
	first.Counter("zaken").Inc(2)
	again.Counter("zaken").Inc(1)
	first.WithTags(map[string]string{"outcome": "ok"}).Counter("zaken").Inc(5)
	h.Counter("zaken").Inc(7)

	// The bound: past it, tags are passed on uncached and still counted under their own.
	h.sets.n = maxTagSets
	over := h.WithTags(map[string]string{"namespace": "anders"})
	if _, cached := over.(*cachedHandler); cached {
		t.Error("a tag set past the bound was cached")
	}
	over.Counter("zaken").Inc(11)

	want := map[string]int64{
		"namespace=default,workflow_type=CaseWorkflow,":            3,
		"namespace=default,outcome=ok,workflow_type=CaseWorkflow,": 5,
		"":                  7,
		"namespace=anders,": 11,
	}
	got := counted(t, reader, "zaken")
	for k, v := range want {
		if got[k] != v {
			t.Errorf("series {%s}: %d, want %d", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("series %v, want %v", got, want)
	}
	if temporalotel.ExtractMetricsHandler(h) == nil {
		t.Error("the SDK cannot find the OpenTelemetry handler under the cache")
	}
}

// TestCachedTagsAllocateNothing: once tags were seen, tagging and counting again
// allocates nothing (the OpenTelemetry handler alone allocates a new attribute set).
func TestCachedTagsAllocateNothing(t *testing.T) {
	inner, _ := otelHandler(t)
	h := cacheTags(inner)
	tags := map[string]string{"namespace": "default", "task_queue": "wijkflow", "workflow_type": "CaseWorkflow"}
	h.WithTags(tags).Timer("latency")
	if n := testing.AllocsPerRun(100, func() { h.WithTags(tags).Timer("latency") }); n != 0 {
		t.Errorf("%v allocations a tagging, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { inner.WithTags(tags).Timer("latency") }); n == 0 {
		t.Error("the OpenTelemetry handler allocates nothing either; the cache may be needless")
	}
}

// TestCachedTagsConcurrent: many goroutines tagging at once lose no count (run with -race).
func TestCachedTagsConcurrent(t *testing.T) {
	inner, reader := otelHandler(t)
	h := cacheTags(inner)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				queue := []string{"a", "b", "c"}[(g+i)%3]
				h.WithTags(map[string]string{"task_queue": queue}).Counter("polls").Inc(1)
			}
		})
	}
	wg.Wait()
	got := counted(t, reader, "polls")
	if total := got["task_queue=a,"] + got["task_queue=b,"] + got["task_queue=c,"]; total != 800 || len(got) != 3 {
		t.Errorf("counted %v, want 800 over three queues", got)
	}
}
