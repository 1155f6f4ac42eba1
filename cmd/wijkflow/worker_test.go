package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
)

func TestApplyEnvFlagsWin(t *testing.T) {
	env := map[string]string{"WIJKFLOW_TASK_QUEUE": "env-queue", "WIJKFLOW_USERS": "env-users.yaml"}
	for _, tc := range []struct {
		name string
		args []string
		flag string
		want string
	}{
		{"env when flag absent", nil, "task-queue", "env-queue"},
		{"flag over env", []string{"--task-queue", "flag-queue"}, "task-queue", "flag-queue"},
		{"flag equal to default still wins", []string{"--users", ""}, "users", ""},
		{"default without env", nil, "providers", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("worker", flag.ContinueOnError)
			for _, m := range workerEnv {
				fs.String(m.flag, "", "")
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

// TestTemporalConnection: the connection is read as Temporal's tools read it (config
// file, profile, TEMPORAL_* variables), flags win, and the old names still work with a
// warning that names the new one.
func TestTemporalConnection(t *testing.T) {
	file := filepath.Join(t.TempDir(), "temporal.toml")
	toml := "[profile.prod]\naddress = \"file:7233\"\nnamespace = \"file-ns\"\n[profile.prod.tls]\nserver_name = \"file.example\"\n"
	if err := os.WriteFile(file, []byte(toml), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name               string
		env                mapEnv
		args               []string
		address, ns, cert  string
		serverName, apiKey string
		warning            string
	}{
		{name: "nothing: defaults left to the SDK", env: mapEnv{}},
		{name: "environment", env: mapEnv{"TEMPORAL_ADDRESS": "env:7233", "TEMPORAL_NAMESPACE": "env-ns", "TEMPORAL_API_KEY": "k",
			"TEMPORAL_TLS_CLIENT_CERT_PATH": "c.pem"}, address: "env:7233", ns: "env-ns", apiKey: "k", cert: "c.pem"},
		{name: "profile of the config file", env: mapEnv{"TEMPORAL_CONFIG_FILE": file, "TEMPORAL_PROFILE": "prod"},
			address: "file:7233", ns: "file-ns", serverName: "file.example"},
		{name: "environment over the file", env: mapEnv{"TEMPORAL_CONFIG_FILE": file, "TEMPORAL_PROFILE": "prod", "TEMPORAL_NAMESPACE": "env-ns"},
			address: "file:7233", ns: "env-ns", serverName: "file.example"},
		{name: "flags over both", env: mapEnv{"TEMPORAL_ADDRESS": "env:7233"},
			args:    []string{"--config-file", file, "--profile", "prod", "--temporal-address", "flag:7233", "--tls-server-name", "flag.example"},
			address: "flag:7233", ns: "file-ns", serverName: "flag.example"},
		{name: "old name warns", env: mapEnv{"TEMPORAL_TLS_CERT": "old.pem"}, cert: "old.pem",
			warning: "wijkflow: TEMPORAL_TLS_CERT is deprecated; use TEMPORAL_TLS_CLIENT_CERT_PATH (the name Temporal's tools read)\n"},
		{name: "new name beats the old", env: mapEnv{"TEMPORAL_TLS_CERT": "old.pem", "TEMPORAL_TLS_CLIENT_CERT_PATH": "new.pem"}, cert: "new.pem"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("worker", flag.ContinueOnError)
			var tf temporalFlags
			tf.register(fs)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			p, err := tf.connection(tc.env, &stderr)
			if err != nil {
				t.Fatal(err)
			}
			var cert, serverName string
			if p.TLS != nil {
				cert, serverName = p.TLS.ClientCertPath, p.TLS.ServerName
			}
			got := []string{p.Address, p.Namespace, cert, serverName, p.APIKey, stderr.String()}
			want := []string{tc.address, tc.ns, tc.cert, tc.serverName, tc.apiKey, tc.warning}
			if !slices.Equal(got, want) {
				t.Errorf("address, namespace, cert, server name, API key, warning = %q, want %q", got, want)
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

// TestWorkerCacheSizeRefused: a negative cache size is a clear error before anything
// starts, from the flag or from WIJKFLOW_CACHE_SIZE.
func TestWorkerCacheSizeRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  string
	}{
		{[]string{"--cache-size", "-5"}, ""},
		{nil, "-5"},
	} {
		t.Setenv("WIJKFLOW_CACHE_SIZE", tc.env)
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"worker", "--definitions", testutil.Path("definitions")}, tc.args...), &stdout, &stderr)
		var code errExit
		if !errors.As(err, &code) || code != 2 {
			t.Fatalf("%v: err = %v, want exit 2", tc, err)
		}
		if want := "wijkflow worker: --cache-size -5: give a number of cases, 0 for the SDK's default of 10000\n"; stderr.String() != want {
			t.Errorf("%v: stderr = %q, want %q", tc, stderr.String(), want)
		}
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
