package httpapi

import (
	"fmt"
	"github.com/wijkflow/wijkflow/worker/monitor"
	"net/http"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/caselist"
	"github.com/wijkflow/wijkflow/worker/registry"
	"github.com/wijkflow/wijkflow/workflows"
)

// Common is the part of the configuration that the task API shares with the service
// that runs it (worker.Config embeds it): where the cases are, which definitions they
// run on, who may call, and where the records go.
type Common struct {
	// Client reaches Temporal; the caller dials and closes it.
	Client client.Client
	// Namespace holds the cases; it must be the client's namespace (default "default").
	Namespace string
	// TaskQueue is where new cases are started (and, in the service, the queue its worker
	// polls); default workflows.DefaultTaskQueue.
	TaskQueue string
	// Definitions are every loaded definition. New cases start on the last one given for
	// a gemeente and process; older versions may be listed too, so that tasks of older
	// cases show their forms without a query. Ignored when Registry is set.
	Definitions []*definitions.Definition
	// Registry serves the definitions and reloads them (publish without a restart); nil
	// means a fixed set of Definitions.
	Registry *registry.Registry
	// Auth says who calls.
	Auth auth.Authenticator
	// Logger receives the audit records and server-side errors (and, in the service, the
	// worker's log).
	Logger zerolog.Logger
	// Access records every read and change of a case's personal data; nil records
	// nothing beyond the audit lines in Logger (the service defaults it to Logger).
	Access accesslog.Sink
	// Cases are the shared lists of open cases (GET /tasks, the web app's task lists and
	// overview); nil makes the API its own from Client.
	Cases *caselist.Cases
	// RequestTimeout bounds one request, Temporal calls included; zero means
	// DefaultRequestTimeout. A create whose first view does not come within it answers
	// 202 (the case runs).
	RequestTimeout time.Duration
}

// Config is what the API needs; New fills in the defaults noted per field.
type Config struct {
	Common
	// Inbox is dev's local provider inbox, served at GET /inbox; nil: no such route.
	Inbox *activities.Inbox
	// ActorKeys sign the actor of every update (required; see actors.Sign).
	ActorKeys actors.Keys
	// DataConverter reads the memo of listed cases: the client's, which decrypts;
	// default the SDK's default (unencrypted) converter.
	DataConverter converter.DataConverter
	// Ready holds what keeps the process from being ready besides Temporal and the
	// definitions (GET /readyz); nil: nothing.
	Ready *Readiness
}

const (
	// prefix is where the API lives.
	prefix = "/api/v1"
	// maxBody bounds a request body; forms are small.
	maxBody = 1 << 20
)

// DefaultRequestTimeout bounds one request, Temporal calls included, when
// Config.RequestTimeout is zero.
const DefaultRequestTimeout = 10 * time.Second

// api holds the configuration and the definitions indexed for the handlers.
type api struct {
	cfg       Config
	log       zerolog.Logger
	timeout   time.Duration // per request
	reg       *registry.Registry
	gemeenten gemeenteCache
	monitor   *monitor.Service
	cases     *caselist.Cases
}

// New returns the API's handler, which serves every path under /api/v1.
func New(cfg Config) (http.Handler, error) {
	a, err := newAPI(cfg)
	if err != nil {
		return nil, err
	}
	return a.handler(), nil
}

// missing names the first field the API cannot do without that cfg leaves nil, or "".
func (cfg *Config) missing() string {
	switch {
	case cfg.Client == nil:
		return "Client"
	case cfg.Auth == nil:
		return "Auth"
	case cfg.ActorKeys == nil:
		return "ActorKeys"
	}
	return ""
}

func newAPI(cfg Config) (*api, error) {
	if f := cfg.missing(); f != "" {
		return nil, fmt.Errorf("httpapi: Config.%s is nil", f)
	}
	if cfg.DataConverter == nil {
		cfg.DataConverter = converter.GetDefaultDataConverter()
	}
	if cfg.Namespace == "" {
		cfg.Namespace = "default"
	}
	if cfg.TaskQueue == "" {
		cfg.TaskQueue = workflows.DefaultTaskQueue
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	a := &api{cfg: cfg, log: cfg.Logger, timeout: cfg.RequestTimeout, reg: cfg.Registry, gemeenten: newGemeenteCache(),
		monitor: &monitor.Service{Source: monitor.Source{Client: cfg.Client, Namespace: cfg.Namespace}}}
	a.cases = cfg.Cases
	if a.cases == nil {
		a.cases = caselist.New(caselist.Options{Client: cfg.Client, Namespace: cfg.Namespace,
			DataConverter: cfg.DataConverter, Logger: cfg.Logger})
	}
	if a.reg == nil {
		reg, err := registry.Static(cfg.Definitions)
		if err != nil {
			return nil, fmt.Errorf("httpapi: Config.Definitions: %w", err)
		}
		a.reg = reg
	}
	return a, nil
}

// handler routes every path under /api/v1.
func (a *api) handler() http.Handler {
	mux := http.NewServeMux()
	a.register(mux)
	return a.middleware(mux)
}

// defs is the definitions set served now; a handler takes it once.
func (a *api) defs() *registry.Set { return a.reg.Set() }

// isLead reports whether u holds the lead role (e.g. teamleider) of any process of their
// gemeente: a lead sees every case of the gemeente and acts across their own teams.
func (a *api) isLead(u *auth.User) bool {
	for _, d := range a.defs().Current() {
		if d.Gemeente == u.Gemeente && d.Lead != "" && u.HasRole(d.Lead) {
			return true
		}
	}
	return false
}
