package workflows

import (
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// stepKind is what one kind of step does at run time: how a step of it is entered, what
// it holds the case at while it is open, when it wakes the case, and what the run must
// know of it before it ends, continues as new or moves to another version. Each kind
// lives in its own file, kind_<kind>.go; the state it keeps is a slice of CaseState
// worked on by a small type of its own (tasks.go, kind_wait.go, children.go, handoff.go).
// Kinds without state embed stateless and write only enter.
//
// The interpreter asks every kind in registration order (definitions.Kinds), so what
// it gathers over them (details, the first reason a migration is refused, the earliest
// moment on a tie) comes out in the same order on every run.
type stepKind interface {
	// enter runs a step of this kind that the case just reached, from the step named
	// from ("" for the start step), after the entry is recorded. It leaves something
	// open (a task, a wait, a child case) or queues the next steps. The caller holds
	// the case.
	enter(ctx workflow.Context, c *caseRun, step *definitions.Step, from string)
	// holds lists the steps where open steps of this kind hold the case, for the view's
	// active steps and the search attribute WijkStep (repeats are fine).
	holds(c *caseRun) []string
	// show adds what this kind holds to the view.
	show(c *caseRun, v *CaseView)
	// describe writes what this kind holds to the Web UI's current details (Markdown,
	// one paragraph per item, ids and dates only).
	describe(c *caseRun, b *strings.Builder)
	// stalled reports whether an open step of this kind waits for a person to act (past
	// its deadline, marked stalled, a hand-off that failed).
	stalled(c *caseRun) bool
	// next is the earliest pending moment this kind must wake the case for, if any.
	next(c *caseRun) moment
	// wake handles what of this kind is due at now. The caller holds the case.
	wake(ctx workflow.Context, c *caseRun, now time.Time)
	// busy reports whether an activity of this kind is in flight: its outcome reports to
	// this run, so the run neither ends nor continues as new until it is back.
	busy(c *caseRun) bool
	// pinned reports whether the case awaits something that reports to this run only
	// (a child case, a hand-off not yet confirmed): the run does not continue as new.
	pinned(c *caseRun) bool
	// unmovable says why what this kind holds open cannot move to definition to (a
	// migration), or "".
	unmovable(c *caseRun, to *definitions.Definition) string
	// close drops what this kind holds open when an end step closes the case.
	close(ctx workflow.Context, c *caseRun)
}

// kindEntry is one registered kind.
type kindEntry struct {
	kind definitions.Kind
	run  stepKind
}

// stepKinds are the kinds this interpreter runs, in the order of definitions.Kinds; the
// run field checks at compile time that each implements stepKind.
// Adding a kind is a file kind_<kind>.go and one line here (see doc.go).
var stepKinds = []kindEntry{
	{definitions.KindTask, taskKind{}},
	{definitions.KindDecision, decisionKind{}},
	{definitions.KindWait, waitKind{}},
	{definitions.KindNotify, notifyKind{}},
	{definitions.KindReferral, referralKind{}},
	{definitions.KindParallel, parallelKind{}},
	{definitions.KindJoin, joinKind{}},
	{definitions.KindEnd, endKind{}},
}

// kindOf returns the run-time behaviour of kind k, or nil when this interpreter does
// not know it.
func kindOf(k definitions.Kind) stepKind {
	for _, e := range stepKinds {
		if e.kind == k {
			return e.run
		}
	}
	return nil
}

// stepsOf are the steps at which a kind's items (tasks, waits, child cases, hand-offs)
// hold the case, in their order: what holds answers.
func stepsOf[T any](items []T, step func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, step(it))
	}
	return out
}

// stateless is the part of stepKind a kind without state of its own shares: it holds
// nothing, wakes for nothing and never blocks the run. Embed it and write enter.
type stateless struct{}

func (stateless) holds(*caseRun) []string                            { return nil }
func (stateless) show(*caseRun, *CaseView)                           {}
func (stateless) describe(*caseRun, *strings.Builder)                {}
func (stateless) stalled(*caseRun) bool                              { return false }
func (stateless) next(*caseRun) moment                               { return moment{} }
func (stateless) wake(workflow.Context, *caseRun, time.Time)         {}
func (stateless) busy(*caseRun) bool                                 { return false }
func (stateless) pinned(*caseRun) bool                               { return false }
func (stateless) unmovable(*caseRun, *definitions.Definition) string { return "" }
func (stateless) close(workflow.Context, *caseRun)                   {}

// moment is a pending moment the case must wake for: a task's deadline, norm or
// escalation rung, or the end of a wait. name says what it is, for the timer's
// summary in the Web UI; it is built only when a timer is started.
type moment struct {
	due  time.Time
	ok   bool
	name func() string
}

// earliestMoment finds the earliest pending moment over all kinds; on a tie the one
// found first wins.
func (c *caseRun) earliestMoment() moment {
	var m moment
	for _, e := range stepKinds {
		if n := e.run.next(c); n.ok && (!m.ok || n.due.Before(m.due)) {
			m = n
		}
	}
	return m
}

// nextAlarm returns the earliest pending moment the workflow must wake for, with a
// timer summary for the Web UI's timeline. Clocks stopped by opschorting do not count.
func (c *caseRun) nextAlarm() (time.Time, string, bool) {
	m := c.earliestMoment()
	if !m.ok {
		return time.Time{}, "", false
	}
	return m.due, m.name(), true
}

// nextWake is nextAlarm without the summary: the main loop's wait condition asks it on
// every pass of the workflow's event loop, so it builds no strings.
func (c *caseRun) nextWake() (time.Time, bool) {
	m := c.earliestMoment()
	return m.due, m.ok
}

// fireDue handles everything whose time has come, kind by kind. The caller holds the
// case.
func (c *caseRun) fireDue(ctx workflow.Context) {
	now := workflow.Now(ctx)
	for _, e := range stepKinds {
		e.run.wake(ctx, c, now)
	}
}

// anyKind reports whether f holds for some kind.
func anyKind(f func(stepKind) bool) bool {
	for _, e := range stepKinds {
		if f(e.run) {
			return true
		}
	}
	return false
}
