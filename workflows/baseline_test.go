package workflows

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// The hand-written baseline: the Dalfsen wijkteam process written directly as a Temporal
// workflow, the way a team would without an interpreter, for BenchmarkDalfsenPath. It
// keeps the contract the task API relies on (the complete update with its validator and
// the CaseView answer showing the next tasks, the case query, the same search attributes
// and memo, timers for deadlines and escalation, the notify activity), but routes in Go
// instead of CEL and hard-codes the steps and clocks. The forms (field lists the API
// renders) come from the shipped YAML at registration, to avoid copying 30 fields.
// Branches off the benchmark path (Meldcode and specialist referrals) are not written
// out; reaching one ends the baseline with an error.

// hwName is the baseline's workflow type.
const hwName = "HandwrittenDalfsen"

// hwInput starts a baseline case: no definition snapshot, the process is the code.
type hwInput struct {
	CaseID   string         `json:"caseId"`
	Team     string         `json:"team"`
	Data     map[string]any `json:"data"`
	Received time.Time      `json:"received"`
}

// hwRung is a rung of a task's escalation ladder.
type hwRung struct {
	after   law.Duration
	remind  string // "assignee" or a role
	to      string // escalate to this role
	stalled bool
	skip    bool // close the task and go on without it
}

// hwStep is a task step, hand-coded.
type hwStep struct {
	id, title, role, law string
	deadline             law.Duration
	fromCase             bool // the deadline and ladder count from the melding
	norm                 *law.Duration
	rungs                []hwRung
}

func hwWD(n int) law.Duration {
	return law.Duration{N: n, Unit: law.WorkingDay}
}
func hwDays(n int) law.Duration  { return law.Duration{N: n, Unit: law.Day} }
func hwWeeks(n int) law.Duration { return law.Duration{N: n, Unit: law.Week} }

var (
	hwMelding         = hwStep{id: "melding", title: "Melding registreren en triëren", role: "wijkcoach", deadline: hwWD(3)}
	hwPersoonlijkPlan = hwStep{id: "persoonlijk-plan", title: "Persoonlijk plan van de inwoner", role: "wijkcoach",
		deadline: hwDays(7), fromCase: true, law: "Wmo 2015 art. 2.3.2 lid 2", rungs: []hwRung{{after: hwDays(7), skip: true}}}
	hwKeukentafel = hwStep{id: "keukentafelgesprek", title: "Keukentafelgesprek (onderzoek)", role: "wijkcoach",
		deadline: hwWeeks(6), fromCase: true, law: "Wmo 2015 art. 2.3.2", norm: &[]law.Duration{hwWeeks(3)}[0],
		rungs: []hwRung{{after: hwWeeks(4), remind: "assignee"}, {after: hwWeeks(5), remind: "teamleider"}, {after: hwWeeks(6), to: "teamleider", stalled: true}}}
	hwBijdrageWmo   = hwStep{id: "bijdrage-wmo", title: "Bijdrage Wmo aan het plan", role: "wijkcoach", deadline: hwWD(10)}
	hwBijdrageJeugd = hwStep{id: "bijdrage-jeugd", title: "Bijdrage jeugd aan het plan", role: "jeugdconsulent", deadline: hwWD(10)}
	hwPlan          = hwStep{id: "plan", title: "Plan vaststellen", role: "wijkcoach", deadline: hwWeeks(2)}
	hwAanvraag      = hwStep{id: "aanvraag", title: "Aanvraag beoordelen en beschikken", role: "wmo_consulent",
		deadline: hwWeeks(2), law: "Wmo 2015 art. 2.3.5",
		rungs: []hwRung{{after: hwWD(8), remind: "assignee"}, {after: hwWeeks(2), to: "teamleider", stalled: true}}}
	hwEvaluatie = hwStep{id: "evaluatie", title: "Evaluatie", role: "wijkcoach", deadline: hwWD(10),
		rungs: []hwRung{{after: hwWD(10), remind: "teamleider", stalled: true}}}
)

// hwTask is an open task of the baseline.
type hwTask struct {
	id, step string
	roles    []string
	assignee string
	opened   time.Time
	deadline time.Time
	norm     *time.Time
	overdue  bool
	stalled  bool
	level    int
	done     bool
}

// hwWorkflow is the baseline, registered as a method value so its forms come with it.
type hwWorkflow struct {
	forms map[string]definitions.Form
}

// hwCase is one run of the baseline.
type hwCase struct {
	wf      *hwWorkflow
	in      hwInput
	started time.Time
	data    map[string]any
	tasks   []*hwTask
	seq     map[string]int
	trail   []TrailEntry
	level   int
	status  string
	result  string
	end     string
	closed  *time.Time
	// moving is set by the update handler when it completed a task, and cleared by the
	// main flow once it waits again; the handler answers then, showing the next tasks.
	moving bool
	// sa and memo are what was last published, to upsert only changes.
	sa   map[string]any
	memo []TaskSummary
}

// run is the workflow function.
func (wf *hwWorkflow) run(ctx workflow.Context, in hwInput) (CaseResult, error) {
	h := &hwCase{wf: wf, in: in, started: workflow.Now(ctx), data: map[string]any{}, seq: map[string]int{},
		status: StatusOpen, sa: map[string]any{}}
	for _, k := range workflow.DeterministicKeys(in.Data) {
		h.data[k] = in.Data[k]
	}
	if h.in.Received.IsZero() {
		h.in.Received = h.started
	}
	if err := workflow.SetQueryHandler(ctx, QueryCase, func() (CaseView, error) { return h.view(), nil }); err != nil {
		return CaseResult{}, err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, UpdateComplete, h.complete,
		workflow.UpdateHandlerOptions{Validator: h.validate}); err != nil {
		return CaseResult{}, err
	}
	h.addTrail(ctx, "case-started", "", "", "")
	if err := h.process(ctx); err != nil {
		return CaseResult{}, err
	}
	if err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) }); err != nil {
		return CaseResult{}, err
	}
	return CaseResult{Result: h.result, Step: h.end}, nil
}

// process is the Dalfsen process itself.
func (h *hwCase) process(ctx workflow.Context) error {
	h.task(ctx, hwMelding)
	switch {
	case h.data["veiligheidsrisico"] == "hoog":
		return h.offPath("meldcode-bij-melding")
	case h.data["urgentie"] != "crisis":
		if t := h.task(ctx, hwPersoonlijkPlan); !t.done {
			h.addTrail(ctx, "task-closed", t.step, t.id, "escalation to keukentafelgesprek")
		}
		h.task(ctx, hwKeukentafel)
		switch {
		case h.data["veiligheidsrisico"] == "hoog":
			return h.offPath("meldcode-bij-melding")
		case h.data["eigen_kracht_toereikend"] == true:
			h.close(ctx, "afgerond-eigen-kracht", "eigen_kracht")
			return nil
		}
	}
	for { // plan-route
		if h.data["jeugdige_betrokken"] == true {
			h.parallel(ctx, hwBijdrageWmo, hwBijdrageJeugd)
		}
		h.task(ctx, hwPlan)
		if h.data["aanvraag_maatwerk"] == true {
			h.task(ctx, hwAanvraag)
		}
		if err := h.waitUntil(ctx, "uitvoering", h.data["evaluatiedatum"]); err != nil {
			return err
		}
		h.notify(ctx, activities.NotifyInput{Step: "evaluatie-aankondigen", Kind: "notify", To: "wijkcoach",
			Message: "Een plan bereikt zijn evaluatiedatum. Plan het evaluatiegesprek met de inwoner."},
			"melding evaluatie-aankondigen aan wijkcoach")
		h.task(ctx, hwEvaluatie)
		switch {
		case h.data["veiligheidsrisico"] == "hoog":
			return h.offPath("meldcode-na-evaluatie")
		case h.data["specialistische_jeugdhulp_nodig"] == true:
			return h.offPath("specialistische-jeugdhulp")
		case h.data["doelen_behaald"] == "ja":
			h.close(ctx, "afgesloten", "afgerond")
			return nil
		}
	}
}

func (h *hwCase) offPath(step string) error {
	return temporal.NewNonRetryableApplicationError("the baseline does not cover step "+step, "OffPath", nil)
}

// task opens a task and waits until it is completed or its ladder skips it.
func (h *hwCase) task(ctx workflow.Context, s hwStep) *hwTask {
	t := h.open(ctx, s)
	h.settle(ctx)
	h.await(ctx, s, t)
	return t
}

// parallel opens tasks at once and waits for all of them (the join).
func (h *hwCase) parallel(ctx workflow.Context, steps ...hwStep) {
	ts := make([]*hwTask, len(steps))
	for i, s := range steps {
		ts[i] = h.open(ctx, s)
	}
	h.settle(ctx)
	left := len(steps)
	for i, s := range steps {
		workflow.Go(ctx, func(ctx workflow.Context) {
			h.await(ctx, s, ts[i])
			if left--; left > 0 {
				h.settle(ctx) // the others still wait: this branch's answer is ready
			}
		})
	}
	_ = workflow.Await(ctx, func() bool { return left == 0 })
}

// open adds a task with its clocks.
func (h *hwCase) open(ctx workflow.Context, s hwStep) *hwTask {
	now := workflow.Now(ctx)
	h.seq[s.id]++
	origin := now
	if s.fromCase {
		origin = h.in.Received
	}
	t := &hwTask{id: s.id + "-" + strconv.Itoa(h.seq[s.id]), step: s.id, roles: []string{s.role}, opened: now,
		deadline: law.Due("nl", origin, s.deadline)}
	if s.norm != nil {
		n := law.Due("nl", h.in.Received, *s.norm)
		t.norm = &n
	}
	h.tasks = append(h.tasks, t)
	h.addTrail(ctx, "task-opened", s.id, t.id, "")
	return t
}

// hwAlarm is a moment on a task's clock: the deadline (rung -1), the norm (-2) or a rung.
type hwAlarm struct {
	due  time.Time
	rung int
}

// await sleeps from alarm to alarm of the task's clock until the task is done.
func (h *hwCase) await(ctx workflow.Context, s hwStep, t *hwTask) {
	alarms := []hwAlarm{{t.deadline, -1}}
	if t.norm != nil {
		alarms = append(alarms, hwAlarm{*t.norm, -2})
	}
	origin := t.opened
	if s.fromCase {
		origin = h.in.Received
	}
	for i, r := range s.rungs {
		alarms = append(alarms, hwAlarm{law.Due("nl", origin, r.after), i})
	}
	slices.SortStableFunc(alarms, func(a, b hwAlarm) int { return a.due.Compare(b.due) })
	for _, a := range alarms {
		if d := a.due.Sub(workflow.Now(ctx)); d > 0 {
			// Cancelled explicitly: AwaitWithOptions would leave the timer running.
			tctx, cancel := workflow.WithCancel(ctx)
			timer := workflow.NewTimerWithOptions(tctx, d, workflow.TimerOptions{Summary: "deadline " + s.id})
			_ = workflow.Await(ctx, func() bool { return t.done || timer.IsReady() })
			if t.done {
				cancel()
				return
			}
		}
		if t.done {
			return
		}
		h.moving = true
		if h.fire(ctx, s, t, a) {
			h.settle(ctx)
			return
		}
		h.settle(ctx)
	}
	_ = workflow.Await(ctx, func() bool { return t.done })
}

// fire handles one alarm; it reports whether the task was closed by its ladder.
func (h *hwCase) fire(ctx workflow.Context, s hwStep, t *hwTask, a hwAlarm) bool {
	switch a.rung {
	case -1:
		t.overdue = true
		h.addTrail(ctx, "deadline-passed", s.id, t.id, s.law)
		return false
	case -2:
		h.addTrail(ctx, "norm-passed", s.id, t.id, "")
		return false
	}
	r := s.rungs[a.rung]
	if r.remind != "" {
		to := r.remind
		if to == "assignee" && t.assignee == "" {
			to = s.role
		}
		h.notify(ctx, activities.NotifyInput{Step: s.id, TaskID: t.id, Kind: "remind", To: to, Assignee: t.assignee}, "herinnering "+t.id)
	}
	if r.to != "" {
		t.roles = append(t.roles, r.to)
		t.level++
		h.level = max(h.level, t.level)
		h.addTrail(ctx, "escalated", s.id, t.id, "to "+r.to)
		h.notify(ctx, activities.NotifyInput{Step: s.id, TaskID: t.id, Kind: "escalate", To: r.to}, "escalatie "+t.id)
	}
	t.stalled = t.stalled || r.stalled
	if r.skip {
		h.closeTask(t)
		return true
	}
	return false
}

// waitUntil sleeps until the date in a data field (00:00 Amsterdam); past dates pass.
func (h *hwCase) waitUntil(ctx workflow.Context, step string, v any) error {
	s, _ := v.(string)
	due, err := time.ParseInLocation(time.DateOnly, s, amsterdam)
	if err != nil {
		return temporal.NewNonRetryableApplicationError(step+": no date to wait for", ErrInvalid, nil)
	}
	if d := due.Sub(workflow.Now(ctx)); d > 0 {
		h.settle(ctx)
		if err := workflow.NewTimerWithOptions(ctx, d, workflow.TimerOptions{Summary: "wacht " + step}).Get(ctx, nil); err != nil {
			return err
		}
	}
	h.addTrail(ctx, "wait-passed", step, "", "")
	return nil
}

// notify runs the Notify activity; a failure goes into the trail, the case goes on.
func (h *hwCase) notify(ctx workflow.Context, in activities.NotifyInput, summary string) {
	in.CaseID, in.Gemeente, in.Process, in.Team = h.in.CaseID, "dalfsen", "wijkteam", h.in.Team
	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		Summary:             summary,
		RetryPolicy: &temporal.RetryPolicy{InitialInterval: 5 * time.Second, MaximumInterval: 10 * time.Minute,
			MaximumAttempts: 10, NonRetryableErrorTypes: []string{activities.ErrRejected, activities.ErrBadInput}},
	})
	event := "notified"
	if err := workflow.ExecuteActivity(actx, activities.NotifyName, in).Get(ctx, nil); err != nil {
		event = "notify-failed"
	}
	h.addTrail(ctx, event, in.Step, in.TaskID, in.Kind+" to "+in.To)
}

// close ends the case.
func (h *hwCase) close(ctx workflow.Context, step, result string) {
	now := workflow.Now(ctx)
	h.status, h.result, h.end, h.closed = StatusClosed, result, step, &now
	h.tasks = nil
	h.addTrail(ctx, "case-closed", step, "", result)
	h.settle(ctx)
}

// settle publishes the state and lets a waiting update handler answer.
func (h *hwCase) settle(ctx workflow.Context) {
	h.publish(ctx)
	h.moving = false
}

func (h *hwCase) addTrail(ctx workflow.Context, event, step, task, detail string) {
	h.trail = append(h.trail, TrailEntry{At: workflow.Now(ctx), Event: Event(event), Step: step, Task: task, Detail: detail})
}

func (h *hwCase) openTask(id string) *hwTask {
	for _, t := range h.tasks {
		if t.id == id {
			return t
		}
	}
	return nil
}

func (h *hwCase) closeTask(t *hwTask) {
	h.tasks = slices.DeleteFunc(h.tasks, func(o *hwTask) bool { return o == t })
}

// validate accepts a completion only for an open task, by a team member with its role
// (or the teamleider), with data that fits the form; rejections leave no history.
func (h *hwCase) validate(_ workflow.Context, req CompleteRequest) error {
	t := h.openTask(req.TaskID)
	if h.status != StatusOpen || t == nil {
		return notOpen(words.Msg(words.RefuseTaskNotOpen, "task", req.TaskID))
	}
	a := req.Actor
	if a.Gemeente != "dalfsen" || !slices.Contains(a.Teams, h.in.Team) {
		return forbidden(words.Msg(words.RefuseOtherTeam, "team", h.in.Team))
	}
	lead := slices.Contains(a.Roles, "teamleider")
	if !lead && !slices.ContainsFunc(t.roles, func(r string) bool { return slices.Contains(a.Roles, r) }) {
		return forbidden(words.Msg(words.RefuseRole, "task", t.id, "roles", strings.Join(t.roles, ",")))
	}
	if t.assignee != "" && t.assignee != a.UserID && !lead {
		return forbidden(words.Msg(words.RefuseClaimed, "task", t.id))
	}
	if probs := definitions.CheckData(h.wf.forms[t.step], req.Data); len(probs) > 0 {
		errs := make([]FieldError, len(probs))
		for i, p := range probs {
			errs[i] = FieldError{Field: p.Field, Message: p.Message}
		}
		return invalid(errs)
	}
	return nil
}

// complete closes the task with its data, then waits until the case has moved on.
func (h *hwCase) complete(ctx workflow.Context, req CompleteRequest) (CaseView, error) {
	if err := h.validate(ctx, req); err != nil {
		return CaseView{}, err
	}
	t := h.openTask(req.TaskID)
	for _, k := range workflow.DeterministicKeys(req.Data) {
		h.data[k] = req.Data[k]
	}
	h.closeTask(t)
	t.done, h.moving = true, true
	h.addTrail(ctx, "task-completed", t.step, t.id, "")
	workflow.GetLogger(ctx).Info("task completed", "case", h.in.CaseID, "step", t.step, "task", t.id)
	if err := workflow.Await(ctx, func() bool { return !h.moving }); err != nil {
		return CaseView{}, err
	}
	return h.view(), nil
}
