package metrics

import (
	"net/http"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.temporal.io/sdk/client"
	temporalotel "go.temporal.io/sdk/contrib/opentelemetry"
)

// Registry holds every metric this process serves: ours, the SDK's (once SDK is
// called) and the Go runtime's.
var Registry = prometheus.NewRegistry()

func init() {
	Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
}

// Handler serves the registry in Prometheus' text format (GET /metrics).
func Handler() http.Handler {
	return promhttp.HandlerFor(Registry, promhttp.HandlerOpts{Registry: Registry})
}

var sdk = sync.OnceValues(func() (client.MetricsHandler, error) {
	exp, err := otelprom.New(otelprom.WithRegisterer(Registry), otelprom.WithoutScopeInfo())
	if err != nil {
		return nil, err
	}
	provider := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exp), sdkmetric.WithView(view))
	return cacheTags(temporalotel.NewMetricsHandler(temporalotel.MetricsHandlerOptions{
		Meter:                provider.Meter("temporal-sdk-go"),
		UseMonotonicCounters: true,
		// A metric that cannot be recorded must never stop a workflow task.
		OnError: func(error) {},
	})), nil
})

// SDK is the metrics handler for the Temporal client (client.Options.MetricsHandler):
// the client's and the worker's metrics, and those the case workflow's interceptor
// counts (interceptor.go), land in Registry. Every client of the process shares it.
func SDK() (client.MetricsHandler, error) { return sdk() }

// view gives every SDK instrument a help text (the SDK sets none, and Prometheus' lint
// wants one) and the timers, in seconds, Prometheus' buckets: OpenTelemetry's default
// buckets are made for milliseconds.
func view(i sdkmetric.Instrument) (sdkmetric.Stream, bool) {
	s := sdkmetric.Stream{Name: i.Name, Description: i.Description, Unit: i.Unit}
	if s.Description == "" {
		s.Description = help[i.Name]
	}
	if s.Description == "" {
		s.Description = "Temporal SDK metric " + i.Name + " (docs.temporal.io/references/sdk-metrics)."
	}
	if i.Unit == "s" {
		s.Aggregation = sdkmetric.AggregationExplicitBucketHistogram{Boundaries: prometheus.DefBuckets}
	}
	return s, true
}
