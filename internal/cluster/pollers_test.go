package cluster

import (
	"context"
	"fmt"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/workflows"
)

// bothPolling waits until Temporal has seen every worker poll the case workflows' task
// queue since `since`: each takes work, not only its API answers.
func bothPolling(t *testing.T, c *Cluster, since time.Time) {
	tc, err := client.Dial(client.Options{HostPort: c.Temporal.Address, Namespace: c.Namespace, Logger: quiet{}})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	testutil.Soon(t, func() error {
		d, err := tc.DescribeTaskQueue(context.Background(), workflows.DefaultTaskQueue, enumspb.TASK_QUEUE_TYPE_WORKFLOW)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, p := range d.GetPollers() {
			if p.GetLastAccessTime().AsTime().After(since) {
				seen[p.GetIdentity()] = true
			}
		}
		for _, w := range c.Workers {
			if !seen[w.Name] {
				return fmt.Errorf("%s has not polled since %s (pollers: %v)", w.Name, since.Format(time.TimeOnly), d.GetPollers())
			}
		}
		return nil
	})
}
