package workflows

import (
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
)

// CaseState is the case's whole state, carried across continue-as-new. It is plain data
// (JSON round-trips it), so a new run resumes exactly where the old one stopped: open
// tasks with their clocks, pending waits, collected data, trail and recent update ids.
type CaseState struct {
	CaseID   string         `json:"caseId"`
	Team     string         `json:"team"`
	Started  time.Time      `json:"started"`
	Received time.Time      `json:"received"`
	Data     map[string]any `json:"data"`
	// Answers are, per field, the answers given to it with their step and moment
	// (answers.go); Data holds the last of each. Empty in cases started before.
	Answers  map[string][]Answer `json:"answers,omitempty"`
	Tasks    []*Task             `json:"tasks"`
	Waits    []*Wait             `json:"waits,omitempty"`
	Children []*Child            `json:"children,omitempty"`
	// Referred lists every child case started, open or closed, for the view.
	Referred []string `json:"referred,omitempty"`
	// Stops are the open hersteltermijnen, Stopped the past ones (herstel.go).
	Stops   []*Stop         `json:"stops,omitempty"`
	Stopped []StoppedPeriod `json:"stopped,omitempty"`
	// Seq counts, per step, how often it was entered; it numbers task ids and child ids.
	Seq map[string]int `json:"seq"`
	// Entered is the last time each step was entered: the origin of clocks "from" it.
	Entered map[string]time.Time `json:"entered"`
	// Arrived lists, per join step, the steps that have already reached it.
	Arrived map[string][]string `json:"arrived,omitempty"`

	Status  string     `json:"status"`
	Result  string     `json:"result,omitempty"`
	EndStep string     `json:"endStep,omitempty"`
	Closed  *time.Time `json:"closed,omitempty"`

	Suspended      bool      `json:"suspended,omitempty"`
	SuspendedSince time.Time `json:"suspendedSince,omitempty"`
	SuspendReason  string    `json:"suspendReason,omitempty"`
	// SuspendedBy is the user id that suspended the case; they may resume it.
	SuspendedBy string `json:"suspendedBy,omitempty"`
	// Stuck is set when routing found no way on (no transition held, a referral could
	// not start); the case stays open and stalled so a manager sees it.
	Stuck bool `json:"stuck,omitempty"`
	// StuckStep and StuckReason say where and why the case got stuck, for the lead
	// who routes it on (rescue.go).
	StuckStep   string `json:"stuckStep,omitempty"`
	StuckReason string `json:"stuckReason,omitempty"`
	// Handoffs are referrals to providers not yet confirmed, or failed (handoff.go).
	Handoffs []*Handoff `json:"handoffs,omitempty"`
	// Escalation is the highest escalation level any task reached; from version
	// escalationReset, any open task (escalation.go).
	Escalation int `json:"escalation"`
	// Clocks are the terms from the melding for steps not reached yet (clocks_case.go).
	Clocks []*CaseClock `json:"clocks,omitempty"`

	Trail []TrailEntry `json:"trail"`
	// TrailDropped counts the oldest trail entries dropped to keep the state bounded.
	TrailDropped int `json:"trailDropped,omitempty"`
	// Updates are the most recent accepted update ids, so a retried update (same id) is
	// answered with the current view instead of acting twice, also after continue-as-new.
	Updates updateMemory `json:"updates,omitempty"`
	// Facts is the case's non-personal facts record (facts.go); nil before it was kept.
	Facts *Facts `json:"facts,omitempty"`
	// Runs counts the continue-as-new runs before this one.
	Runs int `json:"runs,omitempty"`
}

// Task is a human task: an open step of kind task.
type Task struct {
	ID       string    `json:"id"`
	Step     string    `json:"step"`
	Roles    []string  `json:"roles"`
	Assignee string    `json:"assignee,omitempty"`
	Opened   time.Time `json:"opened"`
	Alarms   []*Alarm  `json:"alarms,omitempty"`
	Overdue  bool      `json:"overdue,omitempty"`
	Stalled  bool      `json:"stalled,omitempty"`
	Extended bool      `json:"extended,omitempty"`
	Level    int       `json:"level,omitempty"`
	// FrozenAt is when this task's clocks stopped (opschorting); zero while they run.
	FrozenAt time.Time `json:"frozenAt,omitempty"`
	// StoppedBy is the hersteltermijn task that holds this task's clock (herstel.go).
	StoppedBy string `json:"stoppedBy,omitempty"`
	// Law is the legal basis of the term chosen by a case of the deadline.
	Law string `json:"law,omitempty"`
}

// Alarm kinds of a task's clock.
const (
	alarmDeadline = "deadline"
	alarmNorm     = "norm"
	alarmRung     = "rung"
)

// Alarm is one pending or past moment on a task's clock: its deadline, its norm, or a
// rung of its escalation ladder.
type Alarm struct {
	What string    `json:"what"`
	Rung int       `json:"rung,omitempty"` // index in the step's Escalate
	Due  time.Time `json:"due"`
	Done bool      `json:"done,omitempty"`
	// Unit is the unit of the term that set Due; after opschorting, a term of days is
	// counted again in whole days (law.Resume). Empty in cases started before.
	Unit law.Unit `json:"unit,omitempty"`
	// Nominal is the end of a d or w term before the Atw moved it (law.Nominal);
	// the rest after opschorting counts from it. Zero for other terms and older cases.
	Nominal time.Time `json:"nominal,omitempty"`
}

// Wait is a wait step that has not yet passed.
type Wait struct {
	ID   string    `json:"id"`
	Step string    `json:"step"`
	Due  time.Time `json:"due"` // zero: an event wait without a timeout
	// Event is the event an event wait waits for (events.go).
	Event string `json:"event,omitempty"`
}

// Child is a running referral to another process that the case waits for.
type Child struct {
	WorkflowID string `json:"workflowId"`
	Step       string `json:"step"`
}

// maxTrail bounds the trail carried over; older entries are dropped and counted.
const maxTrail = 1000

// task returns the open task with the given id, or nil.
func (s *CaseState) task(id string) *Task {
	for _, t := range s.Tasks {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// alarm returns the task's alarm of the given kind (first), or nil.
func (t *Task) alarm(what string) *Alarm {
	for _, a := range t.Alarms {
		if a.What == what {
			return a
		}
	}
	return nil
}

// deadline returns the task's deadline, or nil.
func (t *Task) deadline() *time.Time {
	if a := t.alarm(alarmDeadline); a != nil {
		d := a.Due
		return &d
	}
	return nil
}

// hasRole reports whether any of roles may act on the task.
func (t *Task) hasRole(roles []string) bool {
	for _, r := range roles {
		for _, tr := range t.Roles {
			if r == tr {
				return true
			}
		}
	}
	return false
}
