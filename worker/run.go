package worker

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"go.temporal.io/sdk/client"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/caselist"
	"github.com/wijkflow/wijkflow/worker/firstview"
	"github.com/wijkflow/wijkflow/worker/httpapi"
	"github.com/wijkflow/wijkflow/worker/metrics"
	"github.com/wijkflow/wijkflow/worker/registry"
	"github.com/wijkflow/wijkflow/workflows"
)

// DefaultReadTimeout bounds reading one request (headers and body) when
// Config.ReadTimeout is zero; forms are small, so this is generous.
const DefaultReadTimeout = 30 * time.Second

// DefaultShutdownTimeout bounds each stage of a graceful shutdown when
// Config.ShutdownTimeout is zero.
const DefaultShutdownTimeout = 10 * time.Second

// Config is everything one wijkflow process needs to serve: what it shares with the
// task API (httpapi.Common: client, namespace, task queue, definitions, authenticator,
// logger, access records, request timeout) and what only the service needs.
type Config struct {
	httpapi.Common
	// Watch reloads Registry whenever its folder changes (see publish.go).
	Watch bool
	// Activities configures the notification and hand-off activities.
	Activities activities.Config
	// Listener serves the task API; when nil, APIAddr is listened on at Start.
	Listener net.Listener
	// APIAddr is the task API's host:port when Listener is nil.
	APIAddr string
	// Identity names this worker in workflow histories; empty means the client's.
	Identity string
	// ReadTimeout bounds reading a whole request, body included, so a client cannot hold
	// a connection by sending slowly; zero means DefaultReadTimeout.
	ReadTimeout time.Duration
	// ShutdownTimeout bounds finishing in-flight requests, and then in-flight
	// activities; zero means DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// Keys encrypt the payloads (the client's data converter must use the same) and
	// sign the actors of updates; required.
	Keys *crypt.Keyring
	// CodecOrigins may call the codec endpoint (/codec) from a browser, e.g. the Web UI.
	CodecOrigins []string
	// Web configures the browser app served at / beside the API (webapp.go).
	Web WebOptions
	// MetricsListener, when set, serves GET /metrics apart from the API (a port the
	// load balancer does not expose); nil serves it on the API's port.
	MetricsListener net.Listener
	// DrainDelay is how long a shutdown answers 503 on /readyz while still serving,
	// before it stops accepting: the time a load balancer needs to notice.
	DrainDelay time.Duration
}

// Service is a Temporal worker and the HTTP task API, started and stopped together.
type Service struct {
	cfg      Config
	worker   sdkworker.Worker
	handler  http.Handler
	http     *http.Server
	listener net.Listener
	served   chan error

	stopOnce  sync.Once
	stopErr   error
	stopWatch context.CancelFunc
	registry  *registry.Registry
	ready     *httpapi.Readiness
	polling   func() // clears "not polling yet" once the worker started
	metrics   *http.Server
}

// New registers the case workflow and the activities on a worker for cfg.TaskQueue and
// builds the task API; nothing runs until Start.
func New(cfg Config) (*Service, error) {
	if cfg.Client == nil {
		return nil, errors.New("worker: Config.Client is nil")
	}
	if cfg.Keys == nil {
		return nil, errors.New("worker: Config.Keys is nil")
	}
	if cfg.Access == nil {
		cfg.Access = accesslog.Log{L: cfg.Logger}
	}
	if cfg.TaskQueue == "" {
		cfg.TaskQueue = workflows.DefaultTaskQueue
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.Registry == nil {
		reg, err := registry.Static(cfg.Definitions)
		if err != nil {
			return nil, fmt.Errorf("worker: Config.Definitions: %w", err)
		}
		cfg.Registry = reg
	}
	if cfg.Cases == nil {
		// One set of lists for the API and the web app: one scan serves both.
		cfg.Cases = caselist.New(caselist.Options{Client: cfg.Client, Namespace: cfg.Namespace,
			DataConverter: cfg.Keys.DataConverter(), Logger: cfg.Logger})
	}
	ready := &httpapi.Readiness{}
	polling := ready.Block("this worker does not poll its task queue yet")
	h, err := httpapi.New(httpapi.Config{
		Ready:         ready,
		Common:        cfg.Common,
		ActorKeys:     cfg.Keys,
		DataConverter: cfg.Keys.DataConverter(),
		Inbox:         cfg.Activities.Inbox,
	})
	if err != nil {
		return nil, err
	}
	if cfg.Web.SessionKey == nil {
		// One key for the web app's cookies and the codec endpoint that reads them,
		// the same after a restart (sessionkey.go).
		if cfg.Web.SessionKey, err = sessionKey(cfg.Keys); err != nil {
			return nil, err
		}
	}
	if h, err = withWeb(cfg, h); err != nil {
		return nil, err
	}
	// The codec endpoint beside the web app and the API (both behind "/").
	if h, err = withCodec(h, cfg); err != nil {
		return nil, err
	}
	var metricsServer *http.Server
	h = metrics.Middleware(h)
	if cfg.MetricsListener == nil {
		h = withMetrics(h)
	} else {
		metricsServer = &http.Server{Handler: metrics.Handler(), ReadHeaderTimeout: 10 * time.Second}
	}
	w := NewTemporalWorker(cfg.Client, cfg.TaskQueue, cfg.Keys, cfg.Activities, sdkworker.Options{
		Identity:          cfg.Identity,
		WorkerStopTimeout: cfg.ShutdownTimeout,
	})
	return &Service{
		cfg:     cfg,
		worker:  w,
		handler: h,
		http: &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 10 * time.Second,
			ReadTimeout:       cfg.ReadTimeout,
			IdleTimeout:       2 * time.Minute,
		},
		served:    make(chan error, 1),
		registry:  cfg.Registry,
		stopWatch: func() {},
		ready:     ready,
		polling:   polling,
		metrics:   metricsServer,
	}, nil
}

// NewTemporalWorker returns a worker on taskQueue with the case workflow and the
// activities registered under the names the workflow and the API use. Updates whose
// actor keys did not sign are rejected (actors.NewInterceptor).
func NewTemporalWorker(c client.Client, taskQueue string, keys *crypt.Keyring, acts activities.Config, opts sdkworker.Options) sdkworker.Worker {
	opts.Interceptors = append(opts.Interceptors, actors.NewInterceptor(keys), metrics.NewInterceptor(), firstview.NewWorkerInterceptor())
	if opts.WorkflowTaskPollerBehavior == nil && opts.MaxConcurrentWorkflowTaskPollers == 0 {
		opts.WorkflowTaskPollerBehavior = WorkflowPollers()
	}
	w := sdkworker.New(c, taskQueue, opts)
	w.RegisterWorkflowWithOptions(workflows.CaseWorkflow, workflow.RegisterOptions{Name: workflows.CaseWorkflowName})
	activities.New(acts).Register(w)
	return w
}

// WorkflowPollers is how a wijkflow worker polls for workflow tasks: as many pollers as
// the server's backlog asks for (the SDK's poller autoscaling). With the SDK's default of
// two fixed pollers, shared between this worker's sticky queue (the next step of a case
// it holds) and the task queue (a new case's first step), a busy worker kept serving
// its sticky queue while creates waited: at 20 requests in flight a create's p99 was
// 28× a completion's; with autoscaling 1.4× (BenchmarkBesideSDK, README "Numbers").
func WorkflowPollers() sdkworker.PollerBehavior {
	return sdkworker.NewPollerBehaviorAutoscaling(sdkworker.PollerBehaviorAutoscalingOptions{})
}

// Readiness is what GET /readyz reports beyond Temporal and the definitions; the
// caller blocks it while it still prepares (search attributes) after Start.
func (s *Service) Readiness() *httpapi.Readiness { return s.ready }

// withMetrics serves GET /metrics beside h on the same port.
func withMetrics(h http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics.Handler())
	mux.Handle("/", h)
	return mux
}

// Handler is the task API, for in-process calls such as seeding demo cases.
func (s *Service) Handler() http.Handler { return s.handler }

// Addr is where the task API listens; valid after Start.
func (s *Service) Addr() net.Addr { return s.listener.Addr() }

// Start starts the worker, then serves the API.
func (s *Service) Start() error {
	l := s.cfg.Listener
	if l == nil {
		var err error
		if l, err = net.Listen("tcp", s.cfg.APIAddr); err != nil {
			return fmt.Errorf("task API: %w", err)
		}
	}
	s.listener = l
	if err := s.worker.Start(); err != nil {
		l.Close()
		return fmt.Errorf("start worker: %w", err)
	}
	s.polling()
	if err := s.startWatch(); err != nil {
		s.worker.Stop()
		l.Close()
		return err
	}
	go func() { s.served <- s.http.Serve(l) }()
	if s.metrics != nil {
		go s.metrics.Serve(s.cfg.MetricsListener) //nolint:errcheck // ends with Shutdown
	}
	return nil
}

// Shutdown stops in the order that loses no work: the API stops accepting and finishes
// the requests in flight (they may still need the worker), then the worker stops and
// waits for its activities. The Temporal server, if the caller runs one, goes last.
// Calling it again returns the first result.
func (s *Service) Shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() { s.stopErr = s.shutdown(ctx) })
	return s.stopErr
}

func (s *Service) shutdown(ctx context.Context) error {
	if s.listener == nil { // never started
		return nil
	}
	// Out of the load balancer first; requests still arriving meanwhile are served.
	s.ready.Block("shutting down")
	if s.cfg.DrainDelay > 0 {
		s.cfg.Logger.Info().Dur("drain", s.cfg.DrainDelay).Msg("shutting down: readyz answers 503, still serving")
		select {
		case <-time.After(s.cfg.DrainDelay):
		case <-ctx.Done():
		}
	}
	s.cfg.Logger.Info().Msg("shutting down: no new requests; finishing those in flight")
	ctx, cancel := context.WithTimeout(ctx, s.cfg.ShutdownTimeout)
	defer cancel()
	s.stopWatch()
	err := s.http.Shutdown(ctx)
	if err != nil {
		s.http.Close()
	}
	s.worker.Stop()
	if s.metrics != nil {
		s.metrics.Close() // scrapes are short; nothing to finish
	}
	if serr := <-s.served; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

// Run starts the service and runs it until ctx ends or the API fails, then shuts down.
func Run(ctx context.Context, cfg Config) error {
	s, err := New(cfg)
	if err != nil {
		return err
	}
	if err := s.Start(); err != nil {
		return err
	}
	return s.Wait(ctx)
}

// Wait blocks until ctx ends or the API stops serving, then shuts the service down.
func (s *Service) Wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		// A fresh context: the one that ended must not cut the graceful shutdown short.
		return s.Shutdown(context.WithoutCancel(ctx))
	case err := <-s.served:
		s.served <- err // Shutdown reads it
		return errors.Join(fmt.Errorf("task API stopped: %w", err), s.Shutdown(context.WithoutCancel(ctx)))
	}
}
