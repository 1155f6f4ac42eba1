package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/workflows"
)

// TestWorkerMetrics: a worker serves GET /metrics with the SDK's metrics and ours,
// counted as a case goes through; promtool accepts the text and a real Prometheus
// scrapes the worker until its target is up and the cases are queryable.
func TestWorkerMetrics(t *testing.T) {
	srv := testserver.Embedded(t, testserver.Options{})
	t.Setenv("TEMPORAL_ADDRESS", srv.Address())
	t.Setenv("TEMPORAL_NAMESPACE", srv.Namespace())
	t.Setenv("WIJKFLOW_KEYS", crypt.FormatKey(crypt.Generate("k1")))
	w := start(t, "worker", "--users", testutil.Path("users.yaml"),
		"--definitions", testutil.Path("definitions"), "--api-addr", "127.0.0.1:0")
	w.waitOutput(t, "Ctrl-C stops")
	api := w.apiBase(t)
	site := strings.TrimSuffix(api, "/api/v1")

	// One case through both tasks to its end.
	var v workflows.CaseView
	create := map[string]any{"gemeente": "testdorp", "process": "snel", "team": "noord", "data": map[string]any{"bron": "huisarts"}}
	if err := postJSON(api+"/cases", "test-leider", create, &v); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		task string
		data map[string]any
	}{{"melding-1", map[string]any{"urgent": true}}, {"gesprek-1", map[string]any{"verslag": "goed gesprek"}}} {
		if err := postJSON(api+"/cases/"+v.ID+"/tasks/"+step.task+"/complete", "test-leider", map[string]any{"data": step.data}, new(any)); err != nil {
			t.Fatal(err)
		}
	}
	if err := getJSON(api+"/cases/nope", "test-leider", new(any)); err == nil || !strings.Contains(err.Error(), "404") {
		t.Fatalf("GET an unknown case: %v, want 404", err)
	}

	// Every series below appears once the case closed (the workflow counts it). The
	// counts are the process's (other tests of this package count too), so only the
	// series are checked.
	want := []string{
		`wijkflow_http_requests_total{code="201",method="POST",route="POST /api/v1/cases"} `,
		`wijkflow_http_requests_total{code="404",method="GET",route="GET /api/v1/cases/{id}"} `,
		`wijkflow_http_request_duration_seconds_bucket{method="POST",route="POST /api/v1/cases/{id}/tasks/{taskId}/complete",le="+Inf"} `,
		`wijkflow_cases_started_total{`, `wijkflow_cases_closed_total{`, `result="afgerond"`,
		`wijkflow_task_completions_total{`, `outcome="completed"`, `gemeente="testdorp"`, `process="snel"`,
		// The SDK's own, through its OpenTelemetry handler.
		`temporal_request_total{`, `temporal_workflow_completed_total{`, `temporal_workflow_task_execution_latency_seconds_bucket{`,
		`go_goroutines `,
	}
	text := scrape(t, site+"/metrics", want)
	t.Logf("one scrape: %d bytes, %d samples", len(text), strings.Count(text, "\n")-strings.Count(text, "\n#"))
	if strings.Contains(text, v.ID) {
		t.Errorf("a case id is in the metrics")
	}

	promtool := exec.Command("promtool", "check", "metrics")
	promtool.Stdin = strings.NewReader(text)
	if out, err := promtool.CombinedOutput(); err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}
	prometheusScrapes(t, site)
}

// scrape reads the metrics until every wanted line is there (the workflow's counts
// reach the handler as its task completes), within a minute.
func scrape(t *testing.T, metricsURL string, want []string) string {
	t.Helper()
	var text string
	testutil.Eventually(t, time.Minute, func() error {
		resp, err := http.Get(metricsURL)
		if err != nil {
			return err
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		text = string(b)
		var missing []string
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = append(missing, w)
			}
		}
		if len(missing) > 0 {
			return fmt.Errorf("metrics lack %q:\n%s", missing, text)
		}
		return nil
	})
	return text
}

// prometheusScrapes runs Debian's prometheus against the worker until its target is
// up and a query finds the case counted.
func prometheusScrapes(t *testing.T, site string) {
	t.Helper()
	target := strings.TrimPrefix(site, "http://")
	dir := t.TempDir()
	conf := filepath.Join(dir, "prometheus.yml")
	yml := fmt.Sprintf("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: wijkflow\n    static_configs:\n      - targets: [%q]\n", target)
	if err := os.WriteFile(conf, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("promtool", "check", "config", conf).CombinedOutput(); err != nil {
		t.Fatalf("promtool check config: %v\n%s", err, out)
	}
	web := "127.0.0.1:" + strconv.Itoa(freePort(t))
	var log bytes.Buffer
	prom := exec.Command("prometheus", "--config.file="+conf, "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+web)
	prom.Stdout, prom.Stderr = &log, &log
	if err := prom.Start(); err != nil {
		t.Fatalf("prometheus (Debian's package; .ci/run installs it): %v", err)
	}
	defer func() {
		_ = prom.Process.Kill()
		_ = prom.Wait()
	}()
	testutil.Eventually(t, 2*time.Minute, func() error {
		up := queryProm(web, "up")
		cases := queryProm(web, "wijkflow_cases_closed_total")
		if up == "1" && cases != "" && cases != "0" {
			return nil
		}
		return fmt.Errorf("prometheus: up=%q cases closed=%q\n%s", up, cases, log.String())
	})
}

// queryProm is the value of the first series of an instant query, or "".
func queryProm(web, query string) string {
	resp, err := http.Get("http://" + web + "/api/v1/query?query=" + url.QueryEscape(query))
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Result []struct {
				Value []any `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if json.NewDecoder(resp.Body).Decode(&r) != nil || len(r.Data.Result) == 0 || len(r.Data.Result[0].Value) < 2 {
		return ""
	}
	s, _ := r.Data.Result[0].Value[1].(string)
	return s
}
