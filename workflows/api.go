package workflows

import (
	"time"

	enumspb "go.temporal.io/api/enums/v1"

	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/actors"
)

// Names that the worker and the task API use to reach a case workflow.
const (
	// CaseWorkflowName is the registered name of the case workflow.
	CaseWorkflowName = "CaseWorkflow"
	// DefaultTaskQueue is the task queue the worker polls unless configured otherwise.
	DefaultTaskQueue = "wijkflow"

	// UpdateComplete completes a task with form data (CompleteRequest → CaseView).
	UpdateComplete = "complete"
	// UpdateClaim assigns an open task to the caller (ClaimRequest → CaseView).
	UpdateClaim = "claim"
	// UpdateReassign assigns an open task to another user (ReassignRequest → CaseView).
	UpdateReassign = "reassign"
	// UpdateSuspend stops the clocks of suspendable tasks (SuspendRequest → CaseView).
	UpdateSuspend = "suspend"
	// UpdateResume restarts them (ResumeRequest → CaseView).
	UpdateResume = "resume"
	// UpdateExtend moves a task's deadline once (ExtendRequest → CaseView).
	UpdateExtend = "extend"
	// UpdateEvent delivers an event from outside to a waiting case (EventRequest → CaseView).
	UpdateEvent = "event"
	// UpdateRetryHandoff sends a failed hand-off again (RetryHandoffRequest → CaseView).
	UpdateRetryHandoff = "retry-handoff"
	// UpdateRouteOn routes a stuck case on to a named step (RouteOnRequest → CaseView).
	UpdateRouteOn = "route-on"
	// QueryCase returns the CaseView.
	QueryCase = "case"

	// MemoTasks is the memo key holding []TaskSummary of the open tasks.
	MemoTasks = "tasks"
	// MemoResident is the memo key holding the resident's name (a string) as the
	// definition names it (Definition.ResidentName; "" when unknown), for task lists that
	// show it without a query per case. Personal data: the memo is encrypted like every
	// payload. Absent in cases started before the memo carried list rows (listmemo.go).
	MemoResident = "resident"
	// MemoWaiting is the memo key holding []string of what else the case waits for,
	// e.g. "wacht op overdracht aan veilig-thuis-ijsselland"; set once it is not empty.
	MemoWaiting = "waiting"
)

// Application error types of rejected updates; the task API maps them to HTTP statuses.
const (
	// ErrNotOpen: the task is not open (completed, unknown, or the case is closed). 409.
	ErrNotOpen = "TaskNotOpen"
	// ErrForbidden: the caller's team or role may not act. 403.
	ErrForbidden = "Forbidden"
	// ErrInvalid: the request or form data breaks the rules; details hold []FieldError. 422.
	ErrInvalid = "InvalidData"
	// ErrConflict: the case is in the wrong state for this (e.g. resume when not suspended). 409.
	ErrConflict = "Conflict"
)

// FieldError is one problem with submitted form data, for the API's 422 answer: the
// same type as the form checks of definitions give (definitions.FieldProblem), so a
// problem passes from the check to the answer unchanged.
type FieldError = definitions.FieldProblem

// Search attributes of a case. None of them carries personal data.
var (
	SAGemeente          = temporal.NewSearchAttributeKeyKeyword("WijkGemeente")
	SAProcess           = temporal.NewSearchAttributeKeyKeyword("WijkProcess")
	SADefinitionVersion = temporal.NewSearchAttributeKeyKeyword("WijkDefinitionVersion")
	SATeam              = temporal.NewSearchAttributeKeyKeyword("WijkTeam")
	SAStep              = temporal.NewSearchAttributeKeyKeywordList("WijkStep")
	SAStalled           = temporal.NewSearchAttributeKeyBool("WijkStalled")
	SADeadline          = temporal.NewSearchAttributeKeyTime("WijkDeadline")
	SAEscalation        = temporal.NewSearchAttributeKeyInt64("WijkEscalation")
	SASuspended         = temporal.NewSearchAttributeKeyBool("WijkSuspended")
	// SARoles lists the roles that may act on an open task, for task listing.
	SARoles = temporal.NewSearchAttributeKeyKeywordList("WijkRoles")
	// SAAssignees lists the user ids that claimed an open task.
	SAAssignees = temporal.NewSearchAttributeKeyKeywordList("WijkAssignees")
)

// SearchAttributes lists every custom search attribute of a case with its type, for
// registering them in a namespace; the names are written only in the keys above.
func SearchAttributes() map[string]enumspb.IndexedValueType {
	keys := []temporal.SearchAttributeKey{
		SAGemeente, SAProcess, SADefinitionVersion, SATeam, SAStep, SAStalled,
		SADeadline, SAEscalation, SASuspended, SARoles, SAAssignees,
	}
	m := make(map[string]enumspb.IndexedValueType, len(keys))
	for _, k := range keys {
		m[k.GetName()] = k.GetValueType()
	}
	return m
}

// CaseInput starts a case workflow.
type CaseInput struct {
	// CaseID is also the workflow id; it carries no personal data.
	CaseID string `json:"caseId"`
	// Definition is the snapshot the case runs on, for its whole life.
	Definition definitions.Definition `json:"definition"`
	// Team owns the case.
	Team string `json:"team"`
	// Data is the signal's intake data.
	Data map[string]any `json:"data,omitempty"`
	// Related are snapshots of the same gemeente's definitions that referral steps may
	// start as child cases (the workflow never reads files, so they travel along).
	Related []definitions.Definition `json:"related,omitempty"`
	// Received is when the melding came in; deadlines counted from the case start count
	// from here. Zero means the moment the workflow starts.
	Received time.Time `json:"received,omitempty"`
	// Parent is set when the case was started by a referral of another case.
	Parent *ParentRef `json:"parent,omitempty"`
	// Request is the digest of the create request, for UpdateCreated; empty when the
	// case was not created with an Idempotency-Key.
	Request string `json:"request,omitempty"`
	// Carried is the state carried over by continue-as-new; nil on a new case.
	Carried *CaseState `json:"carried,omitempty"`
}

// ParentRef names the case and step that referred this case.
type ParentRef struct {
	CaseID string `json:"caseId"`
	Step   string `json:"step"`
}

// CaseResult is what a finished case returns.
type CaseResult struct {
	Result string `json:"result"`
	Step   string `json:"step"`
}

// Actor is who calls an update, as authenticated and signed by the API (package
// internal/actors, which also verifies the signature before any validator runs).
type Actor = actors.Actor

// CompleteRequest completes an open task.
type CompleteRequest struct {
	Actor  Actor          `json:"actor"`
	TaskID string         `json:"taskId"`
	Data   map[string]any `json:"data"`
}

// ClaimRequest assigns an open task to the caller.
type ClaimRequest struct {
	Actor  Actor  `json:"actor"`
	TaskID string `json:"taskId"`
}

// ReassignRequest assigns an open task to another user (empty: unassign).
type ReassignRequest struct {
	Actor    Actor  `json:"actor"`
	TaskID   string `json:"taskId"`
	Assignee string `json:"assignee"`
}

// SuspendRequest stops the clocks (opschorting, Awb 4:15).
type SuspendRequest struct {
	Actor  Actor  `json:"actor"`
	Reason string `json:"reason"`
}

// ResumeRequest restarts the clocks.
type ResumeRequest struct {
	Actor Actor `json:"actor"`
}

// ExtendRequest moves an open task's deadline once (verlenging, Awb 4:14). An empty
// TaskID extends the only extendable open task.
type ExtendRequest struct {
	Actor  Actor  `json:"actor"`
	TaskID string `json:"taskId,omitempty"`
	Reason string `json:"reason"`
	// By is the extension, e.g. "4w"; at most the step's extendable duration.
	By string `json:"by"`
}

// EventRequest delivers a named event, with its data, to a case whose wait step waits
// for it; the data is checked against that step's form.
type EventRequest struct {
	Actor Actor          `json:"actor"`
	Event string         `json:"event"`
	Data  map[string]any `json:"data"`
}

// Case statuses.
const (
	StatusOpen   = "open"
	StatusClosed = "closed"
)

// CaseHeader is what names a case in every view of it: the whole view here, and the
// task API's list of cases (read from search attributes).
type CaseHeader struct {
	ID                string `json:"id"`
	Gemeente          string `json:"gemeente"`
	Process           string `json:"process"`
	DefinitionVersion string `json:"definitionVersion"`
	Team              string `json:"team"`
	Status            string `json:"status"`
}

// CaseView is everything a client or the query shows of a case.
type CaseView struct {
	CaseHeader
	Result  string    `json:"result,omitempty"`
	Started time.Time `json:"started"`
	// Received is when the melding came in: the event the case's terms count from.
	Received        time.Time  `json:"received"`
	Closed          *time.Time `json:"closed,omitempty"`
	ActiveSteps     []string   `json:"activeSteps"`
	Tasks           []TaskView `json:"tasks"`
	Suspended       bool       `json:"suspended"`
	SuspendedSince  *time.Time `json:"suspendedSince,omitempty"`
	SuspendReason   string     `json:"suspendReason,omitempty"`
	SuspendedBy     string     `json:"suspendedBy,omitempty"` // user id
	Stalled         bool       `json:"stalled"`
	EscalationLevel int        `json:"escalationLevel"`
	Deadline        *time.Time `json:"deadline,omitempty"`
	// Clocks are the terms from the melding for steps the case has not reached yet,
	// e.g. Wmo 2015 art. 2.3.2 lid 1 during the triage; overdue once past.
	Clocks []ClockView    `json:"clocks,omitempty"`
	Data   map[string]any `json:"data"`
	// Answers are the answers of each field asked more than once, oldest first, with
	// the step and moment each was given; Data holds the last. None in cases started
	// before answers were kept.
	Answers map[string][]Answer `json:"answers,omitempty"`
	Trail   []TrailEntry        `json:"trail"`
	// TrailSince > 0: the answer of a change, whose trail holds only the entries from
	// this index on (the change's own); the case's view has the whole trail.
	TrailSince int        `json:"trailSince,omitempty"`
	Parent     *ParentRef `json:"parent,omitempty"`
	Children   []string   `json:"children,omitempty"`
	// Handoffs are referrals to providers that wait for confirmation or failed.
	Handoffs []HandoffView `json:"handoffs,omitempty"`
	// StuckStep and StuckReason: where and why routing found no way on.
	StuckStep   string `json:"stuckStep,omitempty"`
	StuckReason string `json:"stuckReason,omitempty"`
	// ClosedAs says how a case closed that did not reach an end step: "terminated"
	// (e.g. in the Web UI), "canceled", "timed-out" or "failed". Set by the task API.
	ClosedAs string `json:"closedAs,omitempty"`
	// Events are the events the case waits for now (POST /cases/{id}/events/{event}).
	Events []string `json:"events,omitempty"`
	// Bezwaartermijnen are the running bezwaartermijnen (waits of steps with function:
	// bezwaar, Awb 6:7 and 6:8): the resident's term, not a task of the team.
	Bezwaartermijnen []BezwaarView `json:"bezwaartermijnen,omitempty"`
}

// BezwaarView is a running bezwaartermijn: the wait for a bezwaar and its last day.
type BezwaarView struct {
	Step  string `json:"step"`
	Title string `json:"title"`
	// Event is the event that brings the bezwaar in, e.g. "bezwaar".
	Event string `json:"event,omitempty"`
	// Due is when the term has passed (the end of its last day); LastDay is that last
	// day ("2026-04-13"), the day up to which the resident may object.
	Due     time.Time `json:"due"`
	LastDay string    `json:"lastDay"`
}

// TaskView is an open task with what a client needs to render and fill its form.
type TaskView struct {
	CaseID   string    `json:"caseId"`
	ID       string    `json:"id"`
	Step     string    `json:"step"`
	Title    string    `json:"title"`
	Role     string    `json:"role"`
	Roles    []string  `json:"roles"` // Role plus roles it escalated to
	Team     string    `json:"team"`
	Assignee string    `json:"assignee,omitempty"`
	Opened   time.Time `json:"opened"`
	// Received is when the case's melding came in.
	Received    time.Time  `json:"received"`
	Deadline    *time.Time `json:"deadline,omitempty"`
	Law         string     `json:"law,omitempty"`
	Norm        *time.Time `json:"norm,omitempty"`
	Overdue     bool       `json:"overdue"`
	Extended    bool       `json:"extended,omitempty"`
	Suspendable bool       `json:"suspendable,omitempty"`
	// ClockStopped: the case is suspended and this task's clock stands still; at resume
	// the rest of its terms counts again in whole days (Awb 4:15, law.Resume).
	ClockStopped bool `json:"clockStopped,omitempty"`
	// ClockStoppedBy is the hersteltermijn task that stops this clock (Awb 4:15 lid 1 a).
	ClockStoppedBy  string           `json:"clockStoppedBy,omitempty"`
	EscalationLevel int              `json:"escalationLevel"`
	Form            definitions.Form `json:"form"`
}

// TaskSummary is the memo's short form of an open task, enough for a task list without
// a query per case.
type TaskSummary struct {
	ID       string    `json:"id"`
	Step     string    `json:"step"`
	Title    string    `json:"title"`
	Roles    []string  `json:"roles"`
	Team     string    `json:"team"`
	Assignee string    `json:"assignee,omitempty"`
	Opened   time.Time `json:"opened"`
	// Received is when the case's melding came in (absent in memos written before).
	Received *time.Time `json:"received,omitempty"`
	Deadline *time.Time `json:"deadline,omitempty"`
	Overdue  bool       `json:"overdue"`
	// Extended, EscalationLevel and ClockStopped are the task's as its TaskView shows
	// them; absent in memos of cases started before they were published (listmemo.go).
	Extended        bool `json:"extended,omitempty"`
	EscalationLevel int  `json:"escalationLevel,omitempty"`
	ClockStopped    bool `json:"clockStopped,omitempty"`
}

// TrailEntry is one transition in the case's trail.
type TrailEntry struct {
	At    time.Time `json:"at"`
	Event Event     `json:"event"` // one of Events (trail.go)
	Step  string    `json:"step,omitempty"`
	Task  string    `json:"task,omitempty"`
	Actor string    `json:"actor,omitempty"` // user id
	// Args are the entry's facts as ids, names and terms ("3d", "2w"), never sentences:
	// Say renders them. No personal data.
	Args map[string]string `json:"args,omitempty"`
	// Detail is free text a worker gave, such as the reason for a suspension.
	Detail string `json:"detail,omitempty"`
}
