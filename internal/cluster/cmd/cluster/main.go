// Command cluster starts the local production topology of package cluster — PostgreSQL,
// Temporal built from go.mod's version, a namespace and wijkflow workers — prints where
// each listens, and stops it all on Ctrl-C. Humans run it through scripts/cluster.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/wijkflow/wijkflow/internal/cluster"
)

func main() {
	root, _ := os.Getwd()
	cfg := cluster.Config{Root: root}
	flag.StringVar(&cfg.Dir, "dir", "", "`folder` for logs, the server's config and the keys (default: a new temporary one)")
	flag.IntVar(&cfg.Workers, "workers", 2, "how many wijkflow workers")
	flag.StringVar(&cfg.Definitions, "definitions", "internal/cluster/testdata/definitions", "`folder` of process definitions every worker reads (default: the four-task test definition; the shipped ones need WIJKFLOW_PROVIDERS)")
	flag.StringVar(&cfg.Users, "users", "internal/testutil/testdata/users.yaml", "users `file` every worker reads (default: the test users)")
	flag.StringVar(&cfg.Namespace, "namespace", "wijkflow", "Temporal namespace, created with the retention")
	flag.DurationVar(&cfg.Retention, "retention", 72*time.Hour, "how long closed cases stay")
	flag.Parse()
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "cluster:", err)
		os.Exit(1)
	}
}

func run(cfg cluster.Config) error {
	var err error
	if cfg.Dir == "" {
		if cfg.Dir, err = os.MkdirTemp("", "wijkflow-cluster-"); err != nil {
			return err
		}
	}
	for _, p := range []*string{&cfg.Dir, &cfg.Definitions, &cfg.Users} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Printf("starting in %s (a first start builds Temporal's server: minutes)\n", cfg.Dir)
	c, err := cluster.Start(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.Stop()
	fmt.Printf("PostgreSQL  127.0.0.1:%d (user temporal, databases temporal and temporal_visibility)\n", c.Postgres.Port)
	fmt.Printf("Temporal    %s %s, namespace %s\n", c.Temporal.Address, c.Binaries.TemporalVersion, c.Namespace)
	for _, w := range c.Workers {
		fmt.Printf("%-11s %s (log %s)\n", w.Name, w.URL, filepath.Join(cfg.Dir, w.Name+".log"))
	}
	fmt.Println("Ctrl-C stops everything")
	<-ctx.Done()
	return nil
}
