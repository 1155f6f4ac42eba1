package simulate

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/testsuite"
	sdkworker "go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/workflows"
)

// Result is what happened to one sample case (or to a child case it started).
type Result struct {
	// Case is the sample case's name; a child case is "name › process".
	Case string
	// Path lists the steps entered, in order.
	Path []string
	// Deadlines are the deadlines of the tasks that were opened.
	Deadlines []Deadline
	// Escalations lists the reminders, escalations and stalls that fired, in order.
	Escalations []string
	// End says how the case ended: its result and end step, or that it was still open
	// (or stuck) when the rehearsal stopped.
	End string
	// Notes are the escalations again, each as a message for the Dutch report, and
	// Ending is End as a message.
	Notes  []Note
	Ending words.Message
	// Problems are answers that were refused or never used, and a missed expectation.
	Problems []string
}

// Deadline is one task's deadline and whether it was met.
type Deadline struct {
	Task string
	Law  string
	Due  time.Time
	// Met: the task closed before its deadline passed. Open: still open at the end.
	Met, Open bool
	// Closed is when the task closed; zero while it is open.
	Closed time.Time
}

// Note is one reminder, escalation, stall or suspension: how long after the case
// started ("28d", as since writes it) and what it said.
type Note struct {
	After string
	Say   words.Message
}

// String renders "keukentafelgesprek-1 met (2026-04-14)": the task, met, missed or
// open (not passed, the task still open when the rehearsal ended), and the deadline's day.
func (d Deadline) String() string {
	state := words.Msg(words.DeadlineMissed)
	switch {
	case d.Open && d.Met:
		state = words.Msg(words.DeadlineOpen)
	case d.Met:
		state = words.Msg(words.DeadlineMet)
	}
	// A term ends at the end of its last day: the day shown is the one before 00:00.
	return fmt.Sprintf("%s %s (%s)", d.Task, state, d.Due.In(law.Amsterdam()).Add(-time.Nanosecond).Format("2006-01-02"))
}

// Run rehearses every case of s on def, with time skipped; related are the gemeente's
// other definitions that referrals start as child cases.
func Run(def *definitions.Definition, related []*definitions.Definition, s *Scenarios) []Result {
	var out []Result
	for i, c := range s.Cases {
		out = append(out, runCase(def, related, c, s.Start, i)...)
	}
	return out
}

// sim is one case's rehearsal: the test environment and what the driver saw.
type sim struct {
	env  *testsuite.TestWorkflowEnvironment
	def  *definitions.Definition
	c    *Case
	root string
	// related are the other processes, for the waits of child cases.
	related map[string]*definitions.Definition
	// used counts, per process and step (or event), the answers given so far; given
	// marks each answer given.
	used           map[string]int
	given          map[*Answer]bool
	refusedAnswers map[*Answer]bool
	// seen holds the tasks (workflow id / task id) already answered or found unanswered.
	seen  map[string]bool
	views map[string]workflows.CaseView // last view per workflow id
	order []string                      // workflow ids, root first
	due   map[string]Deadline           // workflow id / task id → its deadline
	probs []string
}

func runCase(def *definitions.Definition, related []*definitions.Definition, c *Case, start time.Time, n int) []Result {
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(log.NewStructuredLogger(slog.New(slog.DiscardHandler)))
	env := suite.NewTestWorkflowEnvironment()
	s := &sim{env: env, def: def, c: c, root: "case-sim-" + strconv.Itoa(n+1),
		related: map[string]*definitions.Definition{}, used: map[string]int{}, given: map[*Answer]bool{}, refusedAnswers: map[*Answer]bool{},
		seen: map[string]bool{}, views: map[string]workflows.CaseView{}, due: map[string]Deadline{}}
	for _, r := range related {
		s.related[r.Process] = r
	}
	env.SetStartTime(start)
	env.SetStartWorkflowOptions(client.StartWorkflowOptions{ID: s.root})
	// A rehearsal measures no speed: on a loaded laptop a workflow task (the first one
	// compiles the conditions) may take longer than the SDK's one-second deadlock guard,
	// and an activity's callback longer than its three-second wait; neither is a fault.
	env.SetWorkerOptions(sdkworker.Options{DeadlockDetectionTimeout: time.Minute})
	env.SetTestTimeout(time.Minute)
	env.SetDetachedChildWait(false)
	env.RegisterWorkflowWithOptions(workflows.CaseWorkflow, workflow.RegisterOptions{Name: workflows.CaseWorkflowName})
	// Notifications and hand-offs go nowhere; the trail records them.
	env.RegisterActivityWithOptions(func(context.Context, activities.NotifyInput) error { return nil },
		activity.RegisterOptions{Name: activities.NotifyName})
	env.RegisterActivityWithOptions(func(_ context.Context, in activities.HandoffInput) (activities.HandoffResult, error) {
		return activities.HandoffResult{Reference: "simulatie-" + in.IdempotencyKey}, nil
	}, activity.RegisterOptions{Name: activities.HandoffName})
	// Tasks open at the start, after an answer, and when a timer fires, a child case
	// ends or a hand-off answers; look a moment later, once the case has handled it.
	later := func() { env.RegisterDelayedCallback(s.check, time.Second) }
	env.SetOnTimerFiredListener(func(string) { later() })
	env.SetOnChildWorkflowCompletedListener(func(*workflow.Info, converter.EncodedValue, error) { later() })
	env.SetOnActivityCompletedListener(func(*activity.Info, converter.EncodedValue, error) { later() })
	env.RegisterDelayedCallback(s.check, time.Second)
	until := law.Due(def.Calendar, start, c.Until).Sub(start)
	stopped := false
	env.RegisterDelayedCallback(func() { s.check(); stopped = true; env.CancelWorkflow() }, until)

	team := c.Team
	if team == "" {
		team = def.Teams[0]
	}
	in := workflows.CaseInput{CaseID: s.root, Definition: *def, Team: team, Data: c.Intake}
	for _, r := range related {
		in.Related = append(in.Related, *r)
	}
	env.ExecuteWorkflow(workflows.CaseWorkflowName, in)
	if err := env.GetWorkflowError(); err != nil && !stopped {
		s.probs = append(s.probs, "the case workflow failed: "+err.Error())
	}
	s.final()
	return s.results(stopped, c.Until)
}
