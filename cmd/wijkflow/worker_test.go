package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
)

func TestApplyEnvFlagsWin(t *testing.T) {
	env := map[string]string{
		"TEMPORAL_ADDRESS":   "env:7233",
		"TEMPORAL_NAMESPACE": "env-ns",
		"TEMPORAL_API_KEY":   "env-key",
	}
	for _, tc := range []struct {
		name string
		args []string
		flag string
		want string
	}{
		{"env when flag absent", nil, "temporal-address", "env:7233"},
		{"flag over env", []string{"--temporal-address", "flag:7233"}, "temporal-address", "flag:7233"},
		{"flag equal to default still wins", []string{"--namespace", "default"}, "namespace", "default"},
		{"env namespace", nil, "namespace", "env-ns"},
		{"default without env", nil, "tls-ca", ""},
		{"api key from env", nil, "api-key", "env-key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("worker", flag.ContinueOnError)
			for _, m := range workerEnv {
				def := ""
				if m.flag == "namespace" {
					def = "default"
				}
				fs.String(m.flag, def, "")
			}
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			if err := applyEnv(fs, func(k string) string { return env[k] }); err != nil {
				t.Fatal(err)
			}
			if got := fs.Lookup(tc.flag).Value.String(); got != tc.want {
				t.Errorf("--%s = %q, want %q", tc.flag, got, tc.want)
			}
		})
	}
}

func TestWorkerRequiresUsers(t *testing.T) {
	t.Setenv("WIJKFLOW_USERS", "")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"worker", "--definitions", testutil.Path("definitions")}, &stdout, &stderr)
	var code errExit
	if !errors.As(err, &code) || code != 2 {
		t.Fatalf("err = %v, want exit 2", err)
	}
	if want := "wijkflow worker: --users FILE or --oidc-issuer URL is required (who may call the API)\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
}

// TestWorkerAgainstCluster runs `wijkflow worker` against a Temporal server started by
// the test, as an operator would against a cluster, with the address from the
// environment; it registers the search attributes and serves the API.
func TestWorkerAgainstCluster(t *testing.T) {
	srv := testserver.Embedded(t, testserver.Options{})
	t.Setenv("TEMPORAL_ADDRESS", srv.Address())
	t.Setenv("WIJKFLOW_KEYS", crypt.FormatKey(crypt.Generate("k1")))

	w := start(t, "worker", "--users", testutil.Path("users.yaml"),
		"--definitions", testutil.Path("definitions"), "--api-addr", "127.0.0.1:0")
	w.waitOutput(t, "Ctrl-C stops")
	if want := "at " + srv.Address(); !strings.Contains(w.stdout.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, w.stdout.String())
	}
	var defs any
	if err := getJSON(w.apiBase(t)+"/definitions", "test-coach-noord", &defs); err != nil {
		t.Fatal(err)
	}
	w.stop(t)
}

// TestWorkerRefusesUnconfiguredProviders: the shipped definitions hand off to
// providers; without a providers file the worker lists each and does not start.
func TestWorkerRefusesUnconfiguredProviders(t *testing.T) {
	t.Setenv("WIJKFLOW_PROVIDERS", "")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"worker", "--users", testutil.Path("users.yaml"), "--definitions", "../../definitions"}, &stdout, &stderr)
	var code errExit
	if !errors.As(err, &code) || code != 1 {
		t.Fatalf("err = %v, want exit 1; stderr %s", err, stderr.String())
	}
	want := `../../definitions/dalfsen-veilig-thuis.yaml: steps.direct-melden.provider: provider "veilig-thuis-ijsselland" is not configured; add it to the providers file (--providers)`
	if !strings.Contains(stderr.String(), want+"\n") {
		t.Errorf("stderr lacks\n%s\n%s", want, stderr.String())
	}
	if n := strings.Count(stderr.String(), "is not configured"); n < 8 {
		t.Errorf("%d unconfigured provider steps listed, want every one (at least 8):\n%s", n, stderr.String())
	}
}

// TestWorkerProvidersFileProblems: a broken providers file is reported by line.
func TestWorkerProvidersFileProblems(t *testing.T) {
	file := t.TempDir() + "/providers.yaml"
	if err := os.WriteFile(file, []byte("providers:\n  vt: {url: nope}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"worker", "--users", testutil.Path("users.yaml"), "--definitions", "../../definitions", "--providers", file}, &stdout, &stderr)
	if !errors.As(err, new(errExit)) || !strings.Contains(stderr.String(), file+`:2:13: providers.vt.url: "nope" is not an http(s) URL`) {
		t.Errorf("err %v, stderr %s", err, stderr.String())
	}
}

func TestWorkerRequiresKeys(t *testing.T) {
	t.Setenv("WIJKFLOW_KEYS", "")
	t.Setenv("WIJKFLOW_KEYS_FILE", "")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"worker", "--users", testutil.Path("users.yaml"), "--definitions", testutil.Path("definitions")}, &stdout, &stderr)
	var code errExit
	if !errors.As(err, &code) || code != 2 {
		t.Fatalf("err = %v, want exit 2", err)
	}
	if want := "wijkflow worker: --keys FILE or WIJKFLOW_KEYS is required"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr = %q, want prefix %q", stderr.String(), want)
	}
	t.Setenv("WIJKFLOW_KEYS", "k1 notbase64!")
	stderr.Reset()
	err = run(context.Background(), []string{"worker", "--users", testutil.Path("users.yaml"), "--definitions", testutil.Path("definitions")}, &stdout, &stderr)
	if want := "wijkflow worker: WIJKFLOW_KEYS: line 1: key \"k1\" is not base64\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q (err %v)", stderr.String(), want, err)
	}
}
