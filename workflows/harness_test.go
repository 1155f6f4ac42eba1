package workflows

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	sdkpb "go.temporal.io/api/sdk/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// harness drives one case workflow in the SDK's test environment (time skipping) and
// records what the workflow did outside itself: notifications, hand-offs, search
// attribute upserts and memo upserts.
type harness struct {
	t        *testing.T
	env      *testsuite.TestWorkflowEnvironment
	notes    []activities.NotifyInput
	handoffs []activities.HandoffInput
	// sa holds the search attributes as last upserted (a nil value means unset).
	sa      map[string]any
	upserts int
	memo    []TaskSummary
	// waiting is the memo's waiting list as last upserted.
	waiting []string
	// facts is the facts record as last upserted, factsUpserts how often.
	facts        Facts
	factsUpserts int
	// resident is the memo's resident name as last upserted, residentUpserts how often.
	resident        string
	residentUpserts int
}

// testStart is a Monday without holidays around it, 09:00 in Amsterdam.
var testStart = time.Date(2026, 3, 2, 9, 0, 0, 0, amsterdam)

func newHarness(t *testing.T) *harness {
	t.Helper()
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.DiscardHandler)))
	env := suite.NewTestWorkflowEnvironment()
	h := &harness{t: t, env: env, sa: map[string]any{}}
	env.SetStartTime(testStart)
	// Tests measure no speed: on a loaded CI machine the first workflow task (compiling
	// the conditions) can take longer than the SDK's one-second deadlock guard.
	env.SetWorkerOptions(sdkworker.Options{DeadlockDetectionTimeout: time.Minute})
	env.RegisterWorkflowWithOptions(CaseWorkflow, workflow.RegisterOptions{Name: CaseWorkflowName})
	env.RegisterActivityWithOptions(func(_ context.Context, in activities.NotifyInput) error {
		h.notes = append(h.notes, in)
		return nil
	}, activity.RegisterOptions{Name: activities.NotifyName})
	env.RegisterActivityWithOptions(func(_ context.Context, in activities.HandoffInput) (activities.HandoffResult, error) {
		h.handoffs = append(h.handoffs, in)
		return activities.HandoffResult{Reference: "ref-1"}, nil
	}, activity.RegisterOptions{Name: activities.HandoffName})
	env.OnUpsertTypedSearchAttributes(mock.Anything).Run(func(args mock.Arguments) {
		h.upserts++
		sas := args.Get(0).(temporal.SearchAttributes)
		for k, v := range sas.GetUntypedValues() {
			h.sa[k.GetName()] = v
		}
		for _, name := range unsetKeys(sas) {
			h.sa[name] = nil
		}
	}).Return(nil).Maybe()
	env.OnUpsertMemo(mock.Anything).Run(func(args mock.Arguments) {
		m := args.Get(0).(map[string]any)
		if tasks, ok := m[MemoTasks].([]TaskSummary); ok {
			h.memo = tasks
		}
		if w, ok := m[MemoWaiting].([]string); ok {
			h.waiting = w
		}
		if f, ok := m[MemoFacts].(*Facts); ok {
			h.facts, h.factsUpserts = *f, h.factsUpserts+1
		}
		if r, ok := m[MemoResident].(string); ok {
			h.resident, h.residentUpserts = r, h.residentUpserts+1
		}
	}).Return(nil).Maybe()
	env.SetDetachedChildWait(false)
	return h
}

// def parses a test definition and fails the test on any issue. Small ones are inline
// beside their test; larger ones (twenty lines and more) are embedded from
// testdata/definitions, as STYLE.md asks.
func def(t *testing.T, src string) definitions.Definition {
	t.Helper()
	d, issues := definitions.Parse("test.yaml", []byte(src))
	if len(issues) > 0 || d == nil {
		t.Fatalf("test definition has issues:\n%v", issues)
	}
	return *d
}

// input is a case of the definition for team "noord".
func input(d definitions.Definition, data map[string]any) CaseInput {
	return CaseInput{CaseID: "case-1", Definition: d, Team: "noord", Data: data}
}

// at runs fn after d of workflow time.
func (h *harness) at(d time.Duration, fn func()) { h.env.RegisterDelayedCallback(fn, d) }

// outcome is what an update came back with.
type outcome struct {
	view CaseView
	err  error
	done bool
}

// update sends an update; its outcome is filled in when the workflow answers.
func (h *harness) update(name, id string, req any) *outcome {
	o := &outcome{}
	h.env.UpdateWorkflow(name, id, &testsuite.TestUpdateCallback{
		OnAccept: func() {},
		OnReject: func(err error) { o.err, o.done = err, true },
		OnComplete: func(v any, err error) {
			o.done, o.err = true, err
			if err == nil {
				o.view = v.(CaseView)
			}
		},
	}, req)
	return o
}

// view queries the case.
func (h *harness) view() CaseView {
	h.t.Helper()
	return query[CaseView](h, QueryCase)
}

// query asks the case the query name with args and answers its result.
func query[T any](h *harness, name string, args ...any) T {
	h.t.Helper()
	v, err := h.env.QueryWorkflow(name, args...)
	if err != nil {
		h.t.Fatalf("query: %v", err)
	}
	var out T
	if err := v.Get(&out); err != nil {
		h.t.Fatalf("query result: %v", err)
	}
	return out
}

// run executes the case to its end (or until a callback cancels it).
func (h *harness) run(in CaseInput) {
	h.env.ExecuteWorkflow(CaseWorkflowName, in)
}

// result returns the finished case's result.
func (h *harness) result() CaseResult {
	h.t.Helper()
	if !h.env.IsWorkflowCompleted() {
		h.t.Fatal("workflow did not complete")
	}
	if err := h.env.GetWorkflowError(); err != nil {
		h.t.Fatalf("workflow error: %v", err)
	}
	var r CaseResult
	if err := h.env.GetWorkflowResult(&r); err != nil {
		h.t.Fatal(err)
	}
	return r
}

// endsWith checks that the case ended with the result want, and stops the test if not.
func (h *harness) endsWith(want string) {
	h.t.Helper()
	if r := h.result(); r.Result != want {
		h.t.Fatalf("result %+v, want %s", r, want)
	}
}

// stop cancels the case: for scenarios that end before the process does.
func (h *harness) stop() { h.env.CancelWorkflow() }

// worker is an actor of team noord with the given roles.
func worker(user string, roles ...string) Actor {
	return Actor{UserID: user, Gemeente: "testgem", Teams: []string{"noord"}, Roles: roles}
}

// errType returns the application error type of an update's error, or "".
func errType(err error) string {
	var app *temporal.ApplicationError
	if errors.As(err, &app) {
		return app.Type()
	}
	return ""
}

// fieldErrors returns the []FieldError details of an ErrInvalid rejection.
func fieldErrors(t *testing.T, err error) []FieldError {
	t.Helper()
	var app *temporal.ApplicationError
	if !errors.As(err, &app) {
		t.Fatalf("not an application error: %v", err)
	}
	var fe []FieldError
	if err := app.Details(&fe); err != nil {
		t.Fatalf("details: %v", err)
	}
	return fe
}

// taskIDs lists the ids of a view's open tasks.
func taskIDs(v CaseView) string {
	ids := make([]string, len(v.Tasks))
	for i, t := range v.Tasks {
		ids[i] = t.ID
	}
	return strings.Join(ids, ",")
}

// events lists the trail's events, optionally only those of one kind.
func events(v CaseView) string {
	var out []string
	for _, e := range v.Trail {
		out = append(out, string(e.Event)+":"+e.Step)
	}
	return strings.Join(out, " ")
}

// trailAt returns when the first trail entry with the event (and task) happened.
func trailAt(t *testing.T, v CaseView, event Event, task string) time.Time {
	t.Helper()
	for _, e := range v.Trail {
		if e.Event == event && (task == "" || e.Task == task) {
			return e.At
		}
	}
	t.Fatalf("no %s for %q in trail: %s", event, task, events(v))
	return time.Time{}
}

// continuedInput decodes the CaseInput of a continue-as-new.
func continuedInput(t *testing.T, err error) CaseInput {
	t.Helper()
	var can *workflow.ContinueAsNewError
	if !errors.As(err, &can) {
		t.Fatalf("want continue-as-new, got %v", err)
	}
	var in CaseInput
	if err := converter.GetDefaultDataConverter().FromPayloads(can.Input, &in); err != nil {
		t.Fatal(err)
	}
	return in
}

// sprintf is fmt.Sprintf, for filling test definitions.
func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// outcomeCallback ignores an update's outcome (for updates to child cases).
type outcomeCallback struct{}

func (outcomeCallback) Accept()             {}
func (outcomeCallback) Reject(error)        {}
func (outcomeCallback) Complete(any, error) {}

// sameProblem reports whether a field error is about field, says en in the API's
// English and nl in Dutch.
func sameProblem(e FieldError, field, en, nl string) bool {
	return e.Field == field && e.Message == en && definitions.SayRule(e.Say(), words.NL) == nl
}

// trailDetail returns what the last trail entry with the event says, in English.
func trailDetail(v CaseView, event Event) string {
	d := ""
	for _, e := range v.Trail {
		if e.Event == event {
			d = e.Say().String()
		}
	}
	return d
}

// unsetKeys lists the keys an upsert removes. The SDK hides them (GetUntypedValues
// filters nil values), so the test reads the unexported map by reflection.
func unsetKeys(sas temporal.SearchAttributes) []string {
	var out []string
	m := reflect.ValueOf(sas).FieldByName("untypedValue")
	for _, k := range m.MapKeys() {
		if m.MapIndex(k).IsNil() {
			out = append(out, k.Elem().FieldByName("name").String())
		}
	}
	return out
}

// details reads the workflow's current details through the SDK's metadata query.
func (h *harness) details() string {
	h.t.Helper()
	md := query[*sdkpb.WorkflowMetadata](h, "__temporal_workflow_metadata")
	return md.GetCurrentDetails()
}
