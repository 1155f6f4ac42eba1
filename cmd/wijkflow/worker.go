package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/httpapi"
	"github.com/wijkflow/wijkflow/worker/searchattrs"
	"github.com/wijkflow/wijkflow/workflows"
)

// serveFlags are the flags that dev and worker share.
type serveFlags struct {
	definitions   string
	apiAddr       string
	users         string
	taskQueue     string
	notifyWebhook string
	providers     string
	accessLog     string
	watch         bool
}

func (s *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.definitions, "definitions", "definitions", "folder of process definitions (*.yaml)")
	fs.StringVar(&s.apiAddr, "api-addr", "localhost:8080", "`host:port` of the task API")
	fs.StringVar(&s.users, "users", "", "YAML `file` of API users and their tokens")
	fs.StringVar(&s.taskQueue, "task-queue", workflows.DefaultTaskQueue, "Temporal task queue of the cases")
	fs.StringVar(&s.notifyWebhook, "notify-webhook", "", "`URL` that receives notifications as JSON (default: log them)")
	fs.StringVar(&s.providers, "providers", "", "YAML `file` of the providers that referral steps hand off to")
	fs.StringVar(&s.accessLog, "access-log", "log", "where reads and changes of case data are recorded: log, stdout or a `file`")
	fs.BoolVar(&s.watch, "watch", true, "publish a changed definitions folder without a restart")
}

// workerEnv maps flags of `wijkflow worker` to the environment variables that set them
// when the flag is not given: the names the Temporal CLI and SDKs use.
var workerEnv = []struct{ flag, env string }{
	{"temporal-address", "TEMPORAL_ADDRESS"},
	{"namespace", "TEMPORAL_NAMESPACE"},
	{"tls-cert", "TEMPORAL_TLS_CERT"},
	{"tls-key", "TEMPORAL_TLS_KEY"},
	{"tls-ca", "TEMPORAL_TLS_CA"},
	{"tls-server-name", "TEMPORAL_TLS_SERVER_NAME"},
	{"api-key", "TEMPORAL_API_KEY"},
	{"task-queue", "WIJKFLOW_TASK_QUEUE"},
	{"users", "WIJKFLOW_USERS"},
	{"providers", "WIJKFLOW_PROVIDERS"},
	{"keys", "WIJKFLOW_KEYS_FILE"},
	{"access-log", "WIJKFLOW_ACCESS_LOG"},
	{"codec-origins", "WIJKFLOW_CODEC_ORIGINS"},
	{"oidc-issuer", "WIJKFLOW_OIDC_ISSUER"},
	{"oidc-audience", "WIJKFLOW_OIDC_AUDIENCE"},
	{"oidc-claims", "WIJKFLOW_OIDC_CLAIMS"},
}

// applyEnv sets each flag that was not given on the command line from its environment
// variable, so flags win over the environment.
func applyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, m := range workerEnv {
		v := getenv(m.env)
		if given[m.flag] || v == "" || fs.Lookup(m.flag) == nil {
			continue
		}
		if err := fs.Set(m.flag, v); err != nil {
			return fmt.Errorf("%s: %w", m.env, err)
		}
	}
	return nil
}

// runWorker serves the task API and runs the worker against an existing Temporal
// cluster. Any number of these may run on one task queue: they share the work.
func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", "usage: wijkflow worker (--users FILE | --oidc-issuer URL --oidc-audience ID) --keys FILE [flags]\n\nRuns the case worker and the task API against a Temporal cluster. Flags not given\nare read from the environment variable in brackets. Start several on one task queue\nto share the work.\n\nflags:", stderr)
	var cc worker.ClientConfig
	var sf serveFlags
	var skipSA bool
	var keysFile, codecOrigins string
	fs.StringVar(&keysFile, "keys", "", "`file` of the payload keys, \"ID BASE64\" per line, newest last [WIJKFLOW_KEYS_FILE]; or the keys themselves in WIJKFLOW_KEYS")
	fs.StringVar(&codecOrigins, "codec-origins", "", "comma-separated `origins` (e.g. https://temporal-ui.example) whose browsers may call the codec endpoint [WIJKFLOW_CODEC_ORIGINS]")
	var history string
	var of oidcFlags
	of.register(fs)
	fs.StringVar(&cc.Address, "temporal-address", "localhost:7233", "`host:port` of the Temporal frontend [TEMPORAL_ADDRESS]")
	fs.StringVar(&cc.Namespace, "namespace", "default", "Temporal namespace of the cases [TEMPORAL_NAMESPACE]")
	fs.StringVar(&cc.TLSCert, "tls-cert", "", "client certificate `file` (PEM) for mTLS [TEMPORAL_TLS_CERT]")
	fs.StringVar(&cc.TLSKey, "tls-key", "", "client key `file` (PEM) for mTLS [TEMPORAL_TLS_KEY]")
	fs.StringVar(&cc.TLSCA, "tls-ca", "", "CA certificate `file` (PEM) of the server [TEMPORAL_TLS_CA]")
	fs.StringVar(&cc.TLSServerName, "tls-server-name", "", "server name to verify [TEMPORAL_TLS_SERVER_NAME]")
	fs.StringVar(&cc.APIKey, "api-key", "", "API key, e.g. for Temporal Cloud; implies TLS [TEMPORAL_API_KEY]")
	fs.StringVar(&cc.Identity, "identity", "", "name of this worker in workflow histories (default pid@host)")
	fs.StringVar(&history, "history", "", "JSON `file` that keeps the published definition versions across restarts")
	var wf webFlags // webflags.go
	wf.register(fs)
	fs.BoolVar(&skipSA, "skip-search-attributes", false, "do not check or register the search attributes (register them by hand)")
	sf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return exitCode(err)
	}
	if err := applyEnv(fs, os.Getenv); err != nil {
		fmt.Fprintln(stderr, "wijkflow worker:", err)
		return errExit(2)
	}
	webOpts, err := wf.options(fs, os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, "wijkflow worker:", err)
		return errExit(2)
	}
	if sf.users == "" && of.issuer == "" {
		fmt.Fprintln(stderr, "wijkflow worker: --users FILE or --oidc-issuer URL is required (who may call the API)")
		return errExit(2)
	}
	log := zerolog.New(stderr).With().Timestamp().Logger()
	providers, err := loadProviders(sf.providers, stderr)
	if err != nil {
		return err
	}
	reg, err := openRegistry(sf.definitions, history, log, stderr, providerCheck(providers))
	if err != nil {
		return err
	}
	tokens, err := of.authenticator(ctx, sf.users)
	if err != nil {
		return err
	}
	if webOpts.Login != nil && of.verifier != nil {
		webOpts.Login.Provider = of.verifier.Provider() // discovered once for both
	}
	keys, err := workerKeys(keysFile, os.Getenv("WIJKFLOW_KEYS"))
	if err != nil {
		fmt.Fprintln(stderr, "wijkflow worker:", err)
		return errExit(2)
	}
	cc.Keys = keys
	cc.Logger = log.Level(zerolog.WarnLevel)
	access, closeAccess, err := accesslog.Open(sf.accessLog, stdout, log)
	if err != nil {
		return err
	}
	defer closeAccess()

	dialCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	c, err := worker.Dial(dialCtx, cc)
	cancel()
	if err != nil {
		return err
	}
	defer c.Close()
	if !skipSA {
		if err := searchattrs.Register(ctx, c, cc.Namespace); err != nil {
			fmt.Fprintf(stderr, "wijkflow worker: %v\nRegister the search attributes once by hand (see README.md, \"Running against a Temporal cluster\"),\nthen start with --skip-search-attributes if this worker may not manage them.\n", err)
			return errExit(1)
		}
	}
	svc, err := worker.New(worker.Config{
		Common: httpapi.Common{
			Client:    c,
			Namespace: cc.Namespace,
			TaskQueue: sf.taskQueue,
			Registry:  reg,
			Auth:      tokens,
			Logger:    log,
			Access:    access,
		},
		Watch:        sf.watch,
		Activities:   activities.Config{NotifyWebhook: sf.notifyWebhook, Providers: providers, Logger: log},
		APIAddr:      sf.apiAddr,
		Identity:     cc.Identity,
		Keys:         keys,
		CodecOrigins: splitList(codecOrigins),
		Web:          webOpts,
	})
	if err != nil {
		return err
	}
	if err := svc.Start(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wijkflow worker: task queue %q in namespace %q at %s\nTask API  %s\nready — Ctrl-C stops\n",
		sf.taskQueue, cc.Namespace, cc.Address, apiURL(sf.apiAddr, svc.Addr()))
	err = svc.Wait(ctx)
	fmt.Fprintln(stdout, "stopped")
	return err
}

// loadDefinitions loads the definitions folder; it prints one line per problem, and
// refuses on an error, since a broken definition must never start cases (warnings and
// notes are for the designer and do not stop the service).
func loadDefinitions(dir string, w io.Writer) ([]*definitions.Definition, error) {
	defs, issues := definitions.LoadDir(dir)
	for _, i := range issues {
		fmt.Fprintln(w, i.String())
	}
	if errs := issues.Errors(); len(errs) > 0 {
		fmt.Fprintf(w, "wijkflow: %d problem(s) in %s; fix them (wijkflow validate %s) and start again\n", len(errs), dir, dir)
		return nil, errExit(1)
	}
	if len(defs) == 0 {
		fmt.Fprintf(w, "wijkflow: no definitions (*.yaml) in %s\n", dir)
		return nil, errExit(1)
	}
	return defs, nil
}

// apiURL is the task API's base URL: the host as the user wrote it, the port as bound
// (they differ for port 0).
func apiURL(flagAddr string, bound net.Addr) string {
	host, _, err := net.SplitHostPort(flagAddr)
	if err != nil || host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	_, port, _ := net.SplitHostPort(bound.String())
	return "http://" + net.JoinHostPort(host, port) + "/api/v1"
}

// joinRoles renders a user's roles for the token table.
func joinRoles(roles []string) string { return strings.Join(roles, ",") }

// workerKeys reads the payload keys from a file or, without one, from the value of
// WIJKFLOW_KEYS; one of them is required.
func workerKeys(file, env string) (*crypt.Keyring, error) {
	switch {
	case file != "":
		return crypt.LoadFile(file)
	case env != "":
		r, err := crypt.Parse(env)
		if err != nil {
			return nil, fmt.Errorf("WIJKFLOW_KEYS: %w", err)
		}
		return r, nil
	}
	return nil, errors.New("--keys FILE or WIJKFLOW_KEYS is required: every payload is encrypted (see README.md, \"Privacy and security\")")
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
