package devserver

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"
)

// start starts a server on free ports in dir and stops it when the test ends.
func start(t *testing.T, cfg Config) *Server {
	t.Helper()
	s, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(s.Stop)
	return s
}

func describe(t *testing.T, s *Server) *workflowservice.DescribeNamespaceResponse {
	t.Helper()
	nc, err := client.NewNamespaceClient(client.Options{HostPort: s.Address(), Logger: sdklog.NewStructuredLogger(slog.New(slog.DiscardHandler))})
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	d, err := nc.Describe(context.Background(), s.Namespace())
	if err != nil {
		t.Fatalf("describe namespace %q: %v", s.Namespace(), err)
	}
	return d
}

func TestStartCreatesDatabaseNamespaceAndUI(t *testing.T) {
	dir := t.TempDir()
	s := start(t, Config{DataDir: dir, Namespace: "wijk", Retention: 45 * 24 * time.Hour})

	if _, err := os.Stat(filepath.Join(dir, "temporal.db")); err != nil {
		t.Errorf("temporal.db: %v", err)
	}
	if got := describe(t, s).GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(); got != 45*24*time.Hour {
		t.Errorf("retention = %s, want 1080h", got)
	}
	resp, err := http.Get(s.UIURL() + "/")
	if err != nil {
		t.Fatalf("GET UI: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s/ = %s, want 200", s.UIURL(), resp.Status)
	}
}

func TestRestartUpdatesRetention(t *testing.T) {
	dir := t.TempDir()
	first, err := Start(context.Background(), Config{DataDir: dir, UIPort: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(t, first).GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(); got != DefaultRetention {
		t.Errorf("first retention = %s, want %s", got, DefaultRetention)
	}
	first.Stop()

	second := start(t, Config{DataDir: dir, UIPort: -1, Retention: 90 * 24 * time.Hour})
	if got := describe(t, second).GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(); got != 90*24*time.Hour {
		t.Errorf("retention after restart = %s, want 2160h", got)
	}
	if second.UIURL() != "" {
		t.Errorf("UIURL = %q without a UI, want empty", second.UIURL())
	}
}

func TestStartRefuses(t *testing.T) {
	busy, err := FreePort()
	if err != nil {
		t.Fatal(err)
	}
	l, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", hostPort(busy))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"short retention", Config{Retention: time.Hour}, "retention 1h0m0s is shorter than the minimum 24h0m0s"},
		{"busy port", Config{Port: busy}, "Temporal port " + strconv.Itoa(busy) + " is not free"},
		{"busy UI port", Config{UIPort: busy}, "Web UI port " + strconv.Itoa(busy) + " is not free"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Start(context.Background(), tc.cfg)
			if err == nil {
				s.Stop()
				t.Fatal("Start succeeded, want an error")
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error = %q, want prefix %q", err, tc.want)
			}
		})
	}
}
