package httpapi

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/firstview"
	"github.com/wijkflow/wijkflow/worker/metrics"
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
// its first view, open tasks included: an eager start, whose first workflow task this
// process runs at once, and a query (startCase; README "Creates start eagerly"). With an
// Idempotency-Key the case id derives from the caller and the key, so a retry reaches
// the same case and gets its view; the same key with another body is a 409.
func (a *api) createCase(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	key, keyed, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	var req createRequest
	if err := decodeBody(w, r, &req, false); err != nil {
		return err
	}
	in, err := a.caseInput(u, req)
	if err != nil {
		return err
	}
	if keyed {
		in.CaseID, in.Request = keyedCaseID(u, key), requestDigest(req)
	}
	view, err := a.startCase(r.Context(), in)
	w.Header().Set("Location", prefix+"/cases/"+in.CaseID)
	var started *caseStarted
	if errors.As(err, &started) {
		// The case runs, but its first view did not come in time: never a 5xx for a
		// case that exists. The client reads it at Location (or retries with its key).
		a.gemeenten.put(in.CaseID, in.Definition.Gemeente)
		writeJSON(w, http.StatusAccepted, map[string]string{"id": in.CaseID, "status": workflows.StatusOpen})
		return nil
	}
	if err != nil {
		w.Header().Del("Location")
		return err
	}
	a.gemeenten.put(in.CaseID, in.Definition.Gemeente)
	a.changed(view)
	writeJSON(w, http.StatusCreated, view)
	return nil
}

// caseStarted: the case was started but its first view is not known.
type caseStarted struct{ cause error }

func (e *caseStarted) Error() string { return "case started; view unavailable: " + e.cause.Error() }

// startCase starts the case, or reaches the running one of the same id, and asks it for
// its first view. The start is eager: Temporal hands the first workflow task back in its
// answer and this process's worker runs it at once, without the trip through the task
// queue; the view is the one that task left, taken from this process's worker once
// Temporal accepted the task (firstview), else (another worker ran it) asked by query,
// which writes nothing. (With Update-with-Start
// a create cost about 2.5× a completion at the 99th percentile on servers in their own
// processes: the task queue's trip, then a workflow task and a write for the update.)
func (a *api) startCase(ctx context.Context, in workflows.CaseInput) (*workflows.CaseView, error) {
	opts := a.startOptions(in)
	opts.WorkflowIDConflictPolicy = enums.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING
	opts.EnableEagerStart = true
	wait := firstview.Expect(in.CaseID)
	defer wait.Close()
	run, err := a.cfg.Client.ExecuteWorkflow(wait.Context(ctx), opts, workflows.CaseWorkflowName, in)
	var already *serviceerror.WorkflowExecutionAlreadyStarted
	if errors.As(err, &already) {
		return a.closedCase(ctx, in)
	}
	if err != nil {
		return nil, err
	}
	var created workflows.Created
	via := "first-task"
	if b, ok := wait.Await(ctx); ok {
		err = json.Unmarshal(b, &created)
	} else {
		via = "query"
		var val converter.EncodedValue
		if val, err = a.cfg.Client.QueryWorkflow(ctx, in.CaseID, run.GetRunID(), workflows.QueryCreated); err == nil {
			err = val.Get(&created)
		}
	}
	if err != nil {
		// The case runs (its start was answered) but its view did not come in time.
		return nil, &caseStarted{cause: err}
	}
	metrics.FirstViews.WithLabelValues(via).Inc()
	if created.Request != in.Request {
		return nil, keyReused() // a running case of this key, made by another body
	}
	return &created.View, nil
}

// closedCase answers a create retried after its case closed: the same request gets the
// case's view, another one a conflict (the case answers its request digest by query).
func (a *api) closedCase(ctx context.Context, in workflows.CaseInput) (*workflows.CaseView, error) {
	val, err := a.cfg.Client.QueryWorkflow(ctx, in.CaseID, "", workflows.QueryCreateRequest)
	if err != nil {
		return nil, err
	}
	var digest string
	if err := val.Get(&digest); err != nil {
		return nil, err
	}
	if in.Request == "" || digest != in.Request {
		return nil, keyReused()
	}
	return a.queryCase(ctx, in.CaseID)
}

// keyReused answers a create whose Idempotency-Key made a case from another body.
func keyReused() error {
	return &Error{Status: http.StatusConflict, Message: "this Idempotency-Key was used for another request; send that request again, or use a new key", kind: "Conflict"}
}

// keyedCaseID is the case id of a create with an Idempotency-Key: "case-" and 26
// base32 characters of a digest of the caller and the key, so a retry finds its case
// and two callers' keys never meet. It carries no personal data.
func keyedCaseID(u *auth.User, key string) string {
	sum := sha256.Sum256([]byte("wijkflow create\x00" + u.Gemeente + "\x00" + u.ID + "\x00" + key))
	return "case-" + strings.ToLower(base32.StdEncoding.EncodeToString(sum[:])[:26])
}

// requestDigest identifies a create request's content (maps marshal in key order).
func requestDigest(req createRequest) string {
	b, _ := json.Marshal(req)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// caseInput checks a signal and turns it into the input of a new case.
func (a *api) caseInput(u *auth.User, req createRequest) (workflows.CaseInput, error) {
	if p := missingNames(req); p != nil {
		return workflows.CaseInput{}, invalid(p)
	}
	set := a.defs()
	def := set.Lookup(req.Gemeente, req.Process)
	if def == nil || req.Gemeente != u.Gemeente {
		// Another gemeente's process answers like an unknown one: a caller learns
		// nothing about gemeenten that are not theirs.
		return workflows.CaseInput{}, errorf(http.StatusNotFound, "gemeente %q has no process %q", req.Gemeente, req.Process)
	}
	var problems []workflows.FieldError
	team, msg := chooseTeam(u, def, req.Team)
	if msg.Code != "" {
		problems = append(problems, problem("team", msg))
	}
	received, msg := parseReceived(req.Received, time.Now())
	if msg.Code != "" {
		problems = append(problems, problem("received", msg))
	}
	problems = append(problems, definitions.CheckData(def.Intake, req.Data)...)
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

// chooseTeam returns the team that owns a new case: the one asked for, which must work
// this process, or else the caller's first team that does. The caller need not be in
// the team: a front office may register a signal for any team of its gemeente.
func chooseTeam(u *auth.User, def *definitions.Definition, asked string) (string, words.Message) {
	if asked != "" {
		if !slices.Contains(def.Teams, asked) {
			return "", words.Msg(words.RuleTeamNotOfProc, "team", asked, "teams", strings.Join(def.Teams, ", "))
		}
		return asked, words.Message{}
	}
	for _, t := range u.Teams {
		if slices.Contains(def.Teams, t) {
			return t, words.Message{}
		}
	}
	return "", words.Msg(words.RuleNoTeamOfProc, "teams", strings.Join(def.Teams, ", "))
}

// amsterdam is the time zone of a date-only `received`; Dutch terms count Dutch days.
var amsterdam = law.Amsterdam()

// earliestReceived bounds `received`: no melding under this process's laws (Wmo 2015,
// Jeugdwet, both in force from 2015-01-01) came in before it; 0000-01-01 is a typo.
var earliestReceived = time.Date(2015, 1, 1, 0, 0, 0, 0, amsterdam)

// parseReceived reads when the melding came in: a date (2026-11-25, the start of that
// day in the Netherlands) or an RFC 3339 time. It may not lie in the future.
func parseReceived(s string, now time.Time) (time.Time, words.Message) {
	if s == "" {
		return time.Time{}, words.Message{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d, derr := time.ParseInLocation(time.DateOnly, s, amsterdam)
		if derr != nil {
			return time.Time{}, words.Msg(words.RuleNotDateTime, "value", s)
		}
		t = d
	}
	if t.After(now.Add(time.Minute)) { // a minute for clocks that run ahead
		return time.Time{}, words.Msg(words.RuleInTheFuture)
	}
	if t.Before(earliestReceived) {
		return time.Time{}, words.Msg(words.RuleBeforeWmo, "value", s)
	}
	return t, words.Message{}
}

// newCaseID returns "case-" and 26 random base32 characters (130 bits): unguessable, and
// free of personal data because it carries nothing else.
func newCaseID() string { return "case-" + strings.ToLower(rand.Text()) }

// randomKey is an update id for a request without an Idempotency-Key.
func randomKey() string { return rand.Text() }

// missingNames lists gemeente and process when left out: a missing field is a 422 at
// that field, not an unknown process ("gemeente \"\" has no process …").
func missingNames(req createRequest) []workflows.FieldError {
	var p []workflows.FieldError
	if req.Gemeente == "" {
		p = append(p, problem("gemeente", words.Msg(words.RuleRequired)))
	}
	if req.Process == "" {
		p = append(p, problem("process", words.Msg(words.RuleRequired)))
	}
	return p
}
