package httpapi

import (
	"context"
	"strings"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/workflows"
)

// query builds a visibility query from conditions joined by AND.
type query []string

// eq adds `name = "value"`; on a KeywordList attribute that means "contains".
func (q *query) eq(name, value string) { *q = append(*q, name+" = "+quote(value)) }

// anyOf adds `(name = "a" OR name = "b")`, which also works on KeywordList attributes
// (SQL visibility has no IN for them).
func (q *query) anyOf(name string, values []string) {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = name + " = " + quote(v)
	}
	if len(parts) == 0 {
		parts = []string{name + ` = ""`} // matches nothing, as an empty list should
	}
	*q = append(*q, "("+strings.Join(parts, " OR ")+")")
}

func (q *query) raw(cond string) { *q = append(*q, cond) }

func (q query) String() string { return strings.Join(q, " AND ") }

// quote makes a visibility string literal. The values come from checked sources (slugs
// from the users file, checked parameters), so this is a second line of defence.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// caseQuery starts every visibility query: case workflows of one gemeente.
func caseQuery(gemeente string) *query {
	q := &query{"WorkflowType = " + quote(workflows.CaseWorkflowName)}
	q.eq(workflows.SAGemeente.GetName(), gemeente)
	return q
}

// list runs one visibility query: one page, one round trip, whatever the page size.
func (a *api) list(ctx context.Context, q *query, p page) ([]*workflowpb.WorkflowExecutionInfo, []byte, error) {
	resp, err := a.cfg.Client.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
		Namespace:     a.cfg.Namespace,
		PageSize:      int32(p.size),
		NextPageToken: p.token,
		Query:         q.String(),
	})
	if err != nil {
		return nil, nil, err
	}
	return resp.GetExecutions(), resp.GetNextPageToken(), nil
}

// attrs reads the search attributes of one execution. They are always encoded by the
// default converter (the server indexes them), unlike payloads.
type attrs map[string]*commonpb.Payload

func attrsOf(e *workflowpb.WorkflowExecutionInfo) attrs {
	return e.GetSearchAttributes().GetIndexedFields()
}

func (s attrs) str(name string) string {
	var v string
	s.decode(name, &v)
	return v
}

func (s attrs) list(name string) []string {
	var v []string
	s.decode(name, &v)
	return v
}

func (s attrs) boolean(name string) bool {
	var v bool
	s.decode(name, &v)
	return v
}

func (s attrs) int(name string) int {
	var v int64
	s.decode(name, &v)
	return int(v)
}

func (s attrs) time(name string) *time.Time {
	var v time.Time
	if !s.decode(name, &v) || v.IsZero() {
		return nil
	}
	return &v
}

func (s attrs) decode(name string, v any) bool {
	p := s[name]
	if p == nil || p.Data == nil {
		return false
	}
	return converter.GetDefaultDataConverter().FromPayload(p, v) == nil
}

// memoTasks reads the open tasks the workflow keeps in its memo. A memo the API cannot
// read counts as no tasks: listing never fails because of one odd case.
func (a *api) memoTasks(e *workflowpb.WorkflowExecutionInfo) []workflows.TaskSummary {
	p := e.GetMemo().GetFields()[workflows.MemoTasks]
	if p == nil {
		return nil
	}
	var ts []workflows.TaskSummary
	// The memo is encrypted like every payload; search attributes are not.
	if a.cfg.DataConverter.FromPayload(p, &ts) != nil {
		return nil
	}
	return ts
}

func running(e *workflowpb.WorkflowExecutionInfo) bool {
	return e.GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING
}
