package workflows

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// caseClocksChange is the workflow.GetVersion change id of the case's terms from the
// melding (caseRun.caseClocks): from caseClocksFromMelding on, a term that counts from
// the melding (from: case, e.g. Wmo 2015 art. 2.3.2 lid 1, six weeks) runs from the
// moment the case exists, visible and overdue at once, until the step it is for opens
// its task; before, it only appeared when that task opened. Cases recorded before
// keep their behaviour: their histories hold no marker and replay unchanged.
const caseClocksChange = "case-clocks"

// caseClocksFromMelding is the version of caseClocksChange that starts case clocks.
const caseClocksFromMelding workflow.Version = 1

// CaseClock is a term that counts from the melding for a step the case has not reached
// yet: the term the law (or the team) sets from the day the melding came in runs
// across the steps before it. When a task of one of its steps opens, the task's own
// deadline or norm takes over, with the same end.
type CaseClock struct {
	// What is alarmDeadline or alarmNorm.
	What string `json:"what"`
	// Steps are the steps the term is for, in the definition's order: one term of the
	// law may sit on more than one step (the onderzoek, or the onderzoek alsnog).
	Steps []string `json:"steps"`
	// Law is the legal basis the term cites, "" for a norm or an internal agreement.
	Law    string       `json:"law,omitempty"`
	Within law.Duration `json:"within"`
	Due    time.Time    `json:"due"`
	// Passed: the end has passed (the case is past this term).
	Passed bool `json:"passed,omitempty"`
}

// ClockView is a term from the melding as a client shows it, beside the open tasks'.
type ClockView struct {
	// Kind is "deadline" or "norm".
	Kind  string   `json:"kind"`
	Steps []string `json:"steps"`
	// Title is the title of the first step the term is for.
	Title   string    `json:"title"`
	Law     string    `json:"law,omitempty"`
	Within  string    `json:"within"`
	Due     time.Time `json:"due"`
	Overdue bool      `json:"overdue"`
}

// startCaseClocks starts a clock for every term of a task step that counts from the
// melding; one term (same kind, law and length) on several steps is one clock. The
// term is chosen from the intake's data, as the task would choose it now.
func (c *clocks) startCaseClocks() {
	if c.caseClocks < caseClocksFromMelding {
		return
	}
	for _, s := range c.def.Steps {
		if s.Kind != definitions.KindTask {
			continue
		}
		c.addCaseClock(s.ID, alarmDeadline, s.Deadline)
		c.addCaseClock(s.ID, alarmNorm, s.Norm)
	}
}

// addCaseClock adds step's term d to the clock of the same term, or starts one.
func (c *clocks) addCaseClock(step, what string, d *definitions.Deadline) {
	if d == nil || d.From != "case" {
		return
	}
	tm := c.chooseTerm(d)
	for _, k := range c.st.Clocks {
		if k.What == what && k.Law == tm.law && k.Within == tm.within {
			k.Steps = append(k.Steps, step)
			return
		}
	}
	c.st.Clocks = append(c.st.Clocks, &CaseClock{What: what, Steps: []string{step}, Law: tm.law,
		Within: tm.within, Due: c.due(c.st.Received, tm.within)})
}

// handOver ends the case clocks of a step whose task t just opened (its hersteltermijnen
// applied): the task's clock counts the same term from now on. A term already past is
// not reported twice: the task's alarm with the same end, on a running clock, counts as
// fired (as clocks.fire, without its trail entry). An end that a hersteltermijn moved
// is the task's own, and fires as usual.
func (c *clocks) handOver(ctx workflow.Context, t *Task) {
	var left []*CaseClock
	for _, k := range c.st.Clocks {
		if !slices.Contains(k.Steps, t.Step) {
			left = append(left, k)
			continue
		}
		a := t.alarm(k.What)
		if !k.Passed || a == nil || a.Done || !a.Due.Equal(k.Due) || !t.FrozenAt.IsZero() {
			continue
		}
		a.Done = true
		if k.What == alarmDeadline {
			t.Overdue = true
			c.stops.end(ctx, t, words.RestartExpired)
		}
	}
	c.st.Clocks = left
}

// pruneCaseClocks drops the case clocks no path leads to any more: the case closed, or
// went on past every step they are for (a crisis that skips the onderzoek). A case
// that waits nowhere (stuck) keeps them: the lead routes it on.
func (c *clocks) pruneCaseClocks() {
	if len(c.st.Clocks) == 0 {
		return
	}
	if c.st.Status != StatusOpen {
		c.st.Clocks = nil
		return
	}
	active := c.activeSteps()
	if len(active) == 0 {
		return
	}
	reach := c.def.Steps.Reachable(active...)
	c.st.Clocks = slices.DeleteFunc(c.st.Clocks, func(k *CaseClock) bool {
		return !slices.ContainsFunc(k.Steps, func(s string) bool { return reach[s] })
	})
}

// earliestCaseClock is the earliest end of a case clock not yet past.
func (c *clocks) earliestCaseClock() moment {
	var m moment
	for _, k := range c.st.Clocks {
		if !k.Passed && (!m.ok || k.Due.Before(m.due)) {
			m = moment{due: k.Due, ok: true, name: func() string { return c.caseClockSummary(k) }}
		}
	}
	return m
}

// caseClockSummary names a case clock for the timeline, e.g. "deadline
// keukentafelgesprek vanaf de melding, Wmo 2015 art. 2.3.2". Ids and the law only.
func (c *clocks) caseClockSummary(k *CaseClock) string {
	s := k.What + " " + k.Steps[0] + " vanaf de melding"
	if k.Law != "" {
		s += ", " + k.Law
	}
	return s
}

// fireCaseClocks marks the case clocks whose end has come, each with a trail entry. The
// caller holds the case.
func (c *clocks) fireCaseClocks(ctx workflow.Context, now time.Time) {
	for _, k := range c.st.Clocks {
		if k.Passed || k.Due.After(now) {
			continue
		}
		k.Passed = true
		if k.What == alarmNorm {
			c.addTrail(ctx, TrailEntry{Event: EventNormPassed, Step: k.Steps[0]})
			continue
		}
		c.addTrail(ctx, TrailEntry{Event: EventDeadlinePassed, Step: k.Steps[0], Args: lawArgs(k.Law)})
		c.log(ctx, k.Steps[0], "").Info("deadline from the melding passed")
	}
}

// earliestCaseDeadline is the earliest end of a case clock's deadline, or nil.
func (c *clocks) earliestCaseDeadline() *time.Time {
	var best *time.Time
	for _, k := range c.st.Clocks {
		if k.What == alarmDeadline && (best == nil || k.Due.Before(*best)) {
			d := k.Due
			best = &d
		}
	}
	return best
}

// caseClockViews are the case clocks as the view shows them.
func (c *clocks) caseClockViews() []ClockView {
	var out []ClockView
	for _, k := range c.st.Clocks {
		title := k.Steps[0]
		if s := c.def.Steps.Step(k.Steps[0]); s != nil {
			title = stepTitle(s.ID, s.Title)
		}
		out = append(out, ClockView{Kind: k.What, Steps: slices.Clone(k.Steps), Title: title, Law: k.Law,
			Within: k.Within.String(), Due: k.Due, Overdue: k.Passed && k.What == alarmDeadline})
	}
	return out
}

// describeCaseClocks writes the deadlines from the melding to the Web UI's details, e.g.
// "**Termijn vanaf de melding**: keukentafelgesprek, 2026-12-01 (Wmo 2015 art. 2.3.2)".
func (c *clocks) describeCaseClocks(b *strings.Builder) {
	for _, k := range c.st.Clocks {
		if k.What != alarmDeadline {
			continue
		}
		fmt.Fprintf(b, "**Termijn vanaf de melding**: %s, %s", strings.Join(k.Steps, " of "), lastDay(k.Due))
		if k.Law != "" {
			fmt.Fprintf(b, " (%s)", k.Law)
		}
		if k.Passed {
			b.WriteString(" — **te laat**")
		}
		b.WriteString("\n\n")
	}
}
