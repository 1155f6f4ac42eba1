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
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"
	sdkworker "go.temporal.io/sdk/worker"

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
// when the flag is not given. The Temporal connection is not here: Temporal's own
// environment-config loader reads it (temporalflags.go).
var workerEnv = []struct{ flag, env string }{
	{"task-queue", "WIJKFLOW_TASK_QUEUE"},
	{"users", "WIJKFLOW_USERS"},
	{"providers", "WIJKFLOW_PROVIDERS"},
	{"keys", "WIJKFLOW_KEYS_FILE"},
	{"access-log", "WIJKFLOW_ACCESS_LOG"},
	{"metrics-addr", "WIJKFLOW_METRICS_ADDR"},
	{"drain", "WIJKFLOW_DRAIN"},
	{"cache-size", "WIJKFLOW_CACHE_SIZE"},
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
	var tf temporalFlags
	var sf serveFlags
	var metricsAddr string
	var drain time.Duration
	var cacheSize int
	var skipSA bool
	var keysFile, codecOrigins string
	fs.StringVar(&keysFile, "keys", "", "`file` of the payload keys, \"ID BASE64\" per line, newest last [WIJKFLOW_KEYS_FILE]; or the keys themselves in WIJKFLOW_KEYS")
	fs.StringVar(&codecOrigins, "codec-origins", "", "comma-separated `origins` (e.g. https://temporal-ui.example) whose browsers may call the codec endpoint [WIJKFLOW_CODEC_ORIGINS]")
	var history string
	var of oidcFlags
	of.register(fs)
	tf.register(fs)
	fs.StringVar(&metricsAddr, "metrics-addr", "", "serve GET /metrics on this `host:port` instead of the API's [WIJKFLOW_METRICS_ADDR]")
	fs.DurationVar(&drain, "drain", 0, "on SIGTERM, answer 503 on /readyz for this long before no longer taking requests, e.g. 5s for Kubernetes [WIJKFLOW_DRAIN]")
	fs.IntVar(&cacheSize, "cache-size", 0, "open cases this worker keeps in memory, about 47 KB each, heap and stack (default 0: the SDK's 10000) [WIJKFLOW_CACHE_SIZE]")
	fs.StringVar(&cc.Identity, "identity", "", "name of this worker in workflow histories (default pid@host)")
	fs.StringVar(&history, "history", "", "JSON `file` that keeps the published definition versions across restarts")
	var wf webFlags // webflags.go
	wf.register(fs)
	fs.BoolVar(&skipSA, "skip-search-attributes", false, "do not check or register the search attributes (register them by hand)")
	sf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return exitCode(err)
	}
	var err error
	if err = applyEnv(fs, os.Getenv); err != nil {
		fmt.Fprintln(stderr, "wijkflow worker:", err)
		return errExit(2)
	}
	if cacheSize < 0 {
		fmt.Fprintf(stderr, "wijkflow worker: --cache-size %d: give a number of cases, 0 for the SDK's default of 10000\n", cacheSize)
		return errExit(2)
	}
	if cacheSize > 0 {
		// Process-wide, before any worker exists: the SDK's sticky cache of open cases.
		sdkworker.SetStickyWorkflowCacheSize(cacheSize)
	}
	if cc.Connection, err = tf.connection(envconfig.EnvLookupOS, stderr); err != nil {
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

	c, err := worker.Connect(ctx, cc, log)
	if err != nil {
		fmt.Fprintln(stderr, "wijkflow worker:", err)
		return errExit(1)
	}
	defer c.Close()
	var metricsListener net.Listener
	if metricsAddr != "" {
		if metricsListener, err = net.Listen("tcp", metricsAddr); err != nil {
			return fmt.Errorf("metrics: %w", err)
		}
	}
	svc, err := worker.New(worker.Config{
		Common: httpapi.Common{
			Client:    c,
			Namespace: cc.Namespace(),
			TaskQueue: sf.taskQueue,
			Registry:  reg,
			Auth:      tokens,
			Logger:    log,
			Access:    access,
		},
		Watch:           sf.watch,
		Activities:      activities.Config{NotifyWebhook: sf.notifyWebhook, Providers: providers, Logger: log},
		APIAddr:         sf.apiAddr,
		Identity:        cc.Identity,
		Keys:            keys,
		CodecOrigins:    splitList(codecOrigins),
		Web:             webOpts,
		MetricsListener: metricsListener,
		DrainDelay:      drain,
	})
	if err != nil {
		return err
	}
	attributesReady := svc.Readiness().Block("the search attributes are not usable yet")
	if err := svc.Start(); err != nil {
		return err
	}
	if err := prepareAttributes(ctx, c, cc.Namespace(), skipSA, log); err != nil {
		fmt.Fprintln(stderr, "wijkflow worker:", err)
		svc.Shutdown(context.WithoutCancel(ctx))
		return errExit(1)
	}
	attributesReady()
	fmt.Fprintf(stdout, "wijkflow worker: task queue %q in namespace %q at %s\nTask API  %s\nready — Ctrl-C stops\n",
		sf.taskQueue, cc.Namespace(), cc.Address(), apiURL(sf.apiAddr, svc.Addr()))
	err = svc.Wait(ctx)
	fmt.Fprintln(stdout, "stopped")
	return err
}

// prepareAttributes registers the case search attributes (unless skip) and waits until
// the frontend accepts them, so that no create answers 400 while a new mapping
// propagates.
func prepareAttributes(ctx context.Context, c client.Client, namespace string, skip bool, log zerolog.Logger) error {
	if !skip {
		if err := searchattrs.Register(ctx, c, namespace); err != nil {
			if errors.Is(err, searchattrs.ErrFull) {
				return err
			}
			return fmt.Errorf("%w\nRegister the search attributes once (wijkflow setup --namespace %s),\nthen start with --skip-search-attributes if this worker may not manage them", err, namespace)
		}
	}
	return searchattrs.WaitUsable(ctx, c, namespace, func(attempt int, err error) {
		log.Info().Int("attempt", attempt).Err(err).Msg("search attributes not usable yet (a new mapping takes seconds to reach every frontend); waiting")
	})
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
