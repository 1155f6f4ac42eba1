package cluster

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/workflows"
)

// The users of internal/testutil/testdata/users.yaml that the test acts as.
const (
	coachToken  = "test-coach-noord"
	leaderToken = "test-leider"
)

// startCluster starts the topology for a test and stops it at the end, showing the
// processes' logs when the test failed.
func startCluster(t testing.TB) *Cluster {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	start := time.Now()
	c, err := Start(context.Background(), Config{
		Root: root, Dir: dir, Workers: 2,
		Definitions: filepath.Join(root, "internal/cluster/testdata/definitions"),
		Users:       testutil.Path("users.yaml"),
	})
	if err != nil {
		t.Fatalf("start the cluster: %v", err)
	}
	t.Logf("cluster up in %s (%s): Temporal %s at %s, PostgreSQL on %d, workers %s and %s",
		time.Since(start).Round(time.Second), strings.Join(c.Took, ", "), c.Binaries.TemporalVersion,
		c.Temporal.Address, c.Postgres.Port, c.Workers[0].URL, c.Workers[1].URL)
	t.Cleanup(func() {
		if t.Failed() {
			for _, name := range []string{"temporal", "worker-1", "worker-2"} {
				t.Logf("--- %s.log (end)\n%s", name, tail(filepath.Join(dir, name+".log"), 3000))
			}
		}
		c.Stop()
	})
	return c
}

// TestCluster is the end-to-end test of the production topology (README, "Running in
// production"): PostgreSQL, Temporal built from go.mod's version, two workers.
func TestCluster(t *testing.T) {
	c := startCluster(t)
	w1, w2 := c.Workers[0].URL, c.Workers[1].URL
	created := map[string]bool{} // every case this test made

	t.Run("a case through both APIs", func(t *testing.T) {
		on1, on2 := newAPIClient(coachToken, w1), newAPIClient(coachToken, w2)
		v, err := on1.create("both-apis")
		if err != nil {
			t.Fatal(err)
		}
		created[v.ID] = true
		var seen workflows.CaseView
		if err := on2.do("GET", "/cases/"+v.ID, "", nil, http.StatusOK, &seen); err != nil || seen.ID != v.ID {
			t.Fatalf("worker 2 reads the case of worker 1: %v %+v", err, seen.ID)
		}
		for n := range steps {
			via := []*apiClient{on2, on1}[n%2]
			if v, err = via.complete(v, n, fmt.Sprintf("both-apis-%d", n)); err != nil {
				t.Fatalf("step %s: %v", steps[n].step, err)
			}
		}
		if v.Closed == nil || v.Result != "afgerond" {
			t.Errorf("case after four tasks on alternating workers: closed %v, result %q", v.Closed, v.Result)
		}
	})

	t.Run("web app signed in on one worker, used on the other", func(t *testing.T) {
		created[webAcrossWorkers(t, w1, w2)] = true
	})

	t.Run("codec endpoint on either worker", func(t *testing.T) {
		created[codecOnEither(t, c)] = true
	})

	t.Run("kill -9 of a worker under load", func(t *testing.T) {
		for id := range killUnderLoad(t, c, 100) {
			created[id] = true
		}
	})

	t.Run("Temporal restart", func(t *testing.T) {
		c.Temporal.Stop(30 * time.Second)
		stopped := time.Now()
		if err := c.Temporal.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		up := time.Now()
		for _, w := range c.Workers {
			if err := w.WaitReady(context.Background()); err != nil {
				t.Fatal(err)
			}
			// Each worker's API starts a case and completes its first task again.
			api := newAPIClient(coachToken, w.URL)
			v, err := api.create("after-restart-" + w.Name)
			if err != nil {
				t.Fatalf("%s after the restart: %v", w.Name, err)
			}
			created[v.ID] = true
			if _, err := api.complete(v, 0, "after-restart-"+w.Name+"-0"); err != nil {
				t.Fatalf("%s after the restart: %v", w.Name, err)
			}
		}
		bothPolling(t, c, stopped)
		t.Logf("both workers served a case and polled again %s after Temporal was back", time.Since(up).Round(100*time.Millisecond))
	})

	t.Run("PostgreSQL holds only encrypted payloads", func(t *testing.T) {
		onlyEncryptedPayloads(t, c.Postgres)
	})

	t.Run("every case once", func(t *testing.T) {
		api := newAPIClient(leaderToken, w1, w2)
		var listed map[string]bool
		// Visibility follows the histories: wait until every case is listed.
		testutil.Soon(t, func() error {
			var err error
			if listed, err = api.listAll(); err != nil {
				return err
			}
			var missing []string
			for id := range created {
				if !listed[id] {
					missing = append(missing, id)
				}
			}
			if len(missing) > 0 {
				return fmt.Errorf("%d of %d cases not listed: %s", len(missing), len(created), strings.Join(missing[:min(5, len(missing))], ", "))
			}
			return nil
		})
		if len(listed) != len(created) {
			t.Errorf("%d cases listed, %d created: a create made two cases", len(listed), len(created))
		}
	})
}
