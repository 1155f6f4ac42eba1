package workflows

import (
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// Event names a transition in a case's trail. The list is closed: Events holds every
// one, and each has a label and a detail text in the catalogue (internal/words/events.go).
type Event string

// The trail's events.
const (
	EventCaseStarted      Event = "case-started"
	EventCaseClosed       Event = "case-closed"
	EventContinuedAsNew   Event = "continued-as-new"
	EventStepEntered      Event = "step-entered"
	EventStuck            Event = "stuck"
	EventConditionError   Event = "condition-error"
	EventTaskOpened       Event = "task-opened"
	EventTaskCompleted    Event = "task-completed"
	EventTaskClaimed      Event = "task-claimed"
	EventTaskReassigned   Event = "task-reassigned"
	EventTaskClosed       Event = "task-closed"
	EventTaskCancelled    Event = "task-cancelled"
	EventDeadlinePassed   Event = "deadline-passed"
	EventNormPassed       Event = "norm-passed"
	EventEscalated        Event = "escalated"
	EventStalled          Event = "stalled"
	EventSuspended        Event = "suspended"
	EventResumed          Event = "resumed"
	EventExtended         Event = "extended"
	EventClockStopped     Event = "clock-stopped"
	EventClockRestarted   Event = "clock-restarted"
	EventTermChosen       Event = "term-chosen"
	EventTermFromMissing  Event = "term-from-missing"
	EventEventWaitUntimed Event = "event-wait-untimed"
	EventEventTimeout     Event = "event-timeout"
	EventEventReceived    Event = "event-received"
	EventWaitSkipped      Event = "wait-skipped"
	EventWaitPassed       Event = "wait-passed"
	EventJoinWaiting      Event = "join-waiting"
	EventHandoffStarted   Event = "handoff-started"
	EventHandoffFailed    Event = "handoff-failed"
	EventHandedOff        Event = "handed-off"
	EventHandoffRetried   Event = "handoff-retried"
	EventRoutedOn         Event = "routed-on"
	EventNotified         Event = "notified"
	EventNotifyFailed     Event = "notify-failed"
	EventReferred         Event = "referred"
	EventReferralReturned Event = "referral-returned"
	EventMigrated         Event = "migrated"
)

// Events lists every event of the trail.
var Events = []Event{
	EventCaseStarted, EventCaseClosed, EventContinuedAsNew, EventStepEntered, EventStuck,
	EventConditionError, EventTaskOpened, EventTaskCompleted, EventTaskClaimed,
	EventTaskReassigned, EventTaskClosed, EventTaskCancelled, EventDeadlinePassed,
	EventNormPassed, EventEscalated, EventStalled, EventSuspended, EventResumed,
	EventExtended, EventClockStopped, EventClockRestarted, EventTermChosen,
	EventTermFromMissing, EventEventWaitUntimed, EventEventTimeout, EventEventReceived,
	EventWaitSkipped, EventWaitPassed, EventJoinWaiting, EventHandoffStarted,
	EventHandoffFailed, EventHandedOff, EventHandoffRetried, EventRoutedOn, EventNotified,
	EventNotifyFailed, EventReferred, EventReferralReturned, EventMigrated,
}

// argSay is the argument that names the detail's code when an event reads differently
// by case (words.StuckNoTransition, words.NotifiedRemind, …); without it the detail is
// the event's own, "event.<name>.detail".
const argSay = "say"

// Label is the event's name as people read it: "Opgeschaald".
func (e Event) Label() words.Message { return words.Msg(words.Code("event." + string(e))) }

// detailCode is the code of the event's own detail text.
func (e Event) detailCode() words.Code { return words.Code("event." + string(e) + ".detail") }

// Label is the entry's event as people read it.
func (e TrailEntry) Label() words.Message { return e.Event.Label() }

// Say is what the entry says happened, with its arguments: "Opgeschaald naar
// teamleider", "Termijn verlengd met 2 weken: <reason>". Detail, free text such as a
// worker's reason, is the argument detail. An entry written before entries had
// arguments says its stored detail as it is.
func (e TrailEntry) Say() words.Message {
	code := e.Event.detailCode()
	if say := e.Args[argSay]; say != "" {
		code = words.Code(say)
	}
	if len(e.Args) == 0 && e.Detail != "" {
		if t, _ := words.Lookup(code); slices.ContainsFunc(words.Params(t.EN), func(p string) bool { return p != "detail" }) {
			code = words.Verbatim
		}
	}
	args := maps.Clone(e.Args)
	delete(args, argSay)
	if e.Detail != "" {
		if args == nil {
			args = map[string]string{}
		}
		args["detail"] = e.Detail
	}
	return words.Message{Code: code, Args: args}
}

// say is the value of argSay that makes an entry read as code.
func say(code words.Code) string { return string(code) }

// args builds an entry's arguments from name, value pairs.
func args(nameValues ...string) map[string]string { return words.Msg("", nameValues...).Args }

// days is how long from since to until lasted in whole calendar days in the Netherlands,
// as people count a suspension: "3d", read "3 dagen".
func days(since, until time.Time) string {
	y1, m1, d1 := since.In(law.Amsterdam()).Date()
	y2, m2, d2 := until.In(law.Amsterdam()).Date()
	n := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour)
	return strconv.Itoa(int(n)) + string(law.Day)
}

// sayArgs are the arguments of an entry that says m: its code and m's arguments.
func sayArgs(m words.Message) map[string]string {
	a := maps.Clone(m.Args)
	if a == nil {
		a = map[string]string{}
	}
	a[argSay] = say(m.Code)
	return a
}

// lawArgs are a passed deadline's arguments: its legal basis, when it has one.
func lawArgs(law string) map[string]string {
	if law == "" {
		return nil
	}
	return args(argSay, say(words.DeadlinePassedLaw), "law", law)
}

// assigneeArgs name the new assignee, or say that nobody holds the task now.
func assigneeArgs(assignee string) map[string]string {
	if assignee == "" {
		return args(argSay, say(words.TaskUnassigned))
	}
	return args("assignee", assignee)
}

// notifyArgs are a notification's arguments: whom it went to, and what it was, with
// the text for a reminder and for an escalation notice.
func notifyArgs(in activities.NotifyInput, remind, escalate words.Code) map[string]string {
	a := args("kind", in.Kind, "role", in.To)
	switch in.Kind {
	case "remind":
		a[argSay] = say(remind)
	case "escalate":
		a[argSay] = say(escalate)
	}
	return a
}

// termChosen is the text of a chosen term: with or without its law, by a case or by
// none.
func termChosen(law, when bool) words.Code {
	switch {
	case law && when:
		return words.TermChosenWhen
	case law:
		return EventTermChosen.detailCode()
	case when:
		return words.TermChosenWhenNoLaw
	}
	return words.TermChosenNoLaw
}
