package testserver

import (
	"context"
	"errors"
	"fmt"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	sdktemporal "go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/workflows"
)

// awaitMapped waits until every service of the test server that a case uses
// knows the case search attributes. Each service (frontend, history) keeps its own
// namespace cache (refreshed every 2 s) and search-attribute cache (refreshed every
// minute, or on every read while ForceSearchAttributesCacheRefreshOnRead is on): a
// visibility query in the frontend may already work while a create is still refused
// with "no mapping defined for search attribute WijkGemeente". So, with the caches as
// the tests use them, it waits for the frontend (a count on them), then starts a probe
// execution holding all of them on a queue no worker polls (frontend and history
// validate them), reads its history until the history service maps every one back, and
// deletes the probe.
func awaitMapped(ctx context.Context, c client.Client, ns string) error {
	retry := func(what string, try func() error) error {
		for {
			err := try()
			if err == nil {
				return nil
			}
			if ctx.Err() != nil {
				return fmt.Errorf("search attributes not usable (%s): %w", what, err)
			}
			time.Sleep(50 * time.Millisecond) // a poll interval
		}
	}
	err := retry("visibility query", func() error {
		_, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: ns, Query: workflows.SAAssignees.GetName() + ` = "x"`})
		return err
	})
	if err != nil {
		return err
	}
	const probe = "sa-probe"
	sas := sdktemporal.NewSearchAttributes(
		workflows.SAGemeente.ValueSet(probe), workflows.SAProcess.ValueSet(probe),
		workflows.SADefinitionVersion.ValueSet(probe), workflows.SATeam.ValueSet(probe),
		workflows.SAStep.ValueSet([]string{probe}), workflows.SAStalled.ValueSet(false),
		workflows.SADeadline.ValueSet(time.Unix(0, 0)), workflows.SAEscalation.ValueSet(0),
		workflows.SASuspended.ValueSet(false), workflows.SARoles.ValueSet([]string{probe}),
		workflows.SAAssignees.ValueSet([]string{probe}))
	if sas.Size() != len(workflows.SearchAttributes()) {
		return fmt.Errorf("the probe sets %d of the %d search attributes", sas.Size(), len(workflows.SearchAttributes()))
	}
	var run client.WorkflowRun
	err = retry("start a probe", func() error {
		var err error
		run, err = c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
			ID: probe, TaskQueue: probe, TypedSearchAttributes: sas,
			WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING, // a retried start
		}, probe)
		return err
	})
	if err != nil {
		return err
	}
	err = retry("history of the probe", func() error {
		resp, err := c.WorkflowService().GetWorkflowExecutionHistory(ctx, &workflowservice.GetWorkflowExecutionHistoryRequest{
			Namespace: ns, Execution: &commonpb.WorkflowExecution{WorkflowId: probe, RunId: run.GetRunID()},
		})
		if err != nil {
			return err
		}
		// The history service names the attributes it maps and silently drops the others.
		events := resp.GetHistory().GetEvents()
		if len(events) == 0 {
			return errors.New("the probe has no history yet")
		}
		got := events[0].GetWorkflowExecutionStartedEventAttributes().GetSearchAttributes().GetIndexedFields()
		for name := range workflows.SearchAttributes() {
			if _, ok := got[name]; !ok {
				return fmt.Errorf("the history service does not map %s yet", name)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return retry("delete the probe", func() error {
		_, err := c.WorkflowService().DeleteWorkflowExecution(ctx, &workflowservice.DeleteWorkflowExecutionRequest{
			Namespace: ns, WorkflowExecution: &commonpb.WorkflowExecution{WorkflowId: probe, RunId: run.GetRunID()},
		})
		var nf *serviceerror.NotFound
		if errors.As(err, &nf) {
			return nil // a retried delete
		}
		return err
	})
}
