package monitor

import (
	"context"
	"encoding/json"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/workflows"
)

// Case is one case as visibility shows it: its id, start and close, its search
// attributes that the figures filter on, and its facts record (nil when it has none).
type Case struct {
	ID       string
	Gemeente string
	Process  string
	Team     string
	Start    time.Time
	Close    time.Time // zero while open
	Facts    *workflows.Facts
}

// Lister lists one page of a visibility query (the SDK client's ListWorkflow).
type Lister interface {
	ListWorkflow(ctx context.Context, req *workflowservice.ListWorkflowExecutionsRequest) (*workflowservice.ListWorkflowExecutionsResponse, error)
}

// PageSize is how many cases one visibility call returns.
const PageSize = 1000

// Source reads a gemeente's cases from Temporal visibility.
type Source struct {
	Client    Lister
	Namespace string
}

// Each calls fn for every case of the gemeente (and process and team, when given),
// open and closed, page by page; it stops at fn's first error.
func (s Source) Each(ctx context.Context, gemeente, process, team string, fn func(Case) error) error {
	q := `WorkflowType = "` + workflows.CaseWorkflowName + `" AND ` + workflows.SAGemeente.GetName() + ` = ` + quote(gemeente)
	if process != "" {
		q += " AND " + workflows.SAProcess.GetName() + " = " + quote(process)
	}
	if team != "" {
		q += " AND " + workflows.SATeam.GetName() + " = " + quote(team)
	}
	var token []byte
	for {
		resp, err := s.Client.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: s.Namespace, PageSize: PageSize, NextPageToken: token, Query: q,
		})
		if err != nil {
			return err
		}
		for _, info := range resp.GetExecutions() {
			if err := fn(caseOf(info)); err != nil {
				return err
			}
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return nil
		}
	}
}

// caseOf reads one listed execution; a continued-as-new run counts as its case.
func caseOf(info *workflowpb.WorkflowExecutionInfo) Case {
	c := Case{ID: info.GetExecution().GetWorkflowId(), Start: info.GetStartTime().AsTime()}
	if info.GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING && info.GetCloseTime() != nil {
		c.Close = info.GetCloseTime().AsTime()
	}
	sa := info.GetSearchAttributes().GetIndexedFields()
	c.Gemeente = keyword(sa[workflows.SAGemeente.GetName()])
	c.Process = keyword(sa[workflows.SAProcess.GetName()])
	c.Team = keyword(sa[workflows.SATeam.GetName()])
	c.Facts = factsOf(info.GetMemo().GetFields()[workflows.MemoFacts])
	return c
}

// factsOf reads a facts memo when it is readable without a key: public (with keys),
// or plain JSON (a worker without keys). An encrypted one is never decrypted here.
func factsOf(p *commonpb.Payload) *workflows.Facts {
	if p == nil || crypt.IsEncrypted(p) {
		return nil
	}
	data := p.GetData()
	switch {
	case crypt.IsPublic(p):
		var err error
		if data, err = crypt.PublicJSON(p); err != nil {
			return nil
		}
	case string(p.GetMetadata()[converter.MetadataEncoding]) != converter.MetadataEncodingJSON:
		return nil
	}
	var f workflows.Facts
	if json.Unmarshal(data, &f) != nil {
		return nil
	}
	return &f
}

func keyword(p *commonpb.Payload) string {
	var s string
	if p != nil {
		_ = converter.GetDefaultDataConverter().FromPayload(p, &s)
	}
	return s
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
