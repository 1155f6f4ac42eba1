package web

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/workflows"
)

// openCase is what the overview counts of one open case: its search attributes.
type openCase struct {
	Process, Team       string
	Steps               []string
	Stalled, Suspended  bool
	HasStalled, HasSusp bool // set at all: a query's "= false" does not match a missing value
	Deadline            *time.Time
	Escalation          int64
	HasEscalation       bool
}

// scanTTL is how long one scan of a gemeente's open cases serves the overview: a
// teamleider's reload, or a second teamleider, within it costs no visibility call.
const scanTTL = 5 * time.Second

// scanPageSize is the page of the list: Temporal's default frontend.visibilityMaxPageSize.
const scanPageSize = 1000

// scanCache keeps the last scan per gemeente and lets concurrent overviews share one scan.
type scanCache struct {
	mu    sync.Mutex
	byKey map[string]*scan
}

type scan struct {
	done  chan struct{}
	at    time.Time
	cases []openCase
	err   error
}

// openCases lists the running cases of the gemeente with their search attributes, one
// ListWorkflowExecutions page per 1,000 cases, instead of one count per number shown:
// Temporal's stock frontend.namespaceRPS.visibility (10) allows ten calls a second, and
// the overview showed some sixty numbers. Counting in the worker's memory is cheap.
func (a *app) openCases(ctx context.Context, gemeente string, now time.Time) ([]openCase, error) {
	c := &a.scans
	c.mu.Lock()
	if c.byKey == nil {
		c.byKey = map[string]*scan{}
	}
	s := c.byKey[gemeente]
	fresh := s != nil && (s.at.IsZero() || now.Sub(s.at) < scanTTL)
	if !fresh {
		s = &scan{done: make(chan struct{})}
		c.byKey[gemeente] = s
		go func() {
			// Not the request's context: a cancelled first caller must not fail the others.
			ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			defer cancel()
			s.cases, s.err = a.listOpenCases(ctx, gemeente)
			c.mu.Lock()
			s.at = time.Now()
			if s.err != nil {
				delete(c.byKey, gemeente) // the next overview tries again
			}
			c.mu.Unlock()
			close(s.done)
		}()
	}
	c.mu.Unlock()
	select {
	case <-s.done:
		return s.cases, s.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (a *app) listOpenCases(ctx context.Context, gemeente string) ([]openCase, error) {
	query := fmt.Sprintf(`%s = %q AND ExecutionStatus = "Running"`, workflows.SAGemeente.GetName(), gemeente)
	var out []openCase
	var token []byte
	for {
		resp, err := a.cfg.Client.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: a.cfg.Namespace, Query: query, PageSize: scanPageSize, NextPageToken: token,
		})
		if err != nil {
			return nil, err
		}
		for _, e := range resp.GetExecutions() {
			out = append(out, readOpenCase(e.GetSearchAttributes().GetIndexedFields()))
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return out, nil
		}
	}
}

// readOpenCase decodes the attributes the overview counts by; search attributes are
// never encrypted, so the default converter reads them.
func readOpenCase(f map[string]*commonpb.Payload) openCase {
	dc := converter.GetDefaultDataConverter()
	get := func(name string, v any) bool {
		p := f[name]
		return p != nil && p.Data != nil && dc.FromPayload(p, v) == nil
	}
	var c openCase
	get(workflows.SAProcess.GetName(), &c.Process)
	get(workflows.SATeam.GetName(), &c.Team)
	get(workflows.SAStep.GetName(), &c.Steps)
	c.HasStalled = get(workflows.SAStalled.GetName(), &c.Stalled)
	c.HasSusp = get(workflows.SASuspended.GetName(), &c.Suspended)
	c.HasEscalation = get(workflows.SAEscalation.GetName(), &c.Escalation)
	var d time.Time
	if get(workflows.SADeadline.GetName(), &d) && !d.IsZero() {
		c.Deadline = &d
	}
	return c
}

// rowMatch is the part every count of a row shares: process, team and, on a step row,
// the step among the case's current ones (a KeywordList "=" is "contains").
func rowMatch(process, team, step string) func(openCase) bool {
	return func(c openCase) bool {
		return c.Process == process && c.Team == team && (step == "" || slices.Contains(c.Steps, step))
	}
}
