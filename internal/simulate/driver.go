package simulate

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/testsuite"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/workflows"
)

// check looks at the case and its child cases: every task not seen before gets its
// answer scheduled (the next one the scenario has for that step), and its deadline is
// noted.
func (s *sim) check() {
	s.visit(s.root)
}

func (s *sim) visit(id string) {
	v, ok := s.query(id)
	if !ok {
		return
	}
	for _, t := range v.Tasks {
		key := id + "/" + t.ID
		if t.Deadline != nil {
			s.due[key] = Deadline{Task: t.ID, Law: t.Law, Due: *t.Deadline, Met: true, Open: true}
		}
		if s.seen[key] {
			continue
		}
		s.seen[key] = true
		s.schedule(id, v, t)
	}
	s.events(id, v)
	for _, child := range v.Children {
		s.visit(child)
	}
}

// events schedules the event a newly begun event wait receives, if the scenario has one.
func (s *sim) events(id string, v workflows.CaseView) {
	process := ""
	def := s.def
	if id != s.root {
		process, def = v.Process, s.related[v.Process]
	}
	if def == nil {
		return
	}
	for _, stepID := range v.ActiveSteps {
		st := def.Steps.Step(stepID)
		if st == nil || st.Kind != definitions.KindWait || st.Event == "" {
			continue
		}
		began, n := time.Time{}, 0 // the wait's latest start, and how many starts
		for _, e := range v.Trail {
			if e.Event == workflows.EventStepEntered && e.Step == stepID {
				began, n = e.At, n+1
			}
		}
		key := fmt.Sprintf("%s/wait/%s/%d", id, stepID, n)
		if began.IsZero() || s.seen[key] {
			continue
		}
		s.seen[key] = true
		a := s.next(process, "event:"+st.Event, func(a *Answer) bool { return a.Event == st.Event })
		if a == nil {
			continue
		}
		delay := max(answerAt(def.Calendar, began, a.After).Sub(s.env.Now()), 0)
		actor := workflows.Actor{UserID: "simulatie", Gemeente: v.Gemeente, Teams: []string{v.Team}, Roles: []string{def.Lead}}
		req := workflows.EventRequest{Actor: actor, Event: st.Event, Data: a.Data}
		what := "event " + st.Event
		s.env.RegisterDelayedCallback(func() { s.send(a, id, workflows.UpdateEvent, "sim-"+key, what, req, nil) }, delay)
	}
}

// suspension schedules the opschorting the scenario has for a newly opened task: the
// case is suspended after a.After and resumed a.Suspend later, by the same worker.
func (s *sim) suspension(id string, v workflows.CaseView, t workflows.TaskView, process string) {
	a := s.next(process, "suspend:"+t.Step, func(a *Answer) bool { return a.Suspend != nil && a.Step == t.Step })
	if a == nil {
		return
	}
	actor := workflows.Actor{UserID: "simulatie", Gemeente: v.Gemeente, Teams: []string{v.Team},
		Roles: append(slices.Clone(t.Roles), s.def.Lead)}
	at := answerAt(s.def.Calendar, t.Opened, a.After)
	what := "opschorting at " + t.ID
	s.env.RegisterDelayedCallback(func() {
		req := workflows.SuspendRequest{Actor: actor, Reason: "simulatie: wacht op gegevens van de inwoner"}
		s.send(a, id, workflows.UpdateSuspend, "sim-suspend-"+id+"-"+t.ID, what, req, func() {
			now := s.env.Now()
			s.env.RegisterDelayedCallback(func() {
				s.send(a, id, workflows.UpdateResume, "sim-resume-"+id+"-"+t.ID, "resume at "+t.ID, workflows.ResumeRequest{Actor: actor}, nil)
			}, answerAt(s.def.Calendar, now, *a.Suspend).Sub(now))
		})
	}, max(at.Sub(s.env.Now()), 0))
}

// send delivers answer a as one update; a refusal is reported, and the case looked at
// again. An answer counts as given once the case accepted it (not when the case ended
// before its time came).
func (s *sim) send(a *Answer, id, update, updateID, what string, req any, then func()) {
	cb := &testsuite.TestUpdateCallback{
		OnAccept: func() {},
		OnReject: func(err error) { s.refusedAnswers[a] = true; s.refused(what, err) },
		OnComplete: func(_ any, err error) {
			if err != nil {
				s.refusedAnswers[a] = true
				s.refused(what, err)
			} else {
				s.given[a] = true
				if then != nil {
					then()
				}
			}
			s.check()
		},
	}
	if err := s.env.UpdateWorkflowByID(id, update, updateID, cb, req); err != nil {
		s.refused(what, err)
	}
}

// query reads one case's view and keeps it; ok is false once the case has ended and
// the environment no longer answers for it.
func (s *sim) query(id string) (workflows.CaseView, bool) {
	val, err := s.env.QueryWorkflowByID(id, workflows.QueryCase)
	if err != nil {
		return workflows.CaseView{}, false
	}
	var v workflows.CaseView
	if err := val.Get(&v); err != nil {
		return workflows.CaseView{}, false
	}
	if _, known := s.views[id]; !known {
		s.order = append(s.order, id)
	}
	s.views[id] = v
	return v, true
}

// schedule arranges the answer of a newly opened task, if the scenario has one.
func (s *sim) schedule(id string, v workflows.CaseView, t workflows.TaskView) {
	process := ""
	if id != s.root {
		process = v.Process
	}
	s.suspension(id, v, t, process)
	a := s.next(process, t.Step, func(a *Answer) bool { return a.Event == "" && a.Suspend == nil && a.Step == t.Step })
	if a == nil {
		return
	}
	delay := max(answerAt(s.def.Calendar, t.Opened, a.After).Sub(s.env.Now()), 0)
	actor := workflows.Actor{UserID: "simulatie", Gemeente: v.Gemeente, Teams: []string{v.Team},
		Roles: append(slices.Clone(t.Roles), s.def.Lead)}
	req := workflows.CompleteRequest{Actor: actor, TaskID: t.ID, Data: a.Data}
	s.env.RegisterDelayedCallback(func() { s.send(a, id, workflows.UpdateComplete, "sim-"+id+"-"+t.ID, t.ID, req, nil) }, delay)
}

func (s *sim) refused(what string, err error) {
	s.probs = append(s.probs, fmt.Sprintf("the answer to %s was refused: %v", what, err))
}

// answerAt is when an answer given after d comes: at the same time of day as the task
// opened, d later; working days skip weekends and holidays as the calendar says. (A term
// ends at the end of a day; a worker answers during one.)
func answerAt(calendar string, opened time.Time, d law.Duration) time.Time {
	if _, fixed := d.Fixed(); fixed {
		return law.Due(calendar, opened, d)
	}
	ams := law.Amsterdam()
	end := law.Due(calendar, opened, d).In(ams).Add(-time.Nanosecond) // the term's last day
	o := opened.In(ams)
	y, m, day := end.Date()
	return time.Date(y, m, day, o.Hour(), o.Minute(), o.Second(), 0, ams)
}

// next takes the next unused answer of process that matches (counted under key), or nil.
func (s *sim) next(process, key string, match func(*Answer) bool) *Answer {
	key = process + "/" + key
	n := 0
	for _, a := range s.c.Answers {
		if a.Process != process || !match(a) {
			continue
		}
		if n == s.used[key] {
			s.used[key]++
			return a
		}
		n++
	}
	return nil
}

// final reads every case once more after the run, so the views include the end.
func (s *sim) final() {
	for _, id := range slices.Clone(s.order) {
		s.query(id)
	}
}

// results turns what the driver saw into one result per case, the sample case first.
func (s *sim) results(stopped bool, until law.Duration) []Result {
	var out []Result
	for _, id := range s.order {
		v := s.views[id]
		r := Result{Case: s.c.Name}
		if id != s.root {
			r.Case += " › " + v.Process
		}
		start := v.Started
		for _, e := range v.Trail {
			at := "+" + since(start, e.At)
			switch e.Event {
			case workflows.EventStepEntered:
				r.Path = append(r.Path, e.Step)
			case workflows.EventEscalated:
				r.Escalations = append(r.Escalations, at+" "+e.Task+" "+e.Say().String())
				r.note(start, e, words.SimEscalate)
			case workflows.EventNotified:
				if e.Args["kind"] == "remind" {
					r.Escalations = append(r.Escalations, at+" "+e.Task+" "+e.Say().String())
					r.note(start, e, words.SimRemind)
				}
			case workflows.EventStalled:
				r.Escalations = append(r.Escalations, at+" "+e.Task+" "+e.Label().String())
				r.note(start, e, words.SimStalled)
			case workflows.EventSuspended:
				r.Escalations = append(r.Escalations, at+" "+e.Label().String())
				r.note(start, e, words.SimSuspended)
			case workflows.EventResumed:
				r.Escalations = append(r.Escalations, at+" "+e.Label().String())
				r.note(start, e, words.SimResumed)
			case workflows.EventDeadlinePassed:
				key := id + "/" + e.Task
				d := s.due[key]
				d.Met = false
				s.due[key] = d
			case workflows.EventTaskCompleted, workflows.EventTaskClosed, workflows.EventTaskCancelled:
				key := id + "/" + e.Task
				if d, ok := s.due[key]; ok {
					d.Open = false
					d.Closed = e.At
					s.due[key] = d
				}
			}
		}
		for _, key := range slices.Sorted(maps.Keys(s.due)) {
			if strings.HasPrefix(key, id+"/") {
				r.Deadlines = append(r.Deadlines, s.due[key])
			}
		}
		slices.SortStableFunc(r.Deadlines, func(a, b Deadline) int { return a.Due.Compare(b.Due) })
		switch {
		case v.Status == workflows.StatusClosed:
			r.End = fmt.Sprintf("%s at %s after %s", v.Result, lastStep(r.Path), since(start, *v.Closed))
			r.Ending = words.Msg(words.SimClosed, "result", v.Result, "step", lastStep(r.Path), "took", since(start, *v.Closed))
		case slices.ContainsFunc(v.Trail, func(e workflows.TrailEntry) bool { return e.Event == workflows.EventStuck }):
			r.End = "stuck at " + strings.Join(v.ActiveSteps, ", ")
			r.Ending = words.Msg(words.SimStuck, "steps", strings.Join(v.ActiveSteps, ","))
		case stopped:
			r.End = fmt.Sprintf("open after %s at %s", until, strings.Join(v.ActiveSteps, ", "))
			r.Ending = words.Msg(words.SimStopped, "until", until.String(), "steps", strings.Join(v.ActiveSteps, ","))
		default:
			r.End = "open at " + strings.Join(v.ActiveSteps, ", ")
			r.Ending = words.Msg(words.SimStillOpen, "steps", strings.Join(v.ActiveSteps, ","))
		}
		if id == s.root {
			r.Problems = append(r.Problems, s.probs...)
			for _, a := range s.c.Answers {
				switch {
				case s.given[a], s.refusedAnswers[a]:
				case a.Event != "":
					r.Problems = append(r.Problems, fmt.Sprintf("the event %s (line %d) was never delivered: nothing waited for it then", a.Event, a.line))
				default:
					r.Problems = append(r.Problems, fmt.Sprintf("the answer to %s (line %d) was never used: no such task was open then", a.Step, a.line))
				}
			}
			if s.c.Expect != "" && (v.Status != workflows.StatusClosed || lastStep(r.Path) != s.c.Expect) {
				r.Problems = append(r.Problems, "expected to end at "+s.c.Expect)
			}
		}
		out = append(out, r)
	}
	return out
}

// note adds what a trail entry said to the report's notes, as code says it.
func (r *Result) note(start time.Time, e workflows.TrailEntry, code words.Code) {
	r.Notes = append(r.Notes, Note{After: since(start, e.At), Say: words.Msg(code, "role", e.Args["role"], "task", e.Task)})
}

func lastStep(path []string) string {
	if len(path) == 0 {
		return ""
	}
	return path[len(path)-1]
}

// since renders the time from start to t in days (and hours when under two days).
func since(start, t time.Time) string {
	d := t.Sub(start)
	if d < 48*time.Hour {
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}
