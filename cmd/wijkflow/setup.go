package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/contrib/envconfig"

	"github.com/wijkflow/wijkflow/worker"
)

const setupUsage = "usage: wijkflow setup --namespace N [--retention 30d] [flags]\n\n" +
	"Prepares a namespace of a Temporal cluster for wijkflow, once, with the same connection\n" +
	"settings as wijkflow worker: creates the namespace when it does not exist (when this\n" +
	"caller may), registers the case search attributes, and waits until they are usable.\n" +
	"Running it again changes nothing.\n\nflags:"

// runSetup creates the namespace and its search attributes.
func runSetup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup", setupUsage, stderr)
	var tf temporalFlags
	tf.register(fs)
	retention := fs.String("retention", "30d", "how long closed cases' histories are kept, e.g. 30d or 720h")
	if err := parseFlags(fs, args); err != nil {
		return exitCode(err)
	}
	keep, err := parseRetention(*retention)
	if err != nil {
		fmt.Fprintln(stderr, "wijkflow setup: --retention:", err)
		return errExit(2)
	}
	cc := worker.ClientConfig{Admin: true, Logger: zerolog.New(stderr).Level(zerolog.WarnLevel)}
	if cc.Connection, err = tf.connection(envconfig.EnvLookupOS, stderr); err != nil {
		fmt.Fprintln(stderr, "wijkflow setup:", err)
		return errExit(2)
	}
	log := zerolog.New(stderr).With().Timestamp().Logger()
	c, err := worker.Connect(ctx, cc, log)
	if err != nil {
		fmt.Fprintln(stderr, "wijkflow setup:", err)
		return errExit(1)
	}
	defer c.Close()
	ns := cc.Namespace()
	created, err := worker.CreateNamespace(ctx, c, ns, keep)
	if err != nil {
		fmt.Fprintln(stderr, "wijkflow setup:", err)
		return errExit(1)
	}
	if created {
		fmt.Fprintf(stdout, "namespace %q created at %s, closed cases kept %s\n", ns, cc.Address(), *retention)
	} else {
		fmt.Fprintf(stdout, "namespace %q exists at %s (its retention is left as it is)\n", ns, cc.Address())
	}
	if err := prepareAttributes(ctx, c, ns, false, log); err != nil {
		fmt.Fprintln(stderr, "wijkflow setup:", err)
		return errExit(1)
	}
	fmt.Fprintf(stdout, "search attributes registered and usable; start workers with --namespace %s\n", ns)
	return nil
}

// parseRetention reads a number of days ("30d") or a Go duration ("720h").
func parseRetention(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("%q is not a number of days; write e.g. 30d", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a duration; write e.g. 30d or 720h", s)
	}
	return d, nil
}
