package workflows

import (
	"strconv"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
)

// children are the child cases the case started (CaseState.Referred) and those it
// awaits (CaseState.Children): a referral to another process of the gemeente.
type children struct{ *caseRun }

// childContractChange is the workflow.GetVersion change id of child cases that get
// only the fields their referral passes (definitions.ChildData), not the whole data.
const childContractChange = "child-contract"

// start starts the referenced process as a child case with workflow id
// "<case>.<step>" ("-2", "-3" on a repeated referral). The child gets the fields the
// step passes, or those its intake asks for (payloads, not search attributes). When the step awaits, the case goes on when the
// child ends; otherwise as soon as it has started. Children are abandoned when the
// parent closes: a specialist-care case outlives the wijkteam case that referred it.
func (c *children) start(ctx workflow.Context, step *definitions.Step) {
	def := c.related(step.Process)
	if def == nil {
		c.stuck(ctx, step.ID, words.Msg(words.StuckUnrelatedProcess, "process", step.Process))
		return
	}
	id := c.st.CaseID + "." + step.ID
	if n := c.st.Seq[step.ID]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	// Histories before child-contract gave the child the whole case data.
	data := definitions.ChildData(step, def, c.st.Data)
	if workflow.GetVersion(ctx, childContractChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		data = map[string]any{}
		for _, k := range workflow.DeterministicKeys(c.st.Data) {
			data[k] = c.st.Data[k]
		}
	}
	in := CaseInput{
		CaseID: id, Definition: *def, Team: c.st.Team, Data: data, Related: c.in.Related,
		Received: workflow.Now(ctx), Parent: &ParentRef{CaseID: c.st.CaseID, Step: step.ID},
	}
	cctx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID:        id,
		ParentClosePolicy: enumspb.PARENT_CLOSE_POLICY_ABANDON,
		StaticSummary:     "verwijzing " + step.ID + " naar " + def.Process,
		TypedSearchAttributes: temporal.NewSearchAttributes(
			SAGemeente.ValueSet(def.Gemeente), SAProcess.ValueSet(def.Process),
			SADefinitionVersion.ValueSet(def.Version), SATeam.ValueSet(c.st.Team)),
	})
	fut := workflow.ExecuteChildWorkflow(cctx, CaseWorkflowName, in)
	if err := fut.GetChildWorkflowExecution().Get(ctx, nil); err != nil {
		c.log(ctx, step.ID, "").Warn("child case did not start")
		c.stuck(ctx, step.ID, words.Msg(words.StuckChildNotStarted, "child", id))
		return
	}
	c.addTrail(ctx, TrailEntry{Event: EventReferred, Step: step.ID, Args: args("child", id)})
	c.st.Referred = append(c.st.Referred, id)
	if !step.Awaits() {
		c.route(ctx, step)
		return
	}
	c.st.Children = append(c.st.Children, &Child{WorkflowID: id, Step: step.ID})
	workflow.Go(ctx, func(gctx workflow.Context) {
		var res CaseResult
		err := fut.Get(gctx, &res)
		c.advance(gctx, func() { c.done(gctx, id, step, res, err) })
		c.vis.publish(gctx)
	})
}

// done goes on after an awaited child case ended. The caller holds the case.
func (c *children) done(ctx workflow.Context, id string, step *definitions.Step, res CaseResult, err error) {
	for i, ch := range c.st.Children {
		if ch.WorkflowID == id {
			c.st.Children = append(c.st.Children[:i:i], c.st.Children[i+1:]...)
			break
		}
	}
	if c.st.Status != StatusOpen {
		return
	}
	if err != nil {
		c.stuck(ctx, step.ID, words.Msg(words.StuckChildFailed, "child", id))
		return
	}
	c.addTrail(ctx, TrailEntry{Event: EventReferralReturned, Step: step.ID, Args: args("child", id, "result", res.Result)})
	if step.Outcome != "" {
		// Only definitions with outcome: do this, so no running case changes course.
		c.st.Data[step.Outcome] = res.Result
	}
	c.route(ctx, step)
}

// related returns the related definition of the process, or nil.
func (c *children) related(process string) *definitions.Definition {
	for i := range c.in.Related {
		if c.in.Related[i].Process == process && c.in.Related[i].Gemeente == c.def.Gemeente {
			return &c.in.Related[i]
		}
	}
	return nil
}
