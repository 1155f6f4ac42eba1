package cluster

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"os"
	"path/filepath"
	"time"

	"github.com/wijkflow/wijkflow/internal/crypt"
)

// Config says what to start.
type Config struct {
	// Root is the repository (its go.mod names the Temporal version; .cache/bin holds
	// the built server).
	Root string
	// Dir receives the processes' logs, the server's config, the keys and wijkflow.
	Dir string
	// Workers is how many `wijkflow worker` processes to start; default 2.
	Workers int
	// Definitions is the folder of process definitions every worker reads.
	Definitions string
	// Users is the users file every worker reads.
	Users string
	// Namespace is created with Retention; default wijkflow and 3 days.
	Namespace string
	Retention time.Duration
}

// Cluster is a running topology. Its fields are for the test that drives it.
type Cluster struct {
	Binaries Binaries
	Postgres *Postgres
	Temporal *Temporal
	Workers  []*Worker
	// Namespace of the cases.
	Namespace string
	// KeysFile holds the payload keys every worker shares.
	KeysFile string
	// Took is how long each step of Start took, in order ("build 12s", …).
	Took []string
}

// step runs one step of Start and records how long it took.
func (c *Cluster) step(name string, do func() error) error {
	start := time.Now()
	err := do()
	c.Took = append(c.Took, name+" "+time.Since(start).Round(100*time.Millisecond).String())
	return err
}

// Start builds what is missing and starts PostgreSQL, Temporal (schemas set up, the
// namespace created) and the workers, each ready. On an error it stops what it had
// started.
func Start(ctx context.Context, cfg Config) (c *Cluster, err error) {
	if cfg.Workers == 0 {
		cfg.Workers = 2
	}
	if cfg.Namespace == "" {
		cfg.Namespace = "wijkflow"
	}
	if cfg.Retention == 0 {
		cfg.Retention = 72 * time.Hour
	}
	c = &Cluster{Namespace: cfg.Namespace, KeysFile: filepath.Join(cfg.Dir, "keys")}
	defer func() {
		if err != nil {
			c.Stop()
		}
	}()
	if err = c.step("build", func() (err error) { c.Binaries, err = Build(cfg.Root, cfg.Dir); return err }); err != nil {
		return c, err
	}
	ports, err := lowPorts(1)
	if err != nil {
		return c, err
	}
	if err = c.step("postgres", func() (err error) { c.Postgres, err = StartPostgres(ports[0]); return err }); err != nil {
		return c, err
	}
	if err = c.step("schemas", func() error { return setupSchemas(c.Binaries.SQLTool, c.Postgres.Port) }); err != nil {
		return c, err
	}
	if err = c.step("temporal", func() (err error) {
		c.Temporal, err = startTemporal(ctx, c.Binaries.Server, cfg.Dir, c.Postgres.Port)
		return err
	}); err != nil {
		return c, err
	}
	if err = c.step("namespace", func() error {
		return createNamespace(ctx, c.Temporal.Address, cfg.Namespace, cfg.Retention)
	}); err != nil {
		return c, err
	}
	sessionKey, err := writeKeys(c.KeysFile)
	if err != nil {
		return c, err
	}
	setup := workerSetup{bin: c.Binaries.Wijkflow, dir: cfg.Dir, definitions: cfg.Definitions, env: []string{
		"TEMPORAL_ADDRESS=" + c.Temporal.Address,
		"TEMPORAL_NAMESPACE=" + cfg.Namespace,
		"WIJKFLOW_USERS=" + cfg.Users,
		"WIJKFLOW_KEYS_FILE=" + c.KeysFile,
		"WIJKFLOW_SESSION_KEY=" + sessionKey,
	}}
	for n := 1; n <= cfg.Workers; n++ {
		w, err := newWorker(setup, n)
		if err != nil {
			return c, err
		}
		c.Workers = append(c.Workers, w)
		if err := c.step(w.Name, func() error { return w.Start(ctx) }); err != nil {
			return c, err
		}
	}
	return c, nil
}

// writeKeys writes one new payload key to path (mode 0600) and returns a new session
// key: the two secrets every worker of one deployment shares.
func writeKeys(path string) (string, error) {
	text := "# wijkflow payload keys of a local cluster\n" + crypt.FormatKey(crypt.Generate("cluster-1")) + "\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		return "", err
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.StdEncoding.EncodeToString(b), nil
}

// Stop ends the workers, Temporal and PostgreSQL, in that order.
func (c *Cluster) Stop() {
	for _, w := range c.Workers {
		if w.proc != nil {
			w.Stop()
		}
	}
	if c.Temporal != nil && c.Temporal.proc != nil {
		c.Temporal.Stop(30 * time.Second)
	}
	if c.Postgres != nil {
		c.Postgres.Stop()
	}
}

// Pids are the process ids of the topology by name (postgres, temporal, worker-1, …),
// for measuring memory and CPU.
func (c *Cluster) Pids() map[string]int {
	pids := map[string]int{"postgres": c.Postgres.Pid(), "temporal": c.Temporal.Pid()}
	for _, w := range c.Workers {
		pids[w.Name] = w.Pid()
	}
	return pids
}
