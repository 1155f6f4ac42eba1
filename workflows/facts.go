package workflows

import "time"

// MemoFacts is the memo key of the case's facts record (Facts). Unlike the other memo
// keys it is not encrypted: its payload encoding marks it public (facts_payload.go).
const MemoFacts = "WijkFacts"

// FactID is an id or a code in the facts record: a step, task or term id, a result,
// an article's citation, a provider id. Never a name, free text or an answer:
// TestFactsHoldNoPersonalData walks the types and allows only FactID, times and
// counts, so a field that could hold data cannot be added by accident.
type FactID string

// Facts is a case's non-personal facts record: what the monitor (worker/monitor) and
// the event log count, read from visibility without decrypting anything. The case
// keeps it in its state (observed from the state and the trail after each change,
// facts_observe.go) and publishes it as the memo MemoFacts when it changed in a way
// a figure can see: a term started or ended, a task opened or closed, opschorting,
// verlenging, and the close (visibility.go).
type Facts struct {
	Gemeente FactID    `json:"gemeente"`
	Process  FactID    `json:"process"`
	Team     FactID    `json:"team,omitempty"`
	Received time.Time `json:"received"`
	Started  time.Time `json:"started"`
	// Closed is zero while the case is open.
	Closed time.Time `json:"closed,omitzero"`
	Result FactID    `json:"result,omitempty"`
	// Steps are the visits of steps in the order entered (published at the close).
	Steps []StepFact `json:"steps,omitempty"`
	// Terms are the deadlines (legal or internal) and norms of the case's tasks.
	Terms []TermFact `json:"terms,omitempty"`
	// Tasks are the open tasks, for the workload now.
	Tasks []TaskFact `json:"tasks,omitempty"`
	// Suspensions and SuspendedDays: opschortingen of the case and their calendar days.
	Suspensions   int `json:"suspensions,omitempty"`
	SuspendedDays int `json:"suspendedDays,omitempty"`
	// Extensions counts the verlengingen.
	Extensions int `json:"extensions,omitempty"`
	// Escalations counts the escalations by rung: Escalations[0] reached rung 1.
	Escalations []int `json:"escalations,omitempty"`
	// Stalls counts tasks that the escalation ladder marked stalled; Stuck the times
	// routing found no way on.
	Stalls int `json:"stalls,omitempty"`
	Stuck  int `json:"stuck,omitempty"`
	// Referrals are child cases and hand-offs to providers, with their outcome.
	Referrals []ReferralFact `json:"referrals,omitempty"`
	// Events are the trail's events (ids and times only), published at the close:
	// the event log for process mining.
	Events []EventFact `json:"events,omitempty"`
	// Dropped counts trail events dropped before Events (the trail is bounded).
	Dropped int `json:"dropped,omitempty"`
	// Seen counts the trail entries observed, dropped ones included.
	Seen int `json:"seen"`
}

// StepFact is one visit of a step; Left is zero while the case is in it.
type StepFact struct {
	Step    FactID    `json:"step"`
	Entered time.Time `json:"entered"`
	Left    time.Time `json:"left,omitzero"`
}

// Kinds of term in TermFact.Kind.
const (
	TermLegal    FactID = "wet"    // a deadline that cites the law
	TermInternal FactID = "intern" // a deadline without a law: a work agreement
	TermNorm     FactID = "norm"   // a service norm
)

// TermFact is one term of a task: when it ends now (after opschorting and
// verlenging), and when the task was done (zero while it is open).
type TermFact struct {
	Task    FactID `json:"task"`
	Step    FactID `json:"step"`
	Kind    FactID `json:"kind"`
	Article FactID `json:"article,omitempty"`
	// Start is where the term counts from; Due when it ends now.
	Start time.Time `json:"start"`
	Due   time.Time `json:"due"`
	Ended time.Time `json:"ended,omitzero"`
	// SuspendedDays are the calendar days the clock stood still; Extended is set after
	// a verlenging.
	SuspendedDays int  `json:"suspendedDays,omitempty"`
	Extended      bool `json:"extended,omitempty"`
	// Frozen is when the clock last stopped, while it stands still.
	Frozen time.Time `json:"frozen,omitzero"`
}

// TaskFact is an open task: who may do it (role ids) and since when.
type TaskFact struct {
	Task   FactID    `json:"task"`
	Step   FactID    `json:"step"`
	Roles  []FactID  `json:"roles,omitempty"`
	Opened time.Time `json:"opened"`
}

// Referral kinds in ReferralFact.Kind.
const (
	ReferralCase     FactID = "zaak"      // a child case of another process
	ReferralProvider FactID = "aanbieder" // a hand-off to a provider
)

// ReferralFact is a referral: to which process or provider, and how it came out
// (empty while pending; "handed-off", "failed", or the child case's result).
type ReferralFact struct {
	Step     FactID    `json:"step"`
	Kind     FactID    `json:"kind"`
	Provider FactID    `json:"provider"`
	Child    FactID    `json:"child,omitempty"`
	At       time.Time `json:"at"`
	Outcome  FactID    `json:"outcome,omitempty"`
}

// EventFact is one trail entry without its actor, arguments or text.
type EventFact struct {
	At    time.Time `json:"at"`
	Event FactID    `json:"event"`
	Step  FactID    `json:"step,omitempty"`
	Task  FactID    `json:"task,omitempty"`
}

// PublicPayload marks Facts as holding no personal data (crypt.Public): its memo is
// not encrypted, so the monitor reads it without a key.
func (*Facts) PublicPayload() {}

// WithoutEvents is f without its event log (nil for nil), for readers that keep many.
func (f *Facts) WithoutEvents() *Facts {
	if f == nil || f.Events == nil {
		return f
	}
	out := *f
	out.Events = nil
	return &out
}
