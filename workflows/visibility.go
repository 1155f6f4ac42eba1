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

// visibility publishes the case for those who do not query it: search attributes,
// memo and the Web UI's current details, each only when it changed since last time.
type visibility struct {
	*caseRun
	// memo is the memo last upserted, to skip unchanged upserts.
	memo []TaskSummary
	// memoWaiting is the memo's waiting list last upserted.
	memoWaiting []string
	// resident is the resident's name last upserted (MemoResident), once residentSent;
	// each run publishes it once, as a run does not read the memo it continued.
	resident     string
	residentSent bool
	// sa holds the search attributes as last published, by name (read from Temporal
	// once per run, then kept here): comparing with it is cheaper than converting
	// Temporal's copy on every publish. A nil value is an unset attribute.
	sa map[string]any
	// published is the rev (caseRun.rev) that publish last made fully visible, so a
	// publish with nothing new (the main loop after a handler published) costs nothing.
	published     int
	everPublished bool
	// details is the current details last set.
	details string
	// facts is what the facts record last published showed (facts_publish.go).
	facts factsPublisher
}

// publish makes the state visible without a query: search attributes (only those that
// changed, as each upsert is a history event), the memo with the open tasks (only when
// changed), and the current details for the Web UI. None of it holds case data (only
// ids, roles, user ids, dates of deadlines and flags) but the memo's resident name
// (MemoResident), personal data that lives only in the encrypted memo.
func (c *visibility) publish(ctx workflow.Context) {
	defer c.offerFirstView(ctx)
	if c.everPublished && c.published == c.rev {
		return
	}
	ok := true
	if c.sa == nil {
		c.sa = publishedSearchAttributes(workflow.GetTypedSearchAttributes(ctx))
	}
	if ups, changed := c.searchAttributeUpdates(); len(ups) > 0 {
		if err := workflow.UpsertTypedSearchAttributes(ctx, ups...); err != nil {
			c.log(ctx, "", "").Warn("search attributes not upserted")
			ok = false
		} else {
			maps.Copy(c.sa, changed)
		}
	}
	up := map[string]any{}
	memo := c.tasks.summaries()
	if c.memo == nil || !slices.EqualFunc(memo, c.memo, sameSummary) {
		up[MemoTasks] = memo
	}
	// Only published once there was something: cases that never wait on anything else
	// (all cases before async-handoff) upsert their memo as they always did.
	waiting := c.handoffs.waiting()
	if !slices.Equal(waiting, c.memoWaiting) {
		up[MemoWaiting] = waiting
		if waiting == nil {
			up[MemoWaiting] = []string{}
		}
	}
	if f := c.facts.update(ctx, c.caseRun); f != nil {
		up[MemoFacts] = f
	}
	resident := c.def.ResidentName(c.st.Data)
	if c.listMemo >= listMemoRows && (!c.residentSent || resident != c.resident) {
		up[MemoResident] = resident
	}
	if len(up) > 0 {
		if err := workflow.UpsertMemo(ctx, up); err != nil {
			c.log(ctx, "", "").Warn("memo not upserted")
			ok = false
		}
		c.memo, c.memoWaiting = memo, waiting
		c.resident, c.residentSent = resident, c.listMemo >= listMemoRows
	}
	if d := c.detailsMarkdown(); d != c.details {
		workflow.SetCurrentDetails(ctx, d)
		c.details = d
	}
	if ok {
		c.published, c.everPublished = c.rev, true
	}
}

// publishedSearchAttributes reads the search attributes a run starts with (set by the
// starter or carried over by continue-as-new), by name; an unset one is absent.
func publishedSearchAttributes(cur temporal.SearchAttributes) map[string]any {
	out := map[string]any{}
	// Unsorted is fine here: it only fills another map, so the order leaves no trace.
	for k, v := range cur.GetUntypedValues() {
		out[k.GetName()] = v
	}
	return out
}

// searchAttributeUpdates compares the wanted search attributes with those last
// published (c.sa), and returns the upserts with the values they publish (nil: unset).
func (c *visibility) searchAttributeUpdates() ([]temporal.SearchAttributeUpdate, map[string]any) {
	var ups []temporal.SearchAttributeUpdate
	changed := map[string]any{}
	set := func(name string, v any, same func(old any) bool, up temporal.SearchAttributeUpdate) {
		// An absent attribute reads as nil, the same as an unset one.
		if old := c.sa[name]; (old == nil) != (v == nil) || v != nil && !same(old) {
			ups = append(ups, up)
			changed[name] = v
		}
	}
	keyword := func(k temporal.SearchAttributeKeyKeyword, v string) {
		set(k.GetName(), v, func(old any) bool { o, _ := old.(string); return o == v }, k.ValueSet(v))
	}
	list := func(k temporal.SearchAttributeKeyKeywordList, v []string) {
		if len(v) == 0 {
			set(k.GetName(), nil, nil, k.ValueUnset())
			return
		}
		set(k.GetName(), v, func(old any) bool { o, _ := old.([]string); return slices.Equal(o, v) }, k.ValueSet(v))
	}
	boolean := func(k temporal.SearchAttributeKeyBool, v bool) {
		set(k.GetName(), v, func(old any) bool { o, ok := old.(bool); return ok && o == v }, k.ValueSet(v))
	}
	keyword(SAGemeente, c.def.Gemeente)
	keyword(SAProcess, c.def.Process)
	keyword(SADefinitionVersion, c.def.Version)
	keyword(SATeam, c.st.Team)
	list(SAStep, c.activeSteps())
	boolean(SAStalled, c.stalled())
	boolean(SASuspended, c.st.Suspended)
	esc := int64(c.st.Escalation)
	set(SAEscalation.GetName(), esc, func(old any) bool { o, ok := old.(int64); return ok && o == esc },
		SAEscalation.ValueSet(esc))
	if d := c.tasks.earliestDeadline(); d != nil {
		set(SADeadline.GetName(), *d, func(old any) bool { o, ok := old.(time.Time); return ok && o.Equal(*d) },
			SADeadline.ValueSet(*d))
	} else {
		set(SADeadline.GetName(), nil, nil, SADeadline.ValueUnset())
	}
	roles, assignees := c.tasks.rolesAndAssignees()
	list(SARoles, roles)
	list(SAAssignees, assignees)
	return ups, changed
}

// sameSummary: nothing a list row shows differs. The flags of listMemoRows stay zero in
// older cases, so those compare (and upsert) as they always did.
func sameSummary(a, b TaskSummary) bool {
	return a.ID == b.ID && a.Title == b.Title && slices.Equal(a.Roles, b.Roles) && a.Assignee == b.Assignee &&
		a.Overdue == b.Overdue && equalTimes(a.Deadline, b.Deadline) &&
		a.Extended == b.Extended && a.EscalationLevel == b.EscalationLevel && a.ClockStopped == b.ClockStopped
}

func equalTimes(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// detailsMarkdown says at a glance what the case waits for, e.g.
// "**Wacht op**: keukentafelgesprek (wijkcoach), deadline 2026-12-01 (Wmo 2015 art. 2.3.2)".
func (c *visibility) detailsMarkdown() string {
	var b strings.Builder
	if c.st.Status == StatusClosed {
		fmt.Fprintf(&b, "**Afgesloten**: %s (%s)", c.st.Result, c.st.EndStep)
		return b.String()
	}

	for _, e := range stepKinds {
		e.run.describe(c.caseRun, &b)
	}
	if c.st.Stuck {
		fmt.Fprintf(&b, "**Kan niet verder** bij %s: %s\n\n", c.st.StuckStep, c.st.StuckReason)
	}
	if c.st.Suspended {
		fmt.Fprintf(&b, "**Opgeschort** sinds %s\n\n", c.st.SuspendedSince.In(amsterdam).Format(time.DateOnly))
	}
	if c.stalled() {
		fmt.Fprintf(&b, "**Vastgelopen**, escalatieniveau %d\n\n", c.st.Escalation)
	}
	// The day the melding came in, where the terms count from; not who it is about.
	fmt.Fprintf(&b, "**Melding ontvangen**: %s", c.st.Received.In(amsterdam).Format(time.DateOnly))
	return strings.TrimSpace(b.String())
}

// lastDay is the last day of a term as a person reads it: a deadline at midnight
// (the end of a day, as calendar terms are) is shown as the day that ends there.
func lastDay(t time.Time) string {
	t = t.In(amsterdam)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		t = t.Add(-time.Minute)
	}
	return t.Format(time.DateOnly)
}
