package httpapi

import (
	"context"
	"errors"
	"testing"

	"go.temporal.io/api/serviceerror"
)

// TestEraseCase: only a lead of the case's gemeente erases, with the id repeated; the
// case is gone from Temporal afterwards, and a second erasure finds nothing.
func TestEraseCase(t *testing.T) {
	e, v := newEnvWithCase(t)
	path := "/cases/" + v.ID + "/erase"
	confirm := map[string]any{"confirm": v.ID}
	e.must(403, "coach", "POST", path, confirm)
	e.must(404, "dordrecht", "POST", path, confirm)
	e.must(422, "lead", "POST", path, map[string]any{"confirm": "case-other"})
	e.must(400, "lead", "POST", path, nil)
	e.view("coach", v.ID) // still there after the refusals
	var got eraseAnswer
	e.must(200, "lead", "POST", path, confirm).decode(t, &got)
	if len(got.Erased) != 1 || got.Erased[0] != v.ID {
		t.Fatalf("erased %v, want [%s]", got.Erased, v.ID)
	}
	e.eventually("the case deleted", func() bool {
		_, err := e.client.DescribeWorkflowExecution(context.Background(), v.ID, "")
		var nf *serviceerror.NotFound
		return errors.As(err, &nf)
	})
	e.must(404, "coach", "GET", "/cases/"+v.ID, nil)
	e.must(404, "lead", "POST", path, confirm)
}
