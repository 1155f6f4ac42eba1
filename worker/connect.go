package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Backoff bounds the waits between attempts to reach Temporal.
var Backoff = struct{ First, Max time.Duration }{First: time.Second, Max: 30 * time.Second}

// ErrNoNamespace is returned by Connect when the namespace does not exist; its
// message names the command that creates it.
var ErrNoNamespace = errors.New("namespace does not exist")

// Connect dials Temporal and checks that the namespace exists. While Temporal does
// not answer it waits and tries again, a log line per attempt, from Backoff.First
// doubling to Backoff.Max, until ctx ends: a worker started before its cluster (or
// during a restart of it) comes up when the cluster does. What waiting cannot cure
// returns at once: bad TLS files, refused credentials, a missing namespace. An Admin
// client (wijkflow setup, which may create the namespace) does not need the namespace.
func Connect(ctx context.Context, c ClientConfig, log zerolog.Logger) (client.Client, error) {
	opts, err := c.Options()
	if err != nil {
		return nil, err
	}
	wait := Backoff.First
	for attempt := 1; ; attempt++ {
		cl, err := connectOnce(ctx, opts, !c.Admin)
		if err == nil || !transient(err) {
			return cl, describe(c, err)
		}
		log.Warn().Err(err).Int("attempt", attempt).Dur("retry_in", wait).Str("address", c.Address()).
			Msg("Temporal does not answer yet; waiting")
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("connect to Temporal at %s: gave up after %d attempts: %w", c.Address(), attempt, err)
		case <-time.After(wait):
		}
		wait = min(2*wait, Backoff.Max)
	}
}

func connectOnce(ctx context.Context, opts client.Options, namespace bool) (client.Client, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cl, err := client.DialContext(ctx, opts)
	if err != nil || !namespace {
		return cl, err
	}
	_, err = cl.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: opts.Namespace})
	if err != nil {
		cl.Close()
		return nil, err
	}
	return cl, nil
}

// transient errors are those a cluster that is starting or restarting gives.
func transient(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	switch grpcCode(err) {
	case codes.Unavailable, codes.DeadlineExceeded, codes.ResourceExhausted, codes.Aborted:
		return true
	}
	return false
}

func describe(c ClientConfig, err error) error {
	var nf *serviceerror.NamespaceNotFound
	var nf2 *serviceerror.NotFound
	switch {
	case err == nil:
		return nil
	case errors.As(err, &nf), errors.As(err, &nf2):
		return fmt.Errorf("%w: Temporal at %s has no namespace %q; create it once with\n"+
			"  wijkflow setup --namespace %s --retention 30d\n"+
			"(or ask the cluster's operators: temporal operator namespace create --namespace %s --retention 30d)",
			ErrNoNamespace, c.Address(), c.Namespace(), c.Namespace(), c.Namespace())
	}
	return fmt.Errorf("connect to Temporal at %s: %w", c.Address(), err)
}

// grpcCode is the gRPC code of err, also when the SDK wrapped it as a service error.
func grpcCode(err error) codes.Code {
	var se serviceerror.ServiceError
	if errors.As(err, &se) {
		return se.Status().Code()
	}
	return status.Code(err)
}
