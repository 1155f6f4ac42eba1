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
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/server/common/dynamicconfig"

	"github.com/wijkflow/wijkflow/workflows"
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

// TestCaseAttributesCachedAfterBoot: with CaseAttributes a fresh server registers the case
// search attributes and reads them anew on every use for a minute (a service's older
// copy is gone by then), while a restart on the same data dir, where every copy holds
// them, caches them at once; either way a case with its attributes starts at once.
func TestCaseAttributesCachedAfterBoot(t *testing.T) {
	dir := t.TempDir()
	forced := func(s *Server) bool {
		return len(s.dynamic.GetValue(dynamicconfig.ForceSearchAttributesCacheRefreshOnRead.Key())) > 0
	}
	startCase := func(s *Server) {
		t.Helper()
		c, err := client.DialContext(context.Background(), client.Options{HostPort: s.Address(), Namespace: s.Namespace(),
			Logger: sdklog.NewStructuredLogger(slog.New(slog.DiscardHandler))})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_, err = c.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{
			ID: "case-" + strconv.FormatInt(time.Now().UnixNano(), 36), TaskQueue: "nobody",
			TypedSearchAttributes: temporal.NewSearchAttributes(workflows.SAGemeente.ValueSet("testdorp"), workflows.SAStep.ValueSet([]string{"melding"})),
		}, "CaseWorkflow")
		if err != nil {
			t.Fatalf("a case with its attributes: %v", err)
		}
	}

	first, err := Start(context.Background(), Config{DataDir: dir, UIPort: -1, CaseAttributes: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(first.Stop) // stopped below before the restart; this only if the test fails first
	if first.cacheTimer == nil || !forced(first) {
		t.Errorf("fresh server: timer %v, forced %v; want the attributes read anew until the timer", first.cacheTimer, forced(first))
	}
	startCase(first)
	first.Stop()

	second := start(t, Config{DataDir: dir, UIPort: -1, CaseAttributes: true})
	if second.cacheTimer != nil || forced(second) {
		t.Errorf("restart: timer %v, forced %v; want the attributes cached at once", second.cacheTimer, forced(second))
	}
	startCase(second)

	plain := start(t, Config{UIPort: -1})
	if plain.cacheTimer != nil || !forced(plain) {
		t.Errorf("without CaseAttributes: timer %v, forced %v; want the CLI's behaviour", plain.cacheTimer, forced(plain))
	}
}
