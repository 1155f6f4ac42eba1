package definitions

import (
	"iter"

	"github.com/wijkflow/wijkflow/definitions/law"
)

// Definition is one gemeente's process, loaded and validated. It is plain data: it
// round-trips through JSON unchanged, because it travels as the case workflow's input.
// Steps and form fields keep the order in which the designer wrote them.
type Definition struct {
	// Gemeente is the municipality code, e.g. "dalfsen".
	Gemeente string `yaml:"gemeente" json:"gemeente" validate:"required,slug"`
	// Process is the process id, unique within the gemeente, e.g. "wijkteam".
	Process string `yaml:"process" json:"process" validate:"required,slug"`
	// Title is the human name of the process.
	Title string `yaml:"title" json:"title" validate:"required"`
	// Label is an optional human version label such as "2026-1"; the version itself is
	// the content hash.
	Label string `yaml:"version,omitempty" json:"label,omitempty"`
	// Version is the content hash of the canonical definition, set by the loader.
	Version string `yaml:"-" json:"version"`
	// File is the file the loader read it from, for messages; not part of the content
	// (nor of the snapshot a case gets).
	File string `yaml:"-" json:"-"`
	// Calendar decides what a working day is: "nl" skips weekends and Dutch public
	// holidays; "weekdays" skips only weekends. Default "nl".
	Calendar string `yaml:"calendar,omitempty" json:"calendar" validate:"omitempty,oneof=nl weekdays"`
	// Teams are the teams of the gemeente that own cases of this process.
	Teams []string `yaml:"teams" json:"teams" validate:"required,min=1,dive,slug"`
	// Roles maps a role id to its human label.
	Roles map[string]string `yaml:"roles" json:"roles" validate:"required,min=1"`
	// Lead is the role that may act on every task of its own team, e.g. "teamleider".
	Lead string `yaml:"lead,omitempty" json:"lead,omitempty"`
	// Intake is the form of the signal (melding) that starts a case.
	Intake Form `yaml:"intake,omitempty" json:"intake,omitempty"`
	// Resident names the intake fields that identify the resident and the household.
	Resident *Resident `yaml:"resident,omitempty" json:"resident,omitempty"`
	// Start is the id of the first step.
	Start string `yaml:"start" json:"start" validate:"required"`
	// Steps are the steps of the process, in the order written.
	Steps Steps `yaml:"steps" json:"steps" validate:"required,min=1"`
}

// Steps is the ordered list of steps; in YAML it is a mapping keyed by step id.
type Steps []*Step

// Step returns the step with the given id, or nil.
func (s Steps) Step(id string) *Step { return byKey(s, id) }

// byKey returns the item whose key is k (a step by its id, a field by its name), or nil.
func byKey[T interface{ key() string }](items []T, k string) T {
	var none T
	for _, it := range items {
		if it.key() == k {
			return it
		}
	}
	return none
}

func (st *Step) key() string { return st.ID }

// terms yields the step's deadline and norm, those it has, each with its key: the two
// terms whose cases and from: are checked alike.
func (st *Step) terms() iter.Seq2[string, *Deadline] {
	return func(yield func(string, *Deadline) bool) {
		if st.Deadline != nil && !yield("deadline", st.Deadline) {
			return
		}
		if st.Norm != nil {
			yield("norm", st.Norm)
		}
	}
}
func (f *Field) key() string { return f.Name }

// Step is one step of a process. Which fields apply depends on Kind.
type Step struct {
	// ID is the step's key in the steps mapping.
	ID string `yaml:"-" json:"id"`
	// Kind is what the step does.
	Kind Kind `yaml:"kind" json:"kind" validate:"required"`
	// Title is the human name of the step; defaults to the id.
	Title string `yaml:"title,omitempty" json:"title,omitempty"`
	// Description is free text for the worker or the designer.
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Function is the step's legal function (melding, onderzoek, beschikking, a step of
	// the Meldcode, …), which the validator checks the paths between steps against.
	Function Function `yaml:"function,omitempty" json:"function,omitempty"`

	// Role is the role that acts on a task.
	Role string `yaml:"role,omitempty" json:"role,omitempty"`
	// Form holds the fields a task collects.
	Form Form `yaml:"form,omitempty" json:"form,omitempty"`
	// Deadline is the task's legal term (or the main clock); passing it marks the case stalled.
	Deadline *Deadline `yaml:"deadline,omitempty" json:"deadline,omitempty"`
	// Norm is an optional service norm: a second, internal clock beside the legal term.
	Norm *Deadline `yaml:"norm,omitempty" json:"norm,omitempty"`
	// Suspendable lets opschorting (Awb 4:15) stop this task's clocks.
	Suspendable bool `yaml:"suspendable,omitempty" json:"suspendable,omitempty"`
	// Extendable is the longest extension (verlenging, Awb 4:14) the deadline may get, once.
	Extendable *law.Duration `yaml:"extendable,omitempty" json:"extendable,omitempty"`
	// Stops names steps whose clocks stand still while this task is open: a
	// hersteltermijn (Awb 4:15 lid 1 a) stops the beslistermijn by itself, until the
	// task is completed or its own deadline passes.
	Stops []string `yaml:"stops,omitempty" json:"stops,omitempty"`
	// Escalate is the escalation ladder, rungs in increasing After.
	Escalate []Rung `yaml:"escalate,omitempty" json:"escalate,omitempty" validate:"dive"`

	// For is how long a wait step waits.
	For *law.Duration `yaml:"for,omitempty" json:"for,omitempty"`
	// Until names a date field in the collected data that a wait step waits for.
	Until string `yaml:"until,omitempty" json:"until,omitempty"`
	// Event names what a wait step waits for from outside (a reply from Veilig Thuis,
	// a bezwaar, documents), delivered through POST /cases/{id}/events/{event} with
	// data checked against the step's form. With for or until, the wait ends at that
	// time without the event and goes to Timeout.
	Event string `yaml:"event,omitempty" json:"event,omitempty"`
	// Timeout is the step an event wait goes to when its for or until passes first.
	Timeout string `yaml:"timeout,omitempty" json:"timeout,omitempty"`

	// To is the role a notify step notifies.
	To string `yaml:"to,omitempty" json:"to,omitempty"`
	// Message is the text of a notify step; it must not hold personal data.
	Message string `yaml:"message,omitempty" json:"message,omitempty"`

	// Process is the process (same gemeente) a referral starts as a child case.
	Process string `yaml:"process,omitempty" json:"process,omitempty"`
	// Provider is the external provider a referral hands the case to (instead of Process).
	Provider string `yaml:"provider,omitempty" json:"provider,omitempty"`
	// Await makes the parent wait for the child case to end before going on; default true.
	Await *bool `yaml:"await,omitempty" json:"await,omitempty"`
	// Pass names the fields of the case's data that a child case gets; without it the
	// child gets the fields its own intake asks for. Never the whole data (data
	// minimisation, AVG art. 5 lid 1 onder c).
	Pass []string `yaml:"pass,omitempty" json:"pass,omitempty"`
	// Outcome names a declared field (text or choice) that receives the result of the
	// child case when it ends, so the next transitions can route on it.
	Outcome string `yaml:"outcome,omitempty" json:"outcome,omitempty"`

	// Join lists the steps that must all have arrived before a join step goes on.
	Join []string `yaml:"join,omitempty" json:"join,omitempty"`

	// Result is the outcome an end step records, e.g. "afgerond".
	Result string `yaml:"result,omitempty" json:"result,omitempty"`

	// Next are the transitions after the step. For most kinds the first whose condition
	// holds is taken; a parallel step takes every one whose condition holds.
	Next []Transition `yaml:"next,omitempty" json:"next,omitempty" validate:"dive"`
}

// Awaits reports whether a referral waits for its child case.
func (s *Step) Awaits() bool { return s.Await == nil || *s.Await }

// Transition leads to another step, optionally only when a CEL condition holds.
type Transition struct {
	// When is a CEL expression over the collected data; empty means always.
	When string `yaml:"when,omitempty" json:"when,omitempty"`
	// Goto is the id of the next step.
	Goto string `yaml:"goto" json:"goto" validate:"required"`
	// Label is an optional text for the diagram's arrow.
	Label string `yaml:"label,omitempty" json:"label,omitempty"`
}

// Deadline is a clock: a term counted from a point in the case. In YAML it is either a
// duration ("3wd", "6 weken") counted from the step's start, or a mapping.
type Deadline struct {
	// Within is the length of the term.
	Within law.Duration `yaml:"within" json:"within"`
	// From is where the term starts: "" or "step" for the step's start, "case" for the
	// case's start (the melding), the id of another step (that step's start), or a date
	// field of a form (that day, e.g. the day the aanvraag was received), or the end of a
	// wait step's for: written "<step>.end" (e.g. bezwaartermijn.end, from which the
	// decision on a bezwaar counts, Awb 7:10): the term counts from the day after.
	From string `yaml:"from,omitempty" json:"from,omitempty"`
	// Law cites the legal basis, e.g. "Wmo 2015 art. 2.3.2"; shown in the Web UI. A
	// term the validator knows (the designer guide's table) must be written as the law
	// sets it: its length, counted from where the law counts it.
	Law string `yaml:"law,omitempty" json:"law,omitempty"`
	// Cases choose another term by a condition over the data, read when the task opens:
	// the first case whose when holds gives within (and law); none: the term above.
	Cases []TermCase `yaml:"cases,omitempty" json:"cases,omitempty" validate:"dive"`
}

// TermCase is a term that applies when a condition holds, e.g. Wgs art. 4a: 3
// werkdagen in a crisis instead of 4 weken.
type TermCase struct {
	// When is a CEL condition over the data collected before the task opens.
	When string `yaml:"when" json:"when" validate:"required"`
	// Within is the length of the term in this case.
	Within law.Duration `yaml:"within" json:"within"`
	// Law cites the legal basis of this term; default the deadline's law.
	Law string `yaml:"law,omitempty" json:"law,omitempty"`
}

// Rung is one rung of an escalation ladder, counted from the same point as the deadline
// (the step's start when the step has no deadline).
type Rung struct {
	// After is when the rung fires.
	After law.Duration `yaml:"after" json:"after"`
	// Remind notifies "assignee" or a role.
	Remind string `yaml:"remind,omitempty" json:"remind,omitempty"`
	// To makes the task actionable for this role too and raises the escalation level.
	To string `yaml:"to,omitempty" json:"to,omitempty"`
	// Stalled marks the case stalled.
	Stalled bool `yaml:"stalled,omitempty" json:"stalled,omitempty"`
	// Goto closes the task and routes the case to another step (e.g. specialist care).
	Goto string `yaml:"goto,omitempty" json:"goto,omitempty"`
}

// Form is the ordered list of a form's fields; in YAML it is a mapping keyed by name.
type Form []*Field

// Field returns the field with the given name, or nil.
func (f Form) Field(name string) *Field { return byKey(f, name) }

// Field is one field of a form.
type Field struct {
	// Name is the field's key in the form mapping; also its name in expressions.
	Name string `yaml:"-" json:"name"`
	// Type is the field's type.
	Type FieldType `yaml:"type" json:"type" validate:"required"`
	// Label is the question as the worker sees it; defaults to the name.
	Label string `yaml:"label,omitempty" json:"label,omitempty"`
	// Options are the allowed values of a choice or choices field.
	Options []string `yaml:"options,omitempty" json:"options,omitempty"`
	// Required means the field must be filled in.
	Required bool `yaml:"required,omitempty" json:"required,omitempty"`
	// Rules are extra checks in validator tag syntax, e.g. "max=4000" or "gte=0,lte=120".
	Rules string `yaml:"rules,omitempty" json:"rules,omitempty"`
}
