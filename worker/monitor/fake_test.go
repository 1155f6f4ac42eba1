package monitor

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/wijkflow/wijkflow/internal/crypt"
	"github.com/wijkflow/wijkflow/workflows"
)

// fakeLister serves executions from memory in pages, as visibility does.
type fakeLister struct {
	execs []*workflowpb.WorkflowExecutionInfo
	calls int
}

func (l *fakeLister) ListWorkflow(_ context.Context, req *workflowservice.ListWorkflowExecutionsRequest) (*workflowservice.ListWorkflowExecutionsResponse, error) {
	l.calls++
	from, _ := strconv.Atoi(string(req.GetNextPageToken()))
	to := min(from+int(req.GetPageSize()), len(l.execs))
	resp := &workflowservice.ListWorkflowExecutionsResponse{Executions: l.execs[from:to]}
	if to < len(l.execs) {
		resp.NextPageToken = []byte(strconv.Itoa(to))
	}
	return resp, nil
}

// execution is a listed case with its facts as the worker publishes them.
func execution(id string, f *workflows.Facts) *workflowpb.WorkflowExecutionInfo {
	sa := func(v string) *commonpb.Payload { p, _ := converter.GetDefaultDataConverter().ToPayload(v); return p }
	data, _ := json.Marshal(f)
	info := &workflowpb.WorkflowExecutionInfo{
		Execution: &commonpb.WorkflowExecution{WorkflowId: id},
		StartTime: timestamppb.New(f.Started),
		Status:    enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING,
		SearchAttributes: &commonpb.SearchAttributes{IndexedFields: map[string]*commonpb.Payload{
			workflows.SAGemeente.GetName(): sa(string(f.Gemeente)), workflows.SAProcess.GetName(): sa(string(f.Process)),
			workflows.SATeam.GetName(): sa(string(f.Team))}},
		Memo: &commonpb.Memo{Fields: map[string]*commonpb.Payload{workflows.MemoFacts: {
			Metadata: map[string][]byte{converter.MetadataEncoding: []byte(crypt.PublicEncoding)}, Data: data}}},
	}
	if !f.Closed.IsZero() {
		info.Status, info.CloseTime = enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED, timestamppb.New(f.Closed)
	}
	return info
}

// closedCase is a closed case of n days with a trail of events events and a legal term.
func closedCase(i int, received time.Time, n, events int) *workflows.Facts {
	closed := received.AddDate(0, 0, n)
	f := &workflows.Facts{Gemeente: "dalfsen", Process: "wijkteam", Team: "noord", Received: received, Started: received,
		Closed: closed, Result: "afgerond",
		Steps: []workflows.StepFact{{Step: "melding", Entered: received, Left: received.Add(time.Hour)},
			{Step: "onderzoek", Entered: received.Add(time.Hour), Left: closed}},
		Terms: []workflows.TermFact{{Task: "onderzoek-1", Step: "onderzoek", Kind: workflows.TermLegal,
			Article: "Wmo 2015 art. 2.3.2 lid 1", Start: received, Due: received.AddDate(0, 0, 42), Ended: closed}},
		Referrals: []workflows.ReferralFact{{Step: "verwijzen", Kind: workflows.ReferralProvider, Provider: "ggz-aanbieder", At: received, Outcome: "handed-off"}},
	}
	for e := range events {
		task := workflows.FactID("")
		if e%2 == 1 {
			task = workflows.FactID("taak-" + strconv.Itoa(e/2))
		}
		f.Events = append(f.Events, workflows.EventFact{At: received.Add(time.Duration(e) * time.Minute), Event: "task-opened", Step: "onderzoek", Task: task})
	}
	_ = i
	return f
}

// openCase is an open case with one task and a term.
func openCase(received time.Time) *workflows.Facts {
	return &workflows.Facts{Gemeente: "dalfsen", Process: "wijkteam", Team: "noord", Received: received, Started: received,
		Terms: []workflows.TermFact{{Task: "onderzoek-1", Step: "onderzoek", Kind: workflows.TermLegal,
			Article: "Wmo 2015 art. 2.3.2 lid 1", Start: received, Due: received.AddDate(0, 0, 42)}},
		Tasks: []workflows.TaskFact{{Task: "onderzoek-1", Step: "onderzoek", Roles: []workflows.FactID{"wijkcoach"}, Opened: received}}}
}

// gemeente is a lister with closed and open cases received over the last year.
func gemeente(closed, open, events int) *fakeLister {
	l := &fakeLister{}
	base := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for i := range closed {
		l.execs = append(l.execs, execution("zaak-"+strconv.Itoa(i), closedCase(i, base.Add(time.Duration(i)*40*time.Minute), 10+i%50, events)))
	}
	for i := range open {
		l.execs = append(l.execs, execution("open-"+strconv.Itoa(i), openCase(base.AddDate(0, 10, 0).Add(time.Duration(i)*time.Hour))))
	}
	return l
}
