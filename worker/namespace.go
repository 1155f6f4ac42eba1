package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/protobuf/types/known/durationpb"
)

// CreateNamespace registers namespace with the given retention of closed cases'
// histories; created is false when it existed already (its retention is left as it
// is). A caller the cluster does not allow to create namespaces gets an error that says
// who can.
func CreateNamespace(ctx context.Context, c client.Client, namespace string, retention time.Duration) (created bool, err error) {
	_, err = c.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace:                        namespace,
		Description:                      "wijkflow cases",
		WorkflowExecutionRetentionPeriod: durationpb.New(retention),
	})
	var exists *serviceerror.NamespaceAlreadyExists
	var denied *serviceerror.PermissionDenied
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &exists):
		return false, nil
	case errors.As(err, &denied):
		return false, fmt.Errorf("this caller may not create namespaces on the cluster: ask its operators for namespace %q "+
			"(temporal operator namespace create --namespace %s --retention %s), then run wijkflow setup again: %w",
			namespace, namespace, retention, err)
	}
	return false, fmt.Errorf("create namespace %q: %w", namespace, err)
}
