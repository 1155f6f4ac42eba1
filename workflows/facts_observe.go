package workflows

import (
	"strconv"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
)

// observeFacts brings the case's facts record up to date with the state and the
// trail entries added since it last looked. It only changes state (no commands), so
// it runs after every change; visibility decides when the record is published.
func (c *caseRun) observeFacts(now time.Time) *Facts {
	f := c.st.Facts
	if f == nil {
		f = &Facts{Received: c.st.Received, Started: c.st.Started}
		c.st.Facts = f
	}
	f.Gemeente, f.Process, f.Team = FactID(c.def.Gemeente), FactID(c.def.Process), FactID(c.st.Team)
	// Entries dropped before a look are lost to the record; Seen counts them too.
	from := max(f.Seen-c.st.TrailDropped, 0)
	for _, e := range c.st.Trail[min(from, len(c.st.Trail)):] {
		c.observeEntry(f, e)
	}
	f.Seen = c.st.TrailDropped + len(c.st.Trail)
	c.observeTerms(f, now)
	f.Tasks = f.Tasks[:0]
	for _, t := range c.st.Tasks {
		f.Tasks = append(f.Tasks, TaskFact{Task: FactID(t.ID), Step: FactID(t.Step), Roles: factIDs(t.Roles), Opened: t.Opened})
	}
	if len(f.Tasks) == 0 {
		f.Tasks = nil
	}
	return f
}

// observeEntry counts one trail entry.
func (c *caseRun) observeEntry(f *Facts, e TrailEntry) {
	step := FactID(e.Step)
	switch e.Event {
	case EventStepEntered:
		v := StepFact{Step: step, Entered: e.At}
		if k := definitions.Kind(e.Args["kind"]); k != definitions.KindTask && k != definitions.KindWait && k != definitions.KindReferral {
			v.Left = e.At // a step that does its work on entry
		}
		f.Steps = append(f.Steps, v)
	case EventTaskCompleted, EventTaskClosed, EventTaskCancelled, EventWaitPassed, EventEventReceived,
		EventEventTimeout, EventReferralReturned, EventHandedOff, EventRoutedOn:
		leave(f, step, e.At)
	case EventCaseClosed:
		f.Closed, f.Result = e.At, FactID(e.Args["result"])
		for i := range f.Steps {
			if f.Steps[i].Left.IsZero() {
				f.Steps[i].Left = e.At
			}
		}
	case EventSuspended:
		f.Suspensions++
	case EventResumed:
		n, _ := strconv.Atoi(strings.TrimSuffix(e.Args["suspended"], string(law.Day)))
		f.SuspendedDays += n
	case EventExtended:
		f.Extensions++
	case EventEscalated:
		rung := 1
		if t := c.st.task(e.Task); t != nil && t.Level > 0 {
			rung = t.Level
		}
		for len(f.Escalations) < rung {
			f.Escalations = append(f.Escalations, 0)
		}
		f.Escalations[rung-1]++
	case EventStalled:
		f.Stalls++
	case EventStuck:
		f.Stuck++
	}
	c.observeReferral(f, e)
}

// observeReferral follows child cases and hand-offs from the trail.
func (c *caseRun) observeReferral(f *Facts, e TrailEntry) {
	switch e.Event {
	case EventReferred:
		p := ""
		if s := c.def.Steps.Step(e.Step); s != nil {
			p = s.Process
		}
		f.Referrals = append(f.Referrals, ReferralFact{Step: FactID(e.Step), Kind: ReferralCase, Provider: FactID(p), Child: FactID(e.Args["child"]), At: e.At})
	case EventReferralReturned:
		if r := lastReferral(f, ReferralCase, e.Step); r != nil {
			r.Outcome = FactID(e.Args["result"])
		}
	case EventHandoffStarted:
		f.Referrals = append(f.Referrals, ReferralFact{Step: FactID(e.Step), Kind: ReferralProvider, Provider: FactID(e.Args["provider"]), At: e.At})
	case EventHandedOff, EventHandoffFailed:
		r := lastReferral(f, ReferralProvider, e.Step)
		if r == nil { // a hand-off that was awaited in place (before async-handoff)
			f.Referrals = append(f.Referrals, ReferralFact{Step: FactID(e.Step), Kind: ReferralProvider, Provider: FactID(e.Args["provider"]), At: e.At})
			r = &f.Referrals[len(f.Referrals)-1]
		}
		r.Outcome = "handed-off"
		if e.Event == EventHandoffFailed {
			r.Outcome = "failed"
		}
	}
}

// lastReferral is the latest referral of a kind from step.
func lastReferral(f *Facts, kind FactID, step string) *ReferralFact {
	for i := len(f.Referrals) - 1; i >= 0; i-- {
		if r := &f.Referrals[i]; r.Kind == kind && r.Step == FactID(step) {
			return r
		}
	}
	return nil
}

// leave ends the latest open visit of step.
func leave(f *Facts, step FactID, at time.Time) {
	for i := len(f.Steps) - 1; i >= 0; i-- {
		if v := &f.Steps[i]; v.Step == step && v.Left.IsZero() {
			v.Left = at
			return
		}
	}
}

// observeTerms follows the deadlines and norms of the open tasks: a new one starts a
// term, its end moves with opschorting and verlenging, and a task gone ends it.
func (c *caseRun) observeTerms(f *Facts, now time.Time) {
	open := map[FactID]*Task{}
	for _, t := range c.st.Tasks {
		open[FactID(t.ID)] = t
		for _, a := range t.Alarms {
			if a.What != alarmDeadline && a.What != alarmNorm {
				continue
			}
			kind := TermNorm
			if a.What == alarmDeadline {
				kind = TermInternal
				if c.clocks.lawOf(t) != "" {
					kind = TermLegal
				}
			}
			tf := termFact(f, FactID(t.ID), kind)
			if tf == nil {
				f.Terms = append(f.Terms, TermFact{Task: FactID(t.ID), Step: FactID(t.Step), Kind: kind,
					Article: article(c.clocks.lawOf(t), kind), Start: c.termStart(t, a.What)})
				tf = &f.Terms[len(f.Terms)-1]
			}
			tf.Due, tf.Extended = a.Due, t.Extended && kind != TermNorm
			switch {
			case !t.FrozenAt.IsZero() && tf.Frozen.IsZero():
				tf.Frozen = t.FrozenAt
			case t.FrozenAt.IsZero() && !tf.Frozen.IsZero():
				n, _ := strconv.Atoi(strings.TrimSuffix(days(tf.Frozen, now), string(law.Day)))
				tf.SuspendedDays += n
				tf.Frozen = time.Time{}
			}
		}
	}
	for i := range f.Terms {
		if tf := &f.Terms[i]; tf.Ended.IsZero() && open[tf.Task] == nil {
			tf.Ended, tf.Frozen = now, time.Time{}
		}
	}
}

// termStart is where a task's term counts from, as its step says.
func (c *caseRun) termStart(t *Task, what string) time.Time {
	s := c.def.Steps.Step(t.Step)
	if s == nil {
		return t.Opened
	}
	if what == alarmDeadline && s.Deadline != nil {
		return c.clocks.origin(s.Deadline.From, t.Opened)
	}
	if what == alarmNorm && s.Norm != nil {
		return c.clocks.origin(s.Norm.From, t.Opened)
	}
	return t.Opened
}

// termFact is the task's term of a kind (a legal or internal deadline are one slot).
func termFact(f *Facts, task, kind FactID) *TermFact {
	for i := range f.Terms {
		if tf := &f.Terms[i]; tf.Task == task && (tf.Kind == kind || kind != TermNorm && tf.Kind != TermNorm) {
			return tf
		}
	}
	return nil
}

// article is the citation of a legal term as the law catalogue writes it, so that
// "Wmo 2015 art. 2.3.2" and "Wmo 2015 artikel 2.3.2" count as one.
func article(cite string, kind FactID) FactID {
	if kind != TermLegal {
		return ""
	}
	if a, ok := law.Cited(cite); ok {
		return FactID(a.Cite)
	}
	return FactID(cite)
}

// factIDs converts role ids.
func factIDs(ss []string) []FactID {
	if len(ss) == 0 {
		return nil
	}
	out := make([]FactID, len(ss))
	for i, s := range ss {
		out[i] = FactID(s)
	}
	return out
}

// eventFacts are the trail's entries as the event log shows them: ids and times.
func eventFacts(trail []TrailEntry) []EventFact {
	out := make([]EventFact, len(trail))
	for i, e := range trail {
		out[i] = EventFact{At: e.At, Event: FactID(e.Event), Step: FactID(e.Step), Task: FactID(e.Task)}
	}
	return out
}

// factsMark is what makes the record worth publishing again: a figure changes with it.
type factsMark struct {
	terms, ended, suspensions, resumed, extensions int
	tasks                                          string
	closed                                         bool
	// seen counts the trail after the close: a notification that reports after the
	// case closed still reaches the published events.
	seen int
}

// mark is f's factsMark.
func (f *Facts) mark() factsMark {
	m := factsMark{terms: len(f.Terms), suspensions: f.Suspensions, resumed: f.SuspendedDays,
		extensions: f.Extensions, closed: !f.Closed.IsZero()}
	if m.closed {
		m.seen = f.Seen
	}
	for _, t := range f.Terms {
		if !t.Ended.IsZero() {
			m.ended++
		}
	}
	ids := make([]string, len(f.Tasks))
	for i, t := range f.Tasks {
		ids[i] = string(t.Task)
	}
	m.tasks = strings.Join(ids, "\x00")
	return m
}
