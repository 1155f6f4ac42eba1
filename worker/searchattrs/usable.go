package searchattrs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/wijkflow/wijkflow/workflows"
)

// Poll bounds the waits between two checks of WaitUsable.
var Poll = struct{ First, Max time.Duration }{First: 50 * time.Millisecond, Max: 2 * time.Second}

// probeValue is what a probe sets in each attribute: no gemeente, team or person has it,
// so no list of cases shows the probe.
const probeValue = "wijkflow-search-attribute-probe"

// WaitUsable returns once a case could be created with every case search attribute,
// or when ctx ends. A new mapping is in the namespace record at once (ListSearchAttributes
// shows it) but reaches the frontends' and history hosts' caches seconds later; until
// then a create answers 400 "no mapping defined for search attribute", which no client
// retries. So it checks as a create would: a visibility query naming them (the frontend),
// then a probe execution that sets all of them on a task queue no worker polls (the
// frontend and history validate them), whose history must carry every one back (the
// history service maps them), as must its visibility row (the visibility store maps
// them); then it deletes the probe, which also times out by itself.
// waiting, when not nil, is told of each refused attempt.
func WaitUsable(ctx context.Context, c client.Client, namespace string, waiting func(attempt int, err error)) error {
	attempt := 0
	wait := Poll.First
	retry := func(what string, try func() error) error {
		for {
			err := try()
			if err == nil {
				return nil
			}
			switch grpcCode(err) {
			case codes.PermissionDenied, codes.Unauthenticated, codes.Unimplemented:
				return fmt.Errorf("check the search attributes of %q (%s): %w", namespace, what, err)
			}
			attempt++
			if waiting != nil {
				waiting(attempt, fmt.Errorf("%s: %w", what, err))
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("search attributes of %q not usable (%s): %w", namespace, what, err)
			case <-time.After(wait):
			}
			wait = min(2*wait, Poll.Max)
		}
	}
	attrs := workflows.SearchAttributes()
	err := retry("visibility query", func() error {
		_, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{
			Namespace: namespace, Query: "WorkflowId = '" + probeValue + "' AND " + anyOf(attrs),
		})
		return err
	})
	if err != nil {
		return err
	}
	id := probeValue + "-" + random()
	var run client.WorkflowRun
	err = retry("start a probe", func() error {
		run, err = c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
			ID: id, TaskQueue: probeValue, TypedSearchAttributes: probeAttributes(attrs),
			WorkflowExecutionTimeout: time.Minute,
			WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING, // a retried start
		}, probeValue)
		return err
	})
	if err != nil {
		return err
	}
	exec := &commonpb.WorkflowExecution{WorkflowId: id, RunId: run.GetRunID()}
	err = retry("history of the probe", func() error {
		resp, err := c.WorkflowService().GetWorkflowExecutionHistory(ctx, &workflowservice.GetWorkflowExecutionHistoryRequest{
			Namespace: namespace, Execution: exec,
		})
		if err != nil {
			return err
		}
		// The history service names the attributes it maps and silently drops the others.
		events := resp.GetHistory().GetEvents()
		if len(events) == 0 {
			return errors.New("the probe has no history yet")
		}
		return lacking(events[0].GetWorkflowExecutionStartedEventAttributes().GetSearchAttributes(), attrs,
			"the history service does not map %s yet")
	})
	if err != nil {
		return err
	}
	// The visibility store writes the row later, with its own copy of the mappings.
	err = retry("visibility row of the probe", func() error {
		resp, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: namespace, Query: "WorkflowId = '" + id + "'",
		})
		if err != nil {
			return err
		}
		if len(resp.GetExecutions()) == 0 {
			return errors.New("visibility does not list the probe yet")
		}
		return lacking(resp.GetExecutions()[0].GetSearchAttributes(), attrs, "the visibility row of the probe lacks %s")
	})
	if err != nil {
		return err
	}
	return retry("delete the probe", func() error {
		_, err := c.WorkflowService().DeleteWorkflowExecution(ctx, &workflowservice.DeleteWorkflowExecutionRequest{
			Namespace: namespace, WorkflowExecution: exec,
		})
		var nf *serviceerror.NotFound
		if errors.As(err, &nf) || grpcCode(err) == codes.PermissionDenied {
			return nil // a retried delete; or a caller that may not delete: it times out by itself
		}
		return err
	})
}

// lacking says which of attrs got does not hold, in message (with %s for its name).
func lacking(got *commonpb.SearchAttributes, attrs map[string]enumspb.IndexedValueType, message string) error {
	for _, name := range sortedNames(attrs) {
		if _, ok := got.GetIndexedFields()[name]; !ok {
			return fmt.Errorf(message, name)
		}
	}
	return nil
}

// anyOf is a condition that names every attribute.
func anyOf(attrs map[string]enumspb.IndexedValueType) string {
	q := ""
	for _, name := range sortedNames(attrs) {
		if q != "" {
			q += " OR "
		}
		q += name + " = " + literal(attrs[name])
	}
	return "(" + q + ")"
}

func literal(t enumspb.IndexedValueType) string {
	switch t {
	case enumspb.INDEXED_VALUE_TYPE_BOOL:
		return "false"
	case enumspb.INDEXED_VALUE_TYPE_INT, enumspb.INDEXED_VALUE_TYPE_DOUBLE:
		return "0"
	case enumspb.INDEXED_VALUE_TYPE_DATETIME:
		return "'1970-01-01T00:00:00Z'"
	}
	return "'" + probeValue + "'"
}

// probeAttributes sets every attribute to a value of its type.
func probeAttributes(attrs map[string]enumspb.IndexedValueType) temporal.SearchAttributes {
	var set []temporal.SearchAttributeUpdate
	for _, name := range sortedNames(attrs) {
		switch attrs[name] {
		case enumspb.INDEXED_VALUE_TYPE_KEYWORD:
			set = append(set, temporal.NewSearchAttributeKeyKeyword(name).ValueSet(probeValue))
		case enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST:
			set = append(set, temporal.NewSearchAttributeKeyKeywordList(name).ValueSet([]string{probeValue}))
		case enumspb.INDEXED_VALUE_TYPE_TEXT:
			set = append(set, temporal.NewSearchAttributeKeyString(name).ValueSet(probeValue))
		case enumspb.INDEXED_VALUE_TYPE_BOOL:
			set = append(set, temporal.NewSearchAttributeKeyBool(name).ValueSet(false))
		case enumspb.INDEXED_VALUE_TYPE_INT:
			set = append(set, temporal.NewSearchAttributeKeyInt64(name).ValueSet(0))
		case enumspb.INDEXED_VALUE_TYPE_DOUBLE:
			set = append(set, temporal.NewSearchAttributeKeyFloat64(name).ValueSet(0))
		case enumspb.INDEXED_VALUE_TYPE_DATETIME:
			set = append(set, temporal.NewSearchAttributeKeyTime(name).ValueSet(time.Unix(0, 0)))
		}
	}
	return temporal.NewSearchAttributes(set...)
}

func random() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// grpcCode is the gRPC code of err, also when the SDK wrapped it as a service error.
func grpcCode(err error) codes.Code {
	var se serviceerror.ServiceError
	if errors.As(err, &se) {
		return se.Status().Code()
	}
	return status.Code(err)
}
