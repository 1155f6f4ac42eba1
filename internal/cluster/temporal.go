package cluster

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/protobuf/types/known/durationpb"
)

// Temporal is the Temporal server process: all four services in one process, on
// PostgreSQL.
type Temporal struct {
	// Address is the frontend's host:port, what TEMPORAL_ADDRESS names.
	Address string
	bin     string
	config  string
	dir     string
	proc    *process
}

// setupSchemas creates the two databases and brings their schemas to the server's
// version with temporal-sql-tool, using the schemas built into the tool (the same files
// as the module's schema/postgresql/v12). Running it again on set-up databases is
// harmless, which is how an upgrade runs it.
func setupSchemas(sqlTool string, pgPort int) error {
	for _, db := range []struct{ name, schema string }{
		{"temporal", "postgresql/v12/temporal"},
		{"temporal_visibility", "postgresql/v12/visibility"},
	} {
		common := []string{"--plugin", "postgres12", "--ep", "127.0.0.1", "-p", strconv.Itoa(pgPort),
			"-u", "temporal", "--pw", "temporal", "--db", db.name}
		for _, step := range [][]string{
			{"create-database"},
			{"setup-schema", "-v", "0.0"},
			{"update-schema", "--schema-name", db.schema},
		} {
			out, err := exec.Command(sqlTool, append(common, step...)...).CombinedOutput()
			if err != nil {
				return fmt.Errorf("temporal-sql-tool %s on %s: %w\n%s", step[0], db.name, err, out)
			}
		}
	}
	return nil
}

// startTemporal writes the server's config into dir and starts it on PostgreSQL at
// pgPort, waiting until the frontend answers.
func startTemporal(ctx context.Context, bin, dir string, pgPort int) (*Temporal, error) {
	p, err := lowPorts(5)
	if err != nil {
		return nil, err
	}
	m, err := lowPorts(4)
	if err != nil {
		return nil, err
	}
	ports := temporalPorts{p[0], m[0], p[1], p[2], m[1], p[3], m[2], p[4], m[3]}
	t := &Temporal{Address: "127.0.0.1:" + strconv.Itoa(ports.Frontend), bin: bin, dir: dir,
		config: filepath.Join(dir, "temporal.yaml")}
	if err := writeTemporalConfig(t.config, pgPort, ports); err != nil {
		return nil, err
	}
	return t, t.Start(ctx)
}

// Start starts the server (again, after Stop or Kill) and waits until it answers.
func (t *Temporal) Start(ctx context.Context) error {
	p, err := startProcess(t.dir, "temporal", t.bin, []string{"--config-file", t.config, "--allow-no-auth", "start"}, nil)
	if err != nil {
		return err
	}
	t.proc = p
	return waitFor(ctx, 3*time.Minute, "Temporal's frontend", func() error {
		if p.exited() {
			return fmt.Errorf("%w:\n%s", errExited, p.logTail())
		}
		c, err := client.Dial(client.Options{HostPort: t.Address, Namespace: "temporal-system", Logger: quiet{}})
		if err != nil {
			return err
		}
		defer c.Close()
		_, err = c.CheckHealth(ctx, &client.CheckHealthRequest{})
		return err
	})
}

// Stop stops the server: SIGTERM, then kill -9 when it has not ended after grace.
func (t *Temporal) Stop(grace time.Duration) { t.proc.stop(grace) }

// Pid is the server's process id.
func (t *Temporal) Pid() int { return t.proc.Pid() }

// createNamespace registers namespace with retention, once: an existing one is kept as
// it is. It then waits until the frontend serves it.
func createNamespace(ctx context.Context, address, namespace string, retention time.Duration) error {
	nc, err := client.NewNamespaceClient(client.Options{HostPort: address, Logger: quiet{}})
	if err != nil {
		return err
	}
	defer nc.Close()
	err = nc.Register(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace:                        namespace,
		WorkflowExecutionRetentionPeriod: durationpb.New(retention),
	})
	var exists *serviceerror.NamespaceAlreadyExists
	if err != nil && !errors.As(err, &exists) {
		return fmt.Errorf("create namespace %s: %w", namespace, err)
	}
	return waitFor(ctx, time.Minute, "namespace "+namespace, func() error {
		_, err := nc.Describe(ctx, namespace)
		return err
	})
}

// quiet is an SDK logger that drops the dial retries of a start-up wait.
type quiet struct{}

func (quiet) Debug(string, ...any) {}
func (quiet) Info(string, ...any)  {}
func (quiet) Warn(string, ...any)  {}
func (quiet) Error(string, ...any) {}
