package workflows

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// caseRun is one run of the case workflow: the input, the state, what is derived from
// them (compiled conditions), and the lock and queue through which the case advances.
// Only st is carried across continue-as-new; everything else is rebuilt from the input.
type caseRun struct {
	in   CaseInput
	def  *definitions.Definition
	st   *CaseState
	cond *definitions.Conditions

	// queue holds steps that were reached but not yet entered.
	queue []arrival
	// lock is held while one coroutine (a handler or the main loop) advances the case;
	// others wait for it, so two of them never route the same state at once. The SDK's
	// mutex waits through the same condition mechanism as Await: no history events.
	lock workflow.Mutex
	// rev counts the times the case was held (advance): the state only changes then.
	rev int
	// begun is set once the start step was entered (or the run continued a case).
	begun bool
	// terms is the version of term counting and opschorting this run follows (terms.go).
	terms workflow.Version
	// caseClocks is the version of the terms from the melding (clocks_case.go), and
	// escalation that of the escalation level's reset (escalation.go).
	caseClocks, escalation workflow.Version
	// listMemo is the version of the memo's list rows (listmemo.go).
	listMemo workflow.Version
	// bundled: the run took the versions above, the facts' and the close's from one
	// marker (runversions.go).
	bundled bool

	// The concerns of a case: each a small type with the methods for its part of the
	// state, used by the step kinds (kinds.go). Each holds the run, as they read the
	// definition and the state and record in one trail; wire sets them.
	tasks     taskList
	clocks    clocks
	stops     stops
	waits     waits
	children  children
	handoffs  handoffs
	notes     notifier
	vis       visibility
	checks    guard
	handlers  handlers
	migration migration
}

// wire points the run's concerns at it.
func (c *caseRun) wire() *caseRun {
	c.tasks = taskList{c}
	c.clocks = clocks{c}
	c.stops = stops{c}
	c.waits = waits{c}
	c.children = children{c}
	c.handoffs = handoffs{caseRun: c}
	c.notes = notifier{caseRun: c}
	c.vis = visibility{caseRun: c}
	c.checks = guard{c}
	c.handlers = handlers{c.checks}
	c.migration = migration{c}
	return c
}

// arrival is a step reached from another step (From is empty for the start step).
type arrival struct {
	Step string
	From string
}

// CaseWorkflow runs one case on the definition snapshot in its input. Registered under
// CaseWorkflowName. It takes the input by pointer, as the SDK keeps the decoded
// argument for as long as the run is cached: newCaseRun swaps the snapshots in that
// very value for the shared ones, so a cached case does not hold its own decoded copy
// (the JSON in history is the same as for a value).
func CaseWorkflow(ctx workflow.Context, in *CaseInput) (CaseResult, error) {
	if in == nil {
		in = &CaseInput{}
	}
	c, err := newCaseRun(ctx, in)
	if err != nil {
		return CaseResult{}, err
	}
	// Handlers first: updates that arrived before this run started are delivered inside
	// registration, and read the state initialised above.
	if err := c.handlers.registerHandlers(ctx); err != nil {
		return CaseResult{}, err
	}
	if in.Carried == nil {
		c.addTrail(ctx, TrailEntry{Event: EventCaseStarted, Args: args("process", c.def.Process, "version", shortVersion(c.def.Version))})
		c.advance(ctx, func() {
			c.clocks.startCaseClocks()
			c.queue = append(c.queue, arrival{Step: c.def.Start})
		})
	} else {
		c.log(ctx, "", "").Info("case continued as new")
	}
	c.begun = true
	for {
		// A handler may hold the case while it waits for an activity. Publishing its
		// half-done state, or arming a timer for it, would cost events that the
		// handler's own publish and the next pass undo; so wait until it lets go.
		if err := workflow.Await(ctx, func() bool { return !c.lock.IsLocked() }); err != nil {
			return CaseResult{}, err
		}
		c.vis.publish(ctx)
		if c.st.Status == StatusClosed {
			break
		}
		if c.mayContinueAsNew(ctx) {
			return CaseResult{}, c.continueAsNew(ctx)
		}
		if err := c.sleep(ctx); err != nil {
			return CaseResult{}, err
		}
	}
	// An update still running (e.g. one that closed the case and is composing its
	// answer) finishes before the workflow does.
	if err := workflow.Await(ctx, c.settled(ctx)); err != nil {
		return CaseResult{}, err
	}
	// A notification that reported into the trail meanwhile changed no revision; from
	// factsLastEvents on, publish looks again, and only what differs from the published
	// search attributes, memo and facts costs a command (so the event log holds the
	// case's last events).
	if c.factsLastEvents(ctx) {
		c.rev++
	}
	c.vis.publish(ctx)
	return CaseResult{Result: c.st.Result, Step: c.st.EndStep}, nil
}

// newCaseRun initialises the run's state from the input, without side effects. It
// changes in (the SDK's decoded copy, kept while the run is cached): the snapshots
// become the shared ones, and the intake data, once kept in the state, is dropped.
func newCaseRun(ctx workflow.Context, in *CaseInput) (*caseRun, error) {
	shareInput(in) // snapshot.go
	def := in.Definition
	cond, err := conditionsFor(&def)
	if err != nil {
		return nil, temporal.NewNonRetryableApplicationError("definition conditions: "+err.Error(), ErrInvalid, err)
	}
	if def.Steps.Step(def.Start) == nil {
		return nil, temporal.NewNonRetryableApplicationError(fmt.Sprintf("definition has no start step %q", def.Start), ErrInvalid, nil)
	}
	c := (&caseRun{in: *in, def: &def, cond: cond, lock: workflow.NewMutex(ctx)}).wire()
	c.readRunVersions(ctx) // runversions.go
	if in.Carried != nil {
		c.st = in.Carried
		c.st.Runs++
		c.fillMaps()
		return c, nil
	}
	now := workflow.Now(ctx)
	received := in.Received
	if received.IsZero() {
		received = now
	}
	c.st = &CaseState{
		CaseID:   in.CaseID,
		Team:     in.Team,
		Started:  now,
		Received: received,
		Data:     map[string]any{},
		Status:   StatusOpen,
	}
	c.st.keepAnswers("", "", now, in.Data)
	in.Data, c.in.Data = nil, nil // the state holds it now
	if c.st.CaseID == "" {
		c.st.CaseID = workflow.GetInfo(ctx).WorkflowExecution.ID
	}
	c.fillMaps()
	return c, nil
}

// fillMaps makes sure the state's maps exist (JSON drops empty ones).
func (c *caseRun) fillMaps() {
	if c.st.Data == nil {
		c.st.Data = map[string]any{}
	}
	if c.st.Seq == nil {
		c.st.Seq = map[string]int{}
	}
	if c.st.Entered == nil {
		c.st.Entered = map[string]time.Time{}
	}
	if c.st.Arrived == nil {
		c.st.Arrived = map[string][]string{}
	}
}

// advance runs fn and then enters every queued step, while holding the case: another
// handler or the timer loop waits until this one is done. Steps with side effects
// (notify, hand-off) block inside; that is why the lock exists at all.
func (c *caseRun) advance(ctx workflow.Context, fn func()) {
	// Lock fails only when the workflow is cancelled; the case is then advanced as it
	// was before the mutex (without waiting), and nothing is unlocked.
	locked := c.lock.Lock(ctx) == nil
	defer func() {
		if locked {
			c.lock.Unlock()
		}
		c.rev++
	}()
	fn()
	for len(c.queue) > 0 && c.st.Status == StatusOpen {
		a := c.queue[0]
		c.queue = c.queue[1:]
		c.enter(ctx, a)
	}
	c.queue = nil
	c.clocks.pruneCaseClocks()
}

// sleep blocks until the next clock alarm is due (and handles it), or until the state
// changed so that the next alarm moved, the case closed, or continue-as-new is due.
// Only one timer runs at a time, for the earliest pending alarm, so history stays small.
// The timer is cancelled explicitly when it is no longer wanted: AwaitWithOptions would
// leave it running (SDK flag CancelAwaitTimerOnCondition is off in v1.50), and every
// stray timer later costs a TimerFired event and a workflow task.
func (c *caseRun) sleep(ctx workflow.Context) error {
	wake, summary, ok := c.nextAlarm()
	changed := func() bool {
		w, o := c.nextWake()
		return c.st.Status == StatusClosed || o != ok || !w.Equal(wake) || c.mayContinueAsNew(ctx)
	}
	if !ok {
		return workflow.Await(ctx, changed)
	}
	if d := wake.Sub(workflow.Now(ctx)); d > 0 {
		tctx, cancel := workflow.WithCancel(ctx)
		timer := workflow.NewTimerWithOptions(tctx, d, workflow.TimerOptions{Summary: summary})
		if err := workflow.Await(ctx, func() bool { return timer.IsReady() || changed() }); err != nil {
			cancel()
			return err
		}
		if !timer.IsReady() {
			cancel()
			return nil
		}
	}
	c.advance(ctx, func() { c.fireDue(ctx) })
	return nil
}

// mayContinueAsNew reports whether Temporal suggests a new run and nothing pins this
// one: an awaited child case or a pending hand-off reports to this run only, so a case
// does not continue as new while it waits for one.
func (c *caseRun) mayContinueAsNew(ctx workflow.Context) bool {
	return c.st.Status == StatusOpen && !anyKind(func(k stepKind) bool { return k.pinned(c) }) &&
		workflow.GetInfo(ctx).GetContinueAsNewSuggested()
}

// continueAsNew waits for running handlers, then starts a new run carrying the state.
func (c *caseRun) continueAsNew(ctx workflow.Context) error {
	if err := workflow.Await(ctx, c.settled(ctx)); err != nil {
		return err
	}
	c.addTrail(ctx, TrailEntry{Event: EventContinuedAsNew})
	c.boundTrail()
	next := c.in
	next.Data = nil // carried in the state
	next.Carried = c.st
	return workflow.NewContinueAsNewError(ctx, CaseWorkflowName, next)
}

// settled is the condition for ending a run: no update running, nobody holding the
// case, no notification or activity of a step (a hand-off) in flight.
func (c *caseRun) settled(ctx workflow.Context) func() bool {
	return func() bool {
		return workflow.AllHandlersFinished(ctx) && !c.lock.IsLocked() && c.notes.sending == 0 &&
			!anyKind(func(k stepKind) bool { return k.busy(c) })
	}
}

// boundTrail drops the oldest trail entries beyond maxTrail.
func (c *caseRun) boundTrail() {
	if n := len(c.st.Trail) - maxTrail; n > 0 {
		c.st.Trail = append([]TrailEntry(nil), c.st.Trail[n:]...)
		c.st.TrailDropped += n
	}
}

// addTrail appends a transition to the trail, stamped with workflow time.
func (c *caseRun) addTrail(ctx workflow.Context, e TrailEntry) {
	e.At = workflow.Now(ctx)
	c.st.Trail = append(c.st.Trail, e)
}

// log returns the workflow logger with the only keys allowed: ids, never data. Errors
// are not logged: activity and child failures are in the history already.
func (c *caseRun) log(ctx workflow.Context, step, task string) log.Logger {
	kv := []any{"case", c.st.CaseID, "gemeente", c.def.Gemeente}
	if step != "" {
		kv = append(kv, "step", step)
	}
	if task != "" {
		kv = append(kv, "task", task)
	}
	return log.With(workflow.GetLogger(ctx), kv...)
}

// shortVersion abbreviates a content hash for the trail.
func shortVersion(v string) string {
	if len(v) > 12 {
		return v[:12]
	}
	return v
}
