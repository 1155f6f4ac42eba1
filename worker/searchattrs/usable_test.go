package searchattrs_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker/searchattrs"
)

// bare is an embedded server without our attributes and a client of it.
func bare(t *testing.T) (client.Client, string) {
	srv := testserver.Embedded(t, testserver.Options{})
	c, err := client.DialContext(context.Background(), client.Options{HostPort: srv.Address(), Namespace: srv.Namespace()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c, srv.Namespace()
}

// TestWaitUsable: right after registering, WaitUsable returns only when a case could be
// created with every attribute, and leaves no probe behind.
func TestWaitUsable(t *testing.T) {
	c, ns := bare(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if added, err := searchattrs.Add(ctx, c, ns); err != nil || !added {
		t.Fatalf("added %v, %v; want the attributes added to a bare namespace", added, err)
	}
	attempts := 0
	if err := searchattrs.WaitUsable(ctx, c, ns, func(int, error) { attempts++ }); err != nil {
		t.Fatalf("after %d attempts: %v", attempts, err)
	}
	t.Logf("usable after %d refused attempts", attempts)
	// The deleted probe leaves no execution (deletion is asynchronous: wait for it).
	for {
		n, err := c.CountWorkflow(ctx, countProbes(ns))
		if err != nil {
			t.Fatal(err)
		}
		if n.GetCount() == 0 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d probe executions left", n.GetCount())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// TestRegisterFullType: a namespace whose KeywordList places another application holds
// gets a message naming the type, the holder and what to do.
func TestRegisterFullType(t *testing.T) {
	c, ns := bare(t)
	ctx := context.Background()
	// Take KeywordList places until the server refuses one more.
	var others []string
	for i := 0; ; i++ {
		name := "OtherList" + string(rune('A'+i))
		_, err := c.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
			Namespace: ns, SearchAttributes: map[string]enumspb.IndexedValueType{name: enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST},
		})
		if err != nil {
			break
		}
		others = append(others, name)
		if i > 50 {
			t.Fatal("the server never refuses a KeywordList attribute")
		}
	}
	err := searchattrs.Register(ctx, c, ns)
	if !errors.Is(err, searchattrs.ErrFull) {
		t.Fatalf("err = %v, want ErrFull", err)
	}
	for _, want := range []string{"every KeywordList search attribute of this namespace is taken (by " + strings.Join(others, ", ") + ")",
		"wijkflow still needs WijkAssignees, WijkRoles, WijkStep", "wijkflow setup --namespace wijkflow", "temporal operator search-attribute remove"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q:\n%v", want, err)
		}
	}
}

func countProbes(ns string) *workflowservice.CountWorkflowExecutionsRequest {
	return &workflowservice.CountWorkflowExecutionsRequest{Namespace: ns, Query: "WorkflowType = 'wijkflow-search-attribute-probe'"}
}
