package httpapi

import (
	"context"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

func TestTmpProbe(t *testing.T) {
	e := newEnv(t)
	users := map[string]*auth.User{}
	for _, u := range testUsers {
		users[u.Token] = &u
	}
	tokens := []string{"coach", "coach-nieuwleusen", "coach-lemelerveld"}
	ctx := context.Background()
	for i := range 300 {
		in, _ := e.api.caseInput(users[tokens[i%3]], createRequest{Gemeente: "dalfsen", Process: "wijkteam", Data: dalfsenIntake()})
		if _, err := e.client.ExecuteWorkflow(ctx, e.api.startOptions(in), workflows.CaseWorkflowName, in); err != nil {
			t.Fatal(err)
		}
	}
	e.within(2*time.Minute, "all", func() bool {
		var l taskList
		e.must(200, "coach-lemelerveld", "GET", "/tasks?pageSize=1000", nil).decode(t, &l)
		return len(l.Tasks) == 100
	})
	for _, q := range []string{
		`WorkflowType = "CaseWorkflow" AND WijkGemeente = "dalfsen" AND ExecutionStatus = "Running" AND (WijkTeam = "lemelerveld") AND (WijkRoles = "wijkcoach")`,
		`WorkflowType = "CaseWorkflow" AND WijkGemeente = "dalfsen" AND ExecutionStatus = "Running" AND (WijkTeam = "lemelerveld")`,
		`WijkTeam = "lemelerveld"`,
		`WijkRoles = "wijkcoach"`,
		``,
	} {
		for _, size := range []int32{50, 1000} {
			start := time.Now()
			var n int
			for range 5 {
				resp, err := e.client.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Namespace: e.ns, PageSize: size, Query: q})
				if err != nil {
					t.Fatal(err)
				}
				n = len(resp.Executions)
			}
			t.Logf("%4d %3d rows %8v  %s", size, n, time.Since(start)/5, q)
		}
	}
	start := time.Now()
	for range 5 {
		e.must(200, "coach-lemelerveld", "GET", "/tasks?pageSize=1000", nil)
	}
	t.Logf("API all: %v", time.Since(start)/5)
}
