package workflows

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// The checks below read state and never change it: validators and handlers share them.
// Who may act: a member of the case's team (and gemeente) holding one of the task's
// roles (its own role plus the roles it escalated to), or the definition's lead role.
// A task claimed by one worker is completed by that worker or by the lead; the lead may
// also take over a claim, and the lead or the assignee may reassign it.

// A refusal says why in a words.Message, carried in the error's details so the API
// passes the code on; the error's text is its English rendering.

func notOpen(why words.Message) error { return refuse(ErrNotOpen, why) }

func forbidden(why words.Message) error { return refuse(ErrForbidden, why) }

func conflict(why words.Message) error { return refuse(ErrConflict, why) }

func refuse(kind string, why words.Message) error {
	return temporal.NewApplicationErrorWithOptions(why.String(), kind,
		temporal.ApplicationErrorOptions{NonRetryable: true, Details: []any{why}})
}

// invalid rejects data; the details carry []FieldError for the API's 422 answer.
func invalid(errs []FieldError) error {
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Field + ": " + e.Message
	}
	return temporal.NewApplicationErrorWithOptions("invalid data: "+strings.Join(msgs, "; "), ErrInvalid,
		temporal.ApplicationErrorOptions{NonRetryable: true, Details: []any{errs}})
}

// guard holds the checks of who may do what to the case, shared by validators and
// handlers.
type guard struct{ *caseRun }

// openTaskByID returns the open task, or the not-open error.
func (c *guard) openTaskByID(id string) (*Task, error) {
	if c.st.Status != StatusOpen {
		return nil, notOpen(words.Msg(words.RefuseCaseClosed, "case", c.st.CaseID))
	}
	t := c.st.task(id)
	if t == nil {
		return nil, notOpen(words.Msg(words.RefuseTaskNotOpen, "task", id))
	}
	return t, nil
}

// isLead reports whether the actor holds the definition's lead role.
func (c *guard) isLead(a Actor) bool {
	return c.def.Lead != "" && slices.Contains(a.Roles, c.def.Lead)
}

// inTeam checks gemeente and team.
func (c *guard) inTeam(a Actor) error {
	if a.Gemeente != "" && a.Gemeente != c.def.Gemeente {
		return forbidden(words.Msg(words.RefuseOtherGemeente))
	}
	if !slices.Contains(a.Teams, c.st.Team) {
		return forbidden(words.Msg(words.RefuseOtherTeam, "team", c.st.Team))
	}
	return nil
}

// mayAct checks that the actor may act on the task.
func (c *guard) mayAct(a Actor, t *Task) error {
	if err := c.inTeam(a); err != nil {
		return err
	}
	if !t.hasRole(a.Roles) && !c.isLead(a) {
		return forbidden(words.Msg(words.RefuseRole, "task", t.ID, "roles", strings.Join(t.Roles, ",")))
	}
	return nil
}

// mayActOnCase checks case-wide actions (suspend, resume): the lead, or someone who
// may act on one of the open tasks (by role, or as its assignee). Resume also admits
// the worker who suspended (checkResume).
func (c *guard) mayActOnCase(a Actor) error {
	if err := c.inTeam(a); err != nil {
		return err
	}
	if c.isLead(a) {
		return nil
	}
	for _, t := range c.st.Tasks {
		if t.hasRole(a.Roles) || (t.Assignee != "" && t.Assignee == a.UserID) {
			return nil
		}
	}
	return forbidden(words.Msg(words.RefuseNotOnCase))
}

// actableTask is the open task id on which a may act. A task another user (not a, and
// a is not the lead) has claimed is refused as an error of kind with the message code.
func (c *guard) actableTask(a Actor, id string, kind string, claimed words.Code) (*Task, error) {
	t, err := c.openTaskByID(id)
	if err != nil {
		return nil, err
	}
	if err := c.mayAct(a, t); err != nil {
		return nil, err
	}
	if t.Assignee != "" && t.Assignee != a.UserID && !c.isLead(a) {
		return nil, refuse(kind, words.Msg(claimed, "task", t.ID))
	}
	return t, nil
}

func (c *guard) checkComplete(req CompleteRequest) (*Task, error) {
	t, err := c.actableTask(req.Actor, req.TaskID, ErrForbidden, words.RefuseClaimed)
	if err != nil {
		return nil, err
	}
	step := c.def.Steps.Step(t.Step)
	if errs := formErrors(step.Form, req.Data); len(errs) > 0 {
		return nil, invalid(errs)
	}
	return t, nil
}

// formErrors checks data against the form's field types and rules (unknown keys too).
func formErrors(form definitions.Form, data map[string]any) []FieldError {
	return definitions.CheckData(form, data)
}

func (c *guard) checkClaim(req ClaimRequest) (*Task, error) {
	return c.actableTask(req.Actor, req.TaskID, ErrConflict, words.RefuseAlreadyClaimed)
}

// checkReassign checks a reassign; refuseNoop also refuses one that changes nothing.
func (c *guard) checkReassign(req ReassignRequest, refuseNoop bool) (*Task, error) {
	t, err := c.openTaskByID(req.TaskID)
	if err != nil {
		return nil, err
	}
	if err := c.inTeam(req.Actor); err != nil {
		return nil, err
	}
	if !c.isLead(req.Actor) && (t.Assignee == "" || t.Assignee != req.Actor.UserID) {
		return nil, forbidden(words.Msg(words.RefuseReassign))
	}
	if strings.ContainsAny(req.Assignee, " \t\n") || len(req.Assignee) > 100 {
		return nil, invalid([]FieldError{fieldError("assignee", words.Msg(words.RuleUserID))})
	}
	if refuseNoop && req.Assignee == t.Assignee {
		// Nothing would change; the trail must not grow by a no-op.
		if t.Assignee == "" {
			return nil, conflict(words.Msg(words.RefuseNotAssigned, "task", t.ID))
		}
		return nil, conflict(words.Msg(words.RefuseAlreadyAssigned, "task", t.ID, "assignee", t.Assignee))
	}
	return t, nil
}

func (c *guard) checkSuspend(req SuspendRequest) error {
	if c.st.Status != StatusOpen {
		return notOpen(words.Msg(words.RefuseCaseClosed, "case", c.st.CaseID))
	}
	if err := c.mayActOnCase(req.Actor); err != nil {
		return err
	}
	if strings.TrimSpace(req.Reason) == "" {
		return invalid([]FieldError{fieldError("reason", words.Msg(words.RuleRequired))})
	}
	if c.st.Suspended {
		return conflict(words.Msg(words.RefuseSuspended))
	}
	for _, t := range c.st.Tasks {
		if s := c.def.Steps.Step(t.Step); s != nil && s.Suspendable {
			return nil
		}
	}
	return conflict(words.Msg(words.RefuseNothingToSuspend))
}

func (c *guard) checkResume(req ResumeRequest) error {
	if c.st.Status != StatusOpen {
		return notOpen(words.Msg(words.RefuseCaseClosed, "case", c.st.CaseID))
	}
	if !c.st.Suspended {
		if err := c.mayActOnCase(req.Actor); err != nil {
			return err
		}
		return conflict(words.Msg(words.RefuseNotSuspended))
	}
	// Who suspended may resume, also when the open tasks are no longer theirs.
	if c.st.SuspendedBy != "" && req.Actor.UserID == c.st.SuspendedBy {
		return c.inTeam(req.Actor)
	}
	return c.mayActOnCase(req.Actor)
}

// extension is a checked extend request.
type extension struct {
	task *Task
	by   law.Duration
	due  time.Time
}

func (c *guard) checkExtend(req ExtendRequest) (extension, error) {
	id := req.TaskID
	if id == "" {
		var ids []string
		for _, t := range c.st.Tasks {
			if s := c.def.Steps.Step(t.Step); s != nil && s.Extendable != nil && t.alarm(alarmDeadline) != nil {
				ids = append(ids, t.ID)
			}
		}
		if len(ids) != 1 {
			return extension{}, invalid([]FieldError{fieldError("taskId", words.Msg(words.RuleWhichTask, "n", strconv.Itoa(len(ids))))})
		}
		id = ids[0]
	}
	t, err := c.openTaskByID(id)
	if err != nil {
		return extension{}, err
	}
	if err := c.mayAct(req.Actor, t); err != nil {
		return extension{}, err
	}
	var errs []FieldError
	if strings.TrimSpace(req.Reason) == "" {
		errs = append(errs, fieldError("reason", words.Msg(words.RuleRequired)))
	}
	by, perr := law.ParseDuration(req.By)
	if perr != nil {
		errs = append(errs, FieldError{Field: "by", Message: perr.Error(), Code: words.RuleNotDuration, Args: args("value", req.By)})
	}
	if len(errs) > 0 {
		return extension{}, invalid(errs)
	}
	step := c.def.Steps.Step(t.Step)
	d := t.alarm(alarmDeadline)
	switch {
	case step.Extendable == nil || d == nil:
		return extension{}, conflict(words.Msg(words.RefuseNotExtendable, "task", t.ID))
	case t.Extended:
		return extension{}, conflict(words.Msg(words.RefuseExtendedOnce, "task", t.ID))
	case d.Done:
		return extension{}, conflict(words.Msg(words.RefuseDeadlinePassed, "task", t.ID))
	}
	// A verlenging runs on from the end of the term it extends (Awb 4:14).
	due := law.DueAfterTerm(c.clocks.calendar(), d.Due, by)
	if due.After(law.DueAfterTerm(c.clocks.calendar(), d.Due, *step.Extendable)) {
		return extension{}, invalid([]FieldError{fieldError("by", words.Msg(words.RuleAtMost, "max", step.Extendable.String()))})
	}
	return extension{task: t, by: by, due: due}, nil
}
