package testserver

import (
	"context"
	"testing"
	"time"

	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/interceptor"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/temporal"
	"go.temporal.io/server/temporaltest"

	"github.com/wijkflow/wijkflow/internal/actors"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/searchattrs"
	"github.com/wijkflow/wijkflow/workflows"
)

// Memory is the SDK's in-memory test server (temporaltest) with the case search
// attributes registered and mapped by every service.
type Memory struct {
	*temporaltest.TestServer
	// Client is the server's default client, in Namespace.
	Client    client.Client
	Namespace string
	// DataConverter is the client's: it decrypts, unless the server is plain.
	DataConverter converter.DataConverter
}

// InMemory starts the server; it stops when the test or benchmark ends. Encrypted, as
// in production, every payload is encrypted with testutil.Keys and the workers that
// NewWorker starts verify every update's actor; plain (only for a benchmark's
// comparison) neither.
func InMemory(t testing.TB, encrypted bool) *Memory {
	t.Helper()
	// temporaltest re-reads the search attributes from the database on every read, which
	// costs about a millisecond per listed case; production servers cache them. Keep
	// that only until ours are registered; searchattrs.WaitUsable then checks that the caches hold
	// them.
	dc := dynamicconfig.NewMemoryClient()
	cached := dc.OverrideSetting(dynamicconfig.ForceSearchAttributesCacheRefreshOnRead, true)
	opts := []temporaltest.TestServerOption{temporaltest.WithBaseServerOptions(temporal.WithDynamicConfigClient(dc))}
	dcv := converter.GetDefaultDataConverter()
	if encrypted {
		keys := testutil.Keys()
		dcv = keys.DataConverter()
		opts = append(opts,
			temporaltest.WithBaseClientOptions(client.Options{DataConverter: dcv, FailureConverter: keys.FailureConverter()}),
			temporaltest.WithBaseWorkerOptions(sdkworker.Options{Interceptors: []interceptor.WorkerInterceptor{actors.NewInterceptor(keys)}}))
	}
	var ts *temporaltest.TestServer
	if tt, ok := t.(*testing.T); ok {
		ts = temporaltest.NewServer(append(opts, temporaltest.WithT(tt))...)
	} else {
		ts = temporaltest.NewServer(opts...)
		t.Cleanup(ts.Stop)
	}
	c := ts.GetDefaultClient()
	ns := ts.GetDefaultNamespace()
	// Generous: a service's search-attribute cache may hold its pre-registration copy
	// for up to a minute (see searchattrs.WaitUsable).
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := c.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
		Namespace:        ns,
		SearchAttributes: workflows.SearchAttributes(),
	}); err != nil {
		t.Fatal(err)
	}
	cached()
	if err := searchattrs.WaitUsable(ctx, c, ns, nil); err != nil {
		t.Fatal(err)
	}
	return &Memory{TestServer: ts, Client: c, Namespace: ns, DataConverter: dcv}
}
