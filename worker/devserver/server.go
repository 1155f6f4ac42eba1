package devserver

import (
	"context"
	"fmt"
	"sync"
	"time"

	uiserver "github.com/temporalio/ui-server/v2/server"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/temporal"
)

// startTimeout bounds how long Start waits for the server and the UI to answer.
const startTimeout = time.Minute

// Server is a running Temporal server with, optionally, its Web UI.
type Server struct {
	cfg      Config
	port     int
	uiPort   int
	temporal temporal.Server
	ui       *uiserver.Server
	stopOnce sync.Once
	// cacheTimer lets the server cache the search attributes a minute after it
	// registered them (Config.CaseAttributes).
	cacheTimer *time.Timer
	dynamic    *dynamicconfig.MemoryClient
}

// Start starts the server, creates the namespace (or updates its retention), starts the
// Web UI, and returns once both answer. Stop it with Stop.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	if cfg.Retention < MinRetention {
		return nil, fmt.Errorf("retention %s is shorter than the minimum %s", cfg.Retention, MinRetention)
	}
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()

	port, err := portOrFree(cfg.Port, "Temporal")
	if err != nil {
		return nil, err
	}
	uiPort := -1
	if cfg.UIPort >= 0 {
		if uiPort, err = portOrFree(cfg.UIPort, "Web UI"); err != nil {
			return nil, err
		}
	}
	dc, cached := dynamicConfig()
	ts, err := newTemporal(cfg, port, dc)
	if err != nil {
		return nil, err
	}
	if err := ts.Start(); err != nil {
		return nil, fmt.Errorf("start Temporal: %w", err)
	}
	s := &Server{cfg: cfg, port: port, uiPort: uiPort, temporal: ts, dynamic: dc}
	if err := ensureNamespace(ctx, s.Address(), cfg.Namespace, cfg.Retention); err != nil {
		s.Stop()
		return nil, err
	}
	if cfg.CaseAttributes {
		added, err := caseAttributes(ctx, s.Address(), cfg.Namespace)
		if err != nil {
			s.Stop()
			return nil, err
		}
		if !added {
			cached() // every copy any service reads holds them
		} else {
			// A service may hold a copy from before they were added until it expires.
			s.cacheTimer = time.AfterFunc(searchAttributeCacheTTL+time.Second, cached)
		}
	}
	if uiPort >= 0 {
		if s.ui, err = startUI(ctx, cfg, port, uiPort); err != nil {
			s.Stop()
			return nil, err
		}
	}
	return s, nil
}

// Address is the frontend's host:port for SDK clients.
func (s *Server) Address() string { return hostPort(s.port) }

// Namespace is the namespace the server created.
func (s *Server) Namespace() string { return s.cfg.Namespace }

// UIURL is the Web UI's base URL, or "" when no UI runs.
func (s *Server) UIURL() string {
	if s.ui == nil {
		return ""
	}
	return fmt.Sprintf("http://localhost:%d", s.uiPort)
}

// Stop stops the UI, then the server. It is safe to call more than once.
func (s *Server) Stop() {
	s.stopOnce.Do(func() {
		if s.cacheTimer != nil {
			s.cacheTimer.Stop()
		}
		if s.ui != nil {
			s.ui.Stop()
		}
		if err := s.temporal.Stop(); err != nil {
			s.cfg.Logger.Warn().Err(err).Msg("stopping Temporal")
		}
	})
}
