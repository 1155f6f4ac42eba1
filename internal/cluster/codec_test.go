package cluster

import (
	"context"
	"net/http"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/internal/crypt"
)

// codecOnEither reads a case's input as Temporal stores it (encrypted; this client has
// no keys) and has each worker's codec endpoint decode it, as the Web UI and the CLI do:
// any worker decodes what any worker encrypted. It returns the case it made.
func codecOnEither(t *testing.T, c *Cluster) string {
	v, err := newAPIClient(coachToken, c.Workers[0].URL).create("codec")
	if err != nil {
		t.Fatal(err)
	}
	tc, err := client.Dial(client.Options{HostPort: c.Temporal.Address, Namespace: c.Namespace, Logger: quiet{}})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	it := tc.GetWorkflowHistory(context.Background(), v.ID, "", false, 0)
	first, err := it.Next()
	if err != nil {
		t.Fatal(err)
	}
	input := first.GetWorkflowExecutionStartedEventAttributes().GetInput().GetPayloads()
	if len(input) == 0 || !crypt.IsEncrypted(input[0]) {
		t.Fatalf("the case's input as stored: %v, want encrypted", input)
	}
	for _, w := range c.Workers {
		remote := converter.NewRemotePayloadCodec(converter.RemotePayloadCodecOptions{
			Endpoint: w.URL + "/codec",
			ModifyRequest: func(r *http.Request) error {
				r.Header.Set("Authorization", "Bearer "+coachToken)
				r.Header.Set("X-Namespace", c.Namespace)
				return nil
			},
		})
		out, err := remote.Decode([]*commonpb.Payload{input[0]})
		if err != nil {
			t.Fatalf("%s decodes: %v", w.Name, err)
		}
		if crypt.IsEncrypted(out[0]) || len(out[0].GetData()) == 0 {
			t.Errorf("%s's codec left the input encrypted: %s", w.Name, out[0].GetMetadata())
		}
	}
	return v.ID
}
