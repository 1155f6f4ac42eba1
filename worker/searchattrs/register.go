package searchattrs

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/workflows"
)

// Register adds the missing case search attributes to namespace. It is
// idempotent and runs on every boot: attributes given at namespace creation only reach
// a new database. An attribute that exists with another type is an error, since the
// workflow could not upsert it.
func Register(ctx context.Context, c client.Client, namespace string) error {
	_, err := Add(ctx, c, namespace)
	return err
}

// Add is Register, and says whether it added any attribute: a server that registered
// them just now may still hold older copies in its caches (devserver.Start).
func Add(ctx context.Context, c client.Client, namespace string) (added bool, err error) {
	ops := c.OperatorService()
	list, err := listFresh(ctx, ops, namespace)
	if err != nil {
		return false, fmt.Errorf("list search attributes of %q: %w", namespace, err)
	}
	missing := map[string]enumspb.IndexedValueType{}
	var wrong []string
	for name, want := range workflows.SearchAttributes() {
		got, ok := list.GetCustomAttributes()[name]
		switch {
		case !ok:
			missing[name] = want
		case got != want:
			wrong = append(wrong, fmt.Sprintf("%s is %s, want %s", name, got, want))
		}
	}
	if len(wrong) > 0 {
		sort.Strings(wrong)
		return false, fmt.Errorf("search attributes of %q have the wrong type: %v", namespace, wrong)
	}
	if len(missing) == 0 {
		return false, nil
	}
	_, err = ops.AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
		Namespace:        namespace,
		SearchAttributes: missing,
	})
	// Another worker booting at the same moment may have added them first.
	var exists *serviceerror.AlreadyExists
	if err != nil && !errors.As(err, &exists) {
		if full := fullType(err, missing, list.GetCustomAttributes()); full != nil {
			return false, full
		}
		return false, fmt.Errorf("add search attributes to %q: %w", namespace, err)
	}
	return true, nil
}

// NewNamespace bounds how long Register waits for a namespace that was just created to
// reach the frontend's cache (10 s by default): until then the frontend says it does not
// exist.
const NewNamespace = 30 * time.Second

func listFresh(ctx context.Context, ops operatorservice.OperatorServiceClient, namespace string) (*operatorservice.ListSearchAttributesResponse, error) {
	deadline := time.Now().Add(NewNamespace)
	wait := Poll.First
	for {
		resp, err := ops.ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: namespace})
		var nf *serviceerror.NamespaceNotFound
		var nf2 *serviceerror.NotFound
		if err == nil || !(errors.As(err, &nf) || errors.As(err, &nf2)) || time.Now().After(deadline) {
			return resp, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		wait = min(2*wait, Poll.Max)
	}
}
