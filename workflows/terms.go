package workflows

import (
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions/law"
)

// termsChange is the workflow.GetVersion change id of counting terms as the Awb and the
// Algemene termijnenwet do, read once at the start of each run (caseRun.terms):
//
//   - termsAwb (1): a term starts on the day after its event also when the event is at
//     00:00, as a melding received as a date is (Atw art. 1; before, such a melding's
//     own day counted); after opschorting the rest of a term counts again in whole
//     days with the Atw shift (Awb 4:15, law.Resume; before, the clock moved
//     by exactly the time it stood still, seconds and all).
//   - termsOpschorting (2): opschorting ends by itself when the last task whose clock
//     it stopped is completed (Awb 4:15 lid 1 b: the information came in); before, the
//     case stayed suspended at the next step until someone resumed it.
//   - termsNominal (3): the rest of a d or w term after opschorting counts from the
//     term's end before the Atw moved it (law.ResumeNominal); before, from the
//     moved end, which counted the Atw's extra days twice.
//
// Cases recorded before keep their counting: their histories replay unchanged.
const termsChange = "awb-terms"

// The versions of termsChange; termsVersion is the newest.
const (
	termsAwb         workflow.Version = 1
	termsOpschorting workflow.Version = 2
	termsNominal     workflow.Version = 3
	termsVersion                      = termsNominal
)

// due is the end of a term of d whose event happened at start, as this run counts.
func (c *clocks) due(start time.Time, d law.Duration) time.Time {
	if c.terms >= termsAwb {
		return law.Due(c.calendar(), start, d)
	}
	return law.DueAfterTerm(c.calendar(), start, d)
}

// alarmUnit is the unit of the term behind an alarm: recorded on the alarm, or (for an
// alarm carried from a run that did not record it) read from the step.
func (c *clocks) alarmUnit(t *Task, a *Alarm) law.Unit {
	if a.Unit != "" {
		return a.Unit
	}
	step := c.def.Steps.Step(t.Step)
	if step == nil {
		return ""
	}
	switch {
	case a.What == alarmDeadline && step.Deadline != nil:
		return step.Deadline.Within.Unit
	case a.What == alarmNorm && step.Norm != nil:
		return step.Norm.Within.Unit
	case a.What == alarmRung && a.Rung < len(step.Escalate):
		return step.Escalate[a.Rung].After.Unit
	}
	return ""
}

// endSuspensionWith ends the opschorting when the task just closed was the last one
// whose clock it stopped: what the case waited for has come in. Called while holding
// the case, after the task closed and before the next steps open, so they open with
// running clocks.
func (c *clocks) endSuspensionWith(ctx workflow.Context, t *Task, actor string) {
	if c.terms < termsOpschorting || !c.st.Suspended || t.FrozenAt.IsZero() || t.StoppedBy != "" {
		return
	}
	for _, o := range c.st.Tasks {
		if !o.FrozenAt.IsZero() && o.StoppedBy == "" {
			return
		}
	}
	c.resume(ctx, actor, t.ID)
}

// resumeAlarm moves a pending alarm of task t whose clock stood still from since to now.
func (c *clocks) resumeAlarm(t *Task, a *Alarm, since, now time.Time) {
	unit := c.alarmUnit(t, a)
	if c.terms >= termsNominal {
		a.Due, a.Nominal = law.ResumeNominal(c.calendar(), unit, a.Due, a.Nominal, since, now)
		return
	}
	a.Due = law.Resume(c.calendar(), unit, a.Due, since, now)
}
