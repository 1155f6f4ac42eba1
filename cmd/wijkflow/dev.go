//go:build !nodev

package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/worker"
	"github.com/wijkflow/wijkflow/worker/accesslog"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/demo"
	"github.com/wijkflow/wijkflow/worker/devserver"
	"github.com/wijkflow/wijkflow/worker/httpapi"
)

// devFlags are the flags of `wijkflow dev`.
type devFlags struct {
	serveFlags
	dataDir      string
	temporalPort int
	uiPort       int
	namespace    string
	retention    time.Duration
	demo         bool
	uiActions    bool
}

func parseDevFlags(args []string, stderr io.Writer) (*devFlags, error) {
	fs := newFlags("dev", "usage: wijkflow dev [flags]\n\nRuns an embedded Temporal server with its Web UI, the case worker and the task API\nin one process. Cases are kept in --data-dir and survive a restart. Ctrl-C stops.\n\nflags:", stderr)
	f := &devFlags{}
	f.register(fs)
	fs.StringVar(&f.dataDir, "data-dir", ".wijkflow", "`folder` of the Temporal database (temporal.db) and its log")
	fs.IntVar(&f.temporalPort, "temporal-port", 7233, "`port` of the embedded Temporal frontend (gRPC)")
	fs.IntVar(&f.uiPort, "ui-port", 8233, "`port` of the Temporal Web UI")
	fs.StringVar(&f.namespace, "namespace", devserver.DefaultNamespace, "Temporal namespace of the cases")
	fs.DurationVar(&f.retention, "retention", devserver.DefaultRetention, "how long closed cases stay visible (at least 24h)")
	fs.BoolVar(&f.demo, "demo", true, "seed demo cases (some overdue) when the namespace has no cases yet")
	fs.BoolVar(&f.uiActions, "ui-allow-actions", false, "let the Web UI terminate, reset, cancel, signal, update and start workflows (they bypass the task API's checks)")
	if err := parseFlags(fs, args); err != nil {
		return nil, exitCode(err)
	}
	return f, nil
}

// runDev starts everything in the order each part needs the previous one, prints where
// to find it, and on Ctrl-C stops in reverse: task API, worker, client, Temporal.
func runDev(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	began := time.Now()
	f, err := parseDevFlags(args, stderr)
	if f == nil {
		return err
	}
	log, closeLog, err := devLogger(f.dataDir, stderr)
	if err != nil {
		return err
	}
	defer closeLog()
	reg, err := openRegistry(f.definitions, filepath.Join(f.dataDir, "published.json"), log, stderr)
	if err != nil {
		return err
	}
	defs := reg.Set().Current()
	tokens, err := devTokens(f.users, defs)
	if err != nil {
		return err
	}
	providers, err := loadProviders(f.providers, stderr)
	if err != nil {
		return err
	}
	inbox := activities.NewInbox()

	keys, created, err := crypt.EnsureFile(filepath.Join(f.dataDir, "keys"), time.Now())
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(stdout, "created payload key %s in %s (mode 0600; keep it, or the cases cannot be read)\n", keys.Newest(), filepath.Join(f.dataDir, "keys"))
	}
	access, closeAccess, err := accesslog.Open(f.accessLog, stdout, log)
	if err != nil {
		return err
	}
	defer closeAccess()
	// The API listens first, so the Web UI can be given its codec endpoint.
	l, err := net.Listen("tcp", f.apiAddr)
	if err != nil {
		return fmt.Errorf("task API: %w", err)
	}
	defer l.Close()
	api := apiURL(f.apiAddr, l.Addr())
	codecURL := strings.TrimSuffix(api, "/api/v1") + worker.CodecPath
	fmt.Fprintf(stdout, "loaded %d definitions from %s\nstarting Temporal…\n", len(defs), f.definitions)
	srv, err := devserver.Start(ctx, devserver.Config{
		DataDir:        f.dataDir,
		Port:           f.temporalPort,
		UIPort:         f.uiPort,
		Namespace:      f.namespace,
		Retention:      f.retention,
		Logger:         log,
		CodecEndpoint:  codecURL,
		CodecSignIn:    strings.TrimSuffix(api, "/api/v1") + "/aanmelden",
		AllowUIActions: f.uiActions,
		CaseAttributes: true, // registered here, then cached by the server
	})
	if err != nil {
		return err
	}
	defer srv.Stop() // last: everything below talks to it
	fmt.Fprintf(stdout, "Temporal started in %.1fs (data in %s)\n", time.Since(began).Seconds(), f.dataDir)

	c, err := worker.Dial(ctx, worker.ClientConfig{
		Connection: envconfig.ClientConfigProfile{Address: srv.Address(), Namespace: f.namespace},
		Logger:     log.Level(zerolog.WarnLevel), // the SDK's info lines are noise here
		Keys:       keys,
	})
	if err != nil {
		return err
	}
	defer c.Close() // the search attributes: registered by the dev server (CaseAttributes)
	svc, err := worker.New(worker.Config{
		Common: httpapi.Common{
			Client:    c,
			Namespace: f.namespace,
			TaskQueue: f.taskQueue,
			Registry:  reg,
			Auth:      tokens,
			Logger:    log,
			Access:    access,
		},
		Watch:      f.watch,
		Activities: activities.Config{NotifyWebhook: f.notifyWebhook, Providers: providers, Inbox: inbox, Logger: log},
		Listener:   l,
		Keys:       keys,
		// The UI's pages call the codec endpoint from the browser.
		CodecOrigins: uiOrigins(srv.UIURL()),
		Web:          worker.WebOptions{DemoUsers: demoSignIn(f.users, tokens), TemporalUIURL: srv.UIURL()},
	})
	if err != nil {
		return err
	}
	if err := svc.Start(); err != nil {
		return err
	}
	if f.demo {
		seedDemo(ctx, svc, c, f.namespace, defs, tokens.Users(), stdout, stderr)
	}
	printDev(stdout, srv, api, f, defs, tokens.Users())
	fmt.Fprintf(stdout, "Codec endpoint %s   (temporal workflow show --codec-endpoint %s --codec-auth 'Bearer TOKEN' …)\n", codecURL, codecURL)
	if in := inboxProviders(defs, providers); len(in) > 0 {
		fmt.Fprintf(stdout, "\nHand-offs to %d providers without configuration go to the local provider inbox\n(GET %s/inbox; --providers FILE sends them on): %s\n",
			len(in), api, strings.Join(in, ", "))
	}
	if f.watch {
		fmt.Fprintf(stdout, "\nDefinitions: watching %s; a saved change is published at once (problems show in the log)\n", f.definitions)
	}
	fmt.Fprintf(stdout, "\nready in %.1fs — Ctrl-C stops\n", time.Since(began).Seconds())

	err = svc.Wait(ctx)
	fmt.Fprintln(stdout, "stopping…")
	return err
}

// demoSignIn lets the web app offer the demo users, never the users of a file.
func demoSignIn(file string, t *auth.Tokens) []auth.User {
	if file != "" {
		return nil
	}
	return t.Users()
}

// devTokens are the users of a users file, or else one demo user per gemeente and role.
func devTokens(file string, defs []*definitions.Definition) (*auth.Tokens, error) {
	if file != "" {
		t, err := auth.LoadUsers(file)
		if err != nil {
			return nil, fmt.Errorf("users: %w", err)
		}
		return t, nil
	}
	t, err := auth.NewTokens(auth.DemoUsers(defs))
	if err != nil {
		return nil, fmt.Errorf("demo users: %w", err)
	}
	return t, nil
}

// seedDemo starts the demo cases unless the namespace already has cases, so a restart
// does not add a second set.
func seedDemo(ctx context.Context, svc *worker.Service, c client.Client, namespace string, defs []*definitions.Definition, users []auth.User, stdout, stderr io.Writer) {
	has, err := demo.HasCases(ctx, c, namespace)
	if err != nil {
		fmt.Fprintln(stderr, "demo cases skipped:", err)
		return
	}
	if has {
		fmt.Fprintln(stdout, "demo cases: the namespace already has cases; none added")
		return
	}
	cases, errs := demo.Seed(ctx, svc.Handler(), defs, users, time.Now())
	for _, err := range errs {
		fmt.Fprintln(stderr, "demo case skipped:", err)
	}
	overdue := 0
	for _, dc := range cases {
		if dc.Overdue {
			overdue++
		}
	}
	fmt.Fprintf(stdout, "demo cases: %d started, %d of them with a melding of 7 weeks ago (overdue)\n", len(cases), overdue)
}

// printDev prints the URLs, the users' tokens and the managers' ready-made queries.
func printDev(w io.Writer, srv *devserver.Server, api string, f *devFlags, defs []*definitions.Definition, users []auth.User) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw)
	if ui := srv.UIURL(); ui != "" {
		fmt.Fprintf(tw, "Web UI\t%s\n", workflowsURL(ui, f.namespace, ""))
	}
	fmt.Fprintf(tw, "Web app\t%s/   (sign in as a demo user; the tour starts here)\n", strings.TrimSuffix(api, "/api/v1"))
	fmt.Fprintf(tw, "Task API\t%s   (try: curl -H 'Authorization: Bearer TOKEN' %s/tasks)\n", api, api)
	fmt.Fprintf(tw, "Temporal\t%s   namespace %s, task queue %s\n", srv.Address(), f.namespace, f.taskQueue)
	tw.Flush()
	if records := filepath.Join(f.dataDir, devRecordsFile); f.accessLog == "log" {
		fmt.Fprintf(w, "Access log %s   (who read or changed which case, and the API's audit lines)\n", records)
	} else {
		fmt.Fprintf(w, "Audit log %s   (the API's audit lines; the access log goes to %s)\n", records, f.accessLog)
	}

	if f.users != "" {
		fmt.Fprintf(w, "\n%d users from %s\n", len(users), f.users)
	} else {
		fmt.Fprintln(w, "\nDemo users (tokens for Authorization: Bearer …; for this laptop only):")
		fmt.Fprintln(tw, "  TOKEN\tGEMEENTE\tTEAMS\tROLES")
		for _, u := range users {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", u.Token, u.Gemeente, joinRoles(u.Teams), joinRoles(u.Roles))
		}
		tw.Flush()
	}

	if srv.UIURL() == "" {
		return
	}
	gemeente, step := exampleGemeenteStep(defs)
	fmt.Fprintln(w, "\nManager views in the Web UI (open the link, or paste the query into the search box):")
	for _, q := range []struct{ what, query string }{
		{"stalled cases of " + gemeente, fmt.Sprintf("WijkGemeente = %q AND WijkStalled = true", gemeente)},
		{"past a deadline", fmt.Sprintf("WijkDeadline < %q AND WijkSuspended = false", time.Now().UTC().Format(time.RFC3339))},
		{"at step " + step, fmt.Sprintf("WijkStep = %q", step)},
	} {
		fmt.Fprintf(w, "  %s:\n    %s\n    %s\n", q.what, q.query, workflowsURL(srv.UIURL(), f.namespace, q.query))
	}
}

// workflowsURL is the Web UI's workflow list of a namespace, filtered by a query.
func workflowsURL(ui, namespace, query string) string {
	u := ui + "/namespaces/" + url.PathEscape(namespace) + "/workflows"
	if query != "" {
		u += "?query=" + url.QueryEscape(query)
	}
	return u
}

// exampleGemeenteStep picks the gemeente and step of the example queries: dalfsen and
// keukentafelgesprek when loaded, else those of the first definition by gemeente.
func exampleGemeenteStep(defs []*definitions.Definition) (gemeente, step string) {
	first := slices.MinFunc(defs, func(a, b *definitions.Definition) int {
		return cmp.Or(cmp.Compare(a.Gemeente, b.Gemeente), cmp.Compare(a.Process, b.Process))
	})
	gemeente, step = first.Gemeente, first.Start
	if slices.ContainsFunc(defs, func(d *definitions.Definition) bool { return d.Gemeente == "dalfsen" }) {
		gemeente = "dalfsen"
	}
	if slices.ContainsFunc(defs, func(d *definitions.Definition) bool { return d.Steps.Step("keukentafelgesprek") != nil }) {
		step = "keukentafelgesprek"
	}
	return gemeente, step
}

// isTerminal reports whether w is a terminal, where colours help; in a file or a pipe
// they are noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// uiOrigins are the origins a browser shows the dev Web UI under ("" without a UI).
func uiOrigins(ui string) []string {
	if ui == "" {
		return nil
	}
	return []string{ui, strings.Replace(ui, "//localhost:", "//127.0.0.1:", 1)}
}
