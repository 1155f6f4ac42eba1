package httpapi

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// createRequest is a new signal (melding).
type createRequest struct {
	Gemeente string         `json:"gemeente"`
	Process  string         `json:"process"`
	Team     string         `json:"team"`
	Data     map[string]any `json:"data"`
	Received string         `json:"received"`
}

// createCase starts a case on the current definition of the process and answers with
// its first view, open tasks included.
func (a *api) createCase(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	var req createRequest
	if err := decodeBody(w, r, &req, false); err != nil {
		return err
	}
	in, err := a.caseInput(u, req)
	if err != nil {
		return err
	}
	if _, err := a.cfg.Client.ExecuteWorkflow(r.Context(), a.startOptions(in), workflows.CaseWorkflowName, in); err != nil {
		return err
	}
	a.gemeenten.put(in.CaseID, in.Definition.Gemeente)
	view, err := a.firstView(r.Context(), in.CaseID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", prefix+"/cases/"+in.CaseID)
	writeJSON(w, http.StatusCreated, view)
	return nil
}

// caseInput checks a signal and turns it into the input of a new case.
func (a *api) caseInput(u *auth.User, req createRequest) (workflows.CaseInput, error) {
	set := a.defs()
	def := set.Lookup(req.Gemeente, req.Process)
	if def == nil || req.Gemeente != u.Gemeente {
		// Another gemeente's process answers like an unknown one: a caller learns
		// nothing about gemeenten that are not theirs.
		return workflows.CaseInput{}, errorf(http.StatusNotFound, "gemeente %q has no process %q", req.Gemeente, req.Process)
	}
	var problems []workflows.FieldError
	team, msg := chooseTeam(u, def, req.Team)
	if msg != "" {
		problems = append(problems, workflows.FieldError{Field: "team", Message: msg})
	}
	received, msg := parseReceived(req.Received, time.Now())
	if msg != "" {
		problems = append(problems, workflows.FieldError{Field: "received", Message: msg})
	}
	for _, p := range definitions.CheckData(def.Intake, req.Data) {
		problems = append(problems, workflows.FieldError{Field: p.Field, Message: p.Message})
	}
	if len(problems) > 0 {
		return workflows.CaseInput{}, invalid(problems)
	}
	if req.Data == nil {
		req.Data = map[string]any{}
	}
	in := workflows.CaseInput{
		CaseID:     newCaseID(),
		Definition: *def,
		Team:       team,
		Data:       req.Data,
		Received:   received,
	}
	for _, d := range set.CurrentOf(def.Gemeente) {
		if d.Process != def.Process {
			in.Related = append(in.Related, *d)
		}
	}
	return in, nil
}

// startOptions sets the search attributes at the start, so the case is listable at once,
// before the workflow's first upsert.
func (a *api) startOptions(in workflows.CaseInput) client.StartWorkflowOptions {
	d := in.Definition
	return client.StartWorkflowOptions{
		ID:                       in.CaseID,
		TaskQueue:                a.cfg.TaskQueue,
		WorkflowIDReusePolicy:    enums.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		WorkflowIDConflictPolicy: enums.WORKFLOW_ID_CONFLICT_POLICY_FAIL,
		StaticSummary:            d.Title,
		TypedSearchAttributes: temporal.NewSearchAttributes(
			workflows.SAGemeente.ValueSet(d.Gemeente),
			workflows.SAProcess.ValueSet(d.Process),
			workflows.SADefinitionVersion.ValueSet(d.Version),
			workflows.SATeam.ValueSet(in.Team),
			workflows.SAStep.ValueSet([]string{d.Start}),
			workflows.SAStalled.ValueSet(false),
			workflows.SASuspended.ValueSet(false),
			workflows.SAEscalation.ValueSet(0),
		),
		Memo: map[string]any{workflows.MemoTasks: []workflows.TaskSummary{}},
	}
}

// firstView queries the new case. Until the worker has run the first workflow task the
// server answers "not ready"; then the query is retried with a short backoff, within the
// request's deadline.
func (a *api) firstView(ctx context.Context, id string) (*workflows.CaseView, error) {
	wait := 5 * time.Millisecond
	for {
		view, err := a.queryCase(ctx, id)
		var notReady *serviceerror.WorkflowNotReady
		if err == nil || !errors.As(err, &notReady) {
			return view, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// chooseTeam returns the team that owns a new case: the one asked for, which must work
// this process, or else the caller's first team that does. The caller need not be in
// the team: a front office may register a signal for any team of its gemeente.
func chooseTeam(u *auth.User, def *definitions.Definition, asked string) (string, string) {
	if asked != "" {
		if !slices.Contains(def.Teams, asked) {
			return "", fmt.Sprintf("%q does not work this process; choose one of: %s", asked, strings.Join(def.Teams, ", "))
		}
		return asked, ""
	}
	for _, t := range u.Teams {
		if slices.Contains(def.Teams, t) {
			return t, ""
		}
	}
	return "", fmt.Sprintf("is required: none of your teams works this process; choose one of: %s", strings.Join(def.Teams, ", "))
}

// amsterdam is the time zone of a date-only `received`; Dutch terms count Dutch days.
var amsterdam = definitions.Amsterdam()

// parseReceived reads when the melding came in: a date (2026-11-25, the start of that
// day in the Netherlands) or an RFC 3339 time. It may not lie in the future.
func parseReceived(s string, now time.Time) (time.Time, string) {
	if s == "" {
		return time.Time{}, ""
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d, derr := time.ParseInLocation(time.DateOnly, s, amsterdam)
		if derr != nil {
			return time.Time{}, fmt.Sprintf("%q is not a date or time; write 2026-11-25 or 2026-11-25T09:30:00+01:00", s)
		}
		t = d
	}
	if t.After(now.Add(time.Minute)) { // a minute for clocks that run ahead
		return time.Time{}, "lies in the future; a melding is registered after it came in"
	}
	return t, ""
}

// newCaseID returns "case-" and 26 random base32 characters (130 bits): unguessable, and
// free of personal data because it carries nothing else.
func newCaseID() string { return "case-" + strings.ToLower(rand.Text()) }

// randomKey is an update id for a request without an Idempotency-Key.
func randomKey() string { return rand.Text() }
