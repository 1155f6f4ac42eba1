package searchattrs

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/wijkflow/wijkflow/workflows"
)

// Poll bounds the waits between two checks of WaitUsable.
var Poll = struct{ First, Max time.Duration }{First: 250 * time.Millisecond, Max: 5 * time.Second}

// WaitUsable returns once the frontend accepts a visibility query that names every
// case attribute, or when ctx ends. A new mapping is in the namespace record at once
// (ListSearchAttributes shows it) but reaches the frontends' caches seconds later;
// until then a case created with them answers 400 "no mapping defined for search
// attribute", so a worker is not ready before this returns. waiting is told of each
// refused attempt.
func WaitUsable(ctx context.Context, c client.Client, namespace string, waiting func(attempt int, err error)) error {
	query := probe(workflows.SearchAttributes())
	wait := Poll.First
	for attempt := 1; ; attempt++ {
		_, err := c.WorkflowService().CountWorkflowExecutions(ctx, &workflowservice.CountWorkflowExecutionsRequest{
			Namespace: namespace, Query: query,
		})
		if err == nil {
			return nil
		}
		switch status.Code(err) {
		case codes.PermissionDenied, codes.Unauthenticated, codes.Unimplemented:
			return fmt.Errorf("check the search attributes of %q: %w", namespace, err)
		}
		if waiting != nil {
			waiting(attempt, err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("search attributes of %q not usable: %w", namespace, err)
		case <-time.After(wait):
		}
		wait = min(2*wait, Poll.Max)
	}
}

// probe is a query that names every attribute and matches no case: it is kept to one
// workflow id so that it costs one index lookup on a namespace of many cases.
func probe(attrs map[string]enumspb.IndexedValueType) string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	slices.Sort(names)
	terms := make([]string, len(names))
	for i, n := range names {
		terms[i] = n + " = " + zero(attrs[n])
	}
	return "WorkflowId = 'wijkflow-search-attribute-probe' AND (" + strings.Join(terms, " OR ") + ")"
}

func zero(t enumspb.IndexedValueType) string {
	switch t {
	case enumspb.INDEXED_VALUE_TYPE_BOOL:
		return "false"
	case enumspb.INDEXED_VALUE_TYPE_INT, enumspb.INDEXED_VALUE_TYPE_DOUBLE:
		return "0"
	case enumspb.INDEXED_VALUE_TYPE_DATETIME:
		return "'1970-01-01T00:00:00Z'"
	}
	return "''"
}
