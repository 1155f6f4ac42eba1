package workflows

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// What the hand-written baseline shows: the same CaseView, search attributes and memo as
// the interpreter, built by hand.

// view is the CaseView of the baseline's state.
func (h *hwCase) view() CaseView {
	v := CaseView{
		CaseHeader: CaseHeader{ID: h.in.CaseID, Gemeente: "dalfsen", Process: "wijkteam", DefinitionVersion: hwName,
			Team: h.in.Team, Status: h.status},
		Result: h.result, Started: h.started, Closed: h.closed,
		ActiveSteps: h.steps(), Tasks: []TaskView{}, Stalled: h.stalled(), EscalationLevel: h.level,
		Deadline: h.deadline(), Data: maps.Clone(h.data), Trail: slices.Clone(h.trail),
	}
	for _, t := range h.tasks {
		d := t.deadline
		v.Tasks = append(v.Tasks, TaskView{
			CaseID: h.in.CaseID, ID: t.id, Step: t.step, Title: hwTitle(t.step), Role: t.roles[0],
			Roles: slices.Clone(t.roles), Team: h.in.Team, Assignee: t.assignee, Opened: t.opened,
			Deadline: &d, Norm: t.norm, Overdue: t.overdue, EscalationLevel: t.level, Form: h.wf.forms[t.step],
		})
	}
	return v
}

// hwTitle is a step's title.
func hwTitle(step string) string {
	for _, s := range []hwStep{hwMelding, hwPersoonlijkPlan, hwKeukentafel, hwBijdrageWmo, hwBijdrageJeugd, hwPlan, hwAanvraag, hwEvaluatie} {
		if s.id == step {
			return s.title
		}
	}
	return step
}

func (h *hwCase) steps() []string {
	var out []string
	for _, t := range h.tasks {
		out = append(out, t.step)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (h *hwCase) stalled() bool {
	return h.status == StatusOpen && slices.ContainsFunc(h.tasks, func(t *hwTask) bool { return t.overdue || t.stalled })
}

func (h *hwCase) deadline() *time.Time {
	var best *time.Time
	for _, t := range h.tasks {
		if best == nil || t.deadline.Before(*best) {
			d := t.deadline
			best = &d
		}
	}
	return best
}

// publish upserts the search attributes that changed and the memo when it changed.
func (h *hwCase) publish(ctx workflow.Context) {
	var roles, assignees []string
	var summaries []TaskSummary
	for _, t := range h.tasks {
		roles = append(roles, t.roles...)
		roles = append(roles, "teamleider")
		if t.assignee != "" {
			assignees = append(assignees, t.assignee)
		}
		d := t.deadline
		summaries = append(summaries, TaskSummary{ID: t.id, Step: t.step, Title: hwTitle(t.step), Roles: slices.Clone(t.roles),
			Team: h.in.Team, Assignee: t.assignee, Opened: t.opened, Deadline: &d, Overdue: t.overdue})
	}
	slices.Sort(roles)
	slices.Sort(assignees)
	var ups []temporal.SearchAttributeUpdate
	set := func(name string, v any, up temporal.SearchAttributeUpdate) {
		if old, ok := h.sa[name]; !ok || !equalSA(old, v) {
			h.sa[name] = v
			ups = append(ups, up)
		}
	}
	list := func(k temporal.SearchAttributeKeyKeywordList, v []string) {
		v = slices.Compact(v)
		if len(v) == 0 {
			set(k.GetName(), nil, k.ValueUnset())
			return
		}
		set(k.GetName(), v, k.ValueSet(v))
	}
	set(SAGemeente.GetName(), "dalfsen", SAGemeente.ValueSet("dalfsen"))
	set(SAProcess.GetName(), "wijkteam", SAProcess.ValueSet("wijkteam"))
	set(SATeam.GetName(), h.in.Team, SATeam.ValueSet(h.in.Team))
	list(SAStep, h.steps())
	set(SAStalled.GetName(), h.stalled(), SAStalled.ValueSet(h.stalled()))
	set(SASuspended.GetName(), false, SASuspended.ValueSet(false))
	set(SAEscalation.GetName(), int64(h.level), SAEscalation.ValueSet(int64(h.level)))
	if d := h.deadline(); d != nil {
		set(SADeadline.GetName(), *d, SADeadline.ValueSet(*d))
	} else {
		set(SADeadline.GetName(), nil, SADeadline.ValueUnset())
	}
	list(SARoles, roles)
	list(SAAssignees, assignees)
	if len(ups) > 0 {
		_ = workflow.UpsertTypedSearchAttributes(ctx, ups...)
	}
	if summaries == nil {
		summaries = []TaskSummary{}
	}
	var details strings.Builder
	for _, t := range h.tasks {
		fmt.Fprintf(&details, "**Wacht op**: %s (%s), deadline %s\n\n", t.step, strings.Join(t.roles, ", "), lastDay(t.deadline))
	}
	if h.status == StatusClosed {
		fmt.Fprintf(&details, "**Afgesloten**: %s (%s)", h.result, h.end)
	}
	workflow.SetCurrentDetails(ctx, strings.TrimSpace(details.String()))
	if h.memo == nil || !slices.EqualFunc(summaries, h.memo, func(a, b TaskSummary) bool {
		return a.ID == b.ID && a.Overdue == b.Overdue && a.Assignee == b.Assignee && slices.Equal(a.Roles, b.Roles)
	}) {
		_ = workflow.UpsertMemo(ctx, map[string]any{MemoTasks: summaries})
		h.memo = summaries
	}
}

// equalSA compares two published values (strings, bools, ints, times, string lists).
func equalSA(a, b any) bool {
	switch x := a.(type) {
	case []string:
		y, ok := b.([]string)
		return ok && slices.Equal(x, y)
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	}
	return a == b
}
