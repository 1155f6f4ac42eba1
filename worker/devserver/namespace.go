package devserver

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	namespacepb "go.temporal.io/api/namespace/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/wijkflow/wijkflow/worker/searchattrs"
)

// ensureNamespace waits until the frontend answers for the namespace, then sets its
// retention when it differs: the namespace may come from an older run with another
// --retention, and creation straight into SQLite only applies to a new database.
func ensureNamespace(ctx context.Context, addr, namespace string, retention time.Duration) error {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	svc := workflowservice.NewWorkflowServiceClient(conn)

	var desc *workflowservice.DescribeNamespaceResponse
	err = poll(ctx, 25*time.Millisecond, func() error {
		desc, err = svc.DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: namespace})
		return err
	})
	if err != nil {
		return fmt.Errorf("Temporal did not become ready: %w", err)
	}
	if desc.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration() == retention {
		return nil
	}
	_, err = svc.UpdateNamespace(ctx, &workflowservice.UpdateNamespaceRequest{
		Namespace: namespace,
		Config:    &namespacepb.NamespaceConfig{WorkflowExecutionRetentionTtl: durationpb.New(retention)},
	})
	if err != nil {
		return fmt.Errorf("set retention of namespace %q: %w", namespace, err)
	}
	return nil
}

// poll calls try until it succeeds or ctx ends, and returns try's last error then.
func poll(ctx context.Context, every time.Duration, try func() error) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		err := try()
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last error: %v)", ctx.Err(), err)
		case <-t.C:
		}
	}
}

// caseAttributes registers the case search attributes in namespace and says whether any
// was missing (searchattrs.Add).
func caseAttributes(ctx context.Context, addr, namespace string) (added bool, err error) {
	c, err := client.DialContext(ctx, client.Options{HostPort: addr, Namespace: namespace,
		Logger: sdklog.NewStructuredLogger(slog.New(slog.DiscardHandler))})
	if err != nil {
		return false, fmt.Errorf("connect to Temporal: %w", err)
	}
	defer c.Close()
	return searchattrs.Add(ctx, c, namespace)
}
