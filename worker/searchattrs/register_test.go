package searchattrs_test

import (
	"context"
	"testing"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"

	"github.com/wijkflow/wijkflow/internal/testutil/testserver"
	"github.com/wijkflow/wijkflow/worker/searchattrs"
	"github.com/wijkflow/wijkflow/workflows"
)

// TestRegisterIsIdempotent registers on a fresh server twice (testserver.Start is the
// first) and checks every attribute's type.
func TestRegisterIsIdempotent(t *testing.T) {
	srv := testserver.Start(t, testserver.Options{DataDir: t.TempDir()}) // registers once
	c := srv.Client
	if added, err := searchattrs.Add(context.Background(), c, srv.Namespace()); err != nil || added {
		t.Fatalf("second registration: added %v, %v; want nothing added", added, err)
	}
	list, err := c.OperatorService().ListSearchAttributes(context.Background(),
		&operatorservice.ListSearchAttributesRequest{Namespace: srv.Namespace()})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]enumspb.IndexedValueType{
		"WijkGemeente": enumspb.INDEXED_VALUE_TYPE_KEYWORD, "WijkProcess": enumspb.INDEXED_VALUE_TYPE_KEYWORD,
		"WijkDefinitionVersion": enumspb.INDEXED_VALUE_TYPE_KEYWORD, "WijkTeam": enumspb.INDEXED_VALUE_TYPE_KEYWORD,
		"WijkStep": enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST, "WijkRoles": enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST,
		"WijkAssignees": enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST, "WijkStalled": enumspb.INDEXED_VALUE_TYPE_BOOL,
		"WijkSuspended": enumspb.INDEXED_VALUE_TYPE_BOOL, "WijkDeadline": enumspb.INDEXED_VALUE_TYPE_DATETIME,
		"WijkEscalation": enumspb.INDEXED_VALUE_TYPE_INT,
	}
	for name, typ := range want {
		t.Run(name, func(t *testing.T) {
			if got := list.GetCustomAttributes()[name]; got != typ {
				t.Errorf("%s is %s, want %s", name, got, typ)
			}
		})
	}
	if len(workflows.SearchAttributes()) != len(want) {
		t.Errorf("SearchAttributes() has %d names, want %d", len(workflows.SearchAttributes()), len(want))
	}
}
