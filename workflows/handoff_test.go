package workflows

import (
	"context"
	_ "embed"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/temporal"

	"github.com/wijkflow/wijkflow/activities"
	"github.com/wijkflow/wijkflow/definitions"
)

//go:embed testdata/definitions/handoff.yaml
var handoffDef string

// TestHandoffDoesNotHoldTheCase: while the provider takes three days, the case shows
// that it waits for the hand-off, a completion is answered at once, and the task's
// deadline fires; the case goes on when the provider confirms.
func TestHandoffDoesNotHoldTheCase(t *testing.T) {
	h := newHarness(t)
	h.env.OnActivity(activities.HandoffName, mock.Anything, mock.Anything).
		Return(activities.HandoffResult{Reference: "GGZ-1"}, nil).After(72 * time.Hour)
	var during CaseView
	var done *outcome
	h.at(48*time.Hour, func() {
		during = h.view()
		done = h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "opvolgen-1", Data: map[string]any{"gedaan": true}})
	})
	h.run(input(def(t, handoffDef), nil))
	h.endsWith("verwezen")
	if len(during.Handoffs) != 1 || during.Handoffs[0].Status != "waiting" || during.Handoffs[0].Text != "wacht op overdracht aan ggz-oost" {
		t.Errorf("hand-offs during the wait: %+v", during.Handoffs)
	}
	if !strings.Contains(strings.Join(during.ActiveSteps, ","), "naar-ggz") {
		t.Errorf("active steps during the wait: %v", during.ActiveSteps)
	}
	if len(during.Tasks) != 1 || !during.Tasks[0].Overdue {
		t.Errorf("the task's deadline did not fire during the hand-off: %+v", during.Tasks)
	}
	if done == nil || !done.done || done.err != nil {
		t.Fatalf("completion during the hand-off: %+v", done)
	}
	if strings.Contains(events(done.view), "handed-off") {
		t.Errorf("the answer waited for the provider: %s", events(done.view))
	}
	if len(h.waiting) != 0 {
		t.Errorf("memo waiting after the hand-off = %v, want empty", h.waiting)
	}
	v := h.view()
	if got := trailDetail(v, "handed-off"); got != "ggz-oost GGZ-1" {
		t.Errorf("handed-off detail %q", got)
	}
}

// TestHandoffMemoShowsTheWait: the memo says what the case waits for.
func TestHandoffMemoShowsTheWait(t *testing.T) {
	h := newHarness(t)
	h.env.OnActivity(activities.HandoffName, mock.Anything, mock.Anything).
		Return(activities.HandoffResult{Reference: "GGZ-1"}, nil).After(time.Hour)
	var memo []string
	var details string
	h.at(30*time.Minute, func() {
		memo = append([]string(nil), h.waiting...)
		details = h.details()
		h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "opvolgen-1", Data: map[string]any{}})
	})
	h.run(input(def(t, handoffDef), nil))
	h.result()
	if strings.Join(memo, "|") != "wacht op overdracht aan ggz-oost" {
		t.Errorf("memo waiting = %q", memo)
	}
	if !strings.Contains(details, "**Wacht op overdracht** aan ggz-oost (naar-ggz)") {
		t.Errorf("details = %q", details)
	}
}

// rejected is a provider's 422 as the activity reports it.
func rejected() error {
	return temporal.NewNonRetryableApplicationError("handoff to ggz-oost: webhook rejected the request: 422 Unprocessable Entity", activities.ErrRejected, nil)
}

// TestFailedHandoffStallsAndLeadRetries: a refusal marks the step failed with the
// reason and the case stalled; a worker may not rescue it, the lead retries with a new
// idempotency key, and the case goes on.
func TestFailedHandoffStallsAndLeadRetries(t *testing.T) {
	h := newHarness(t)
	calls := 0
	var keys []string
	h.env.OnActivity(activities.HandoffName, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.HandoffInput) (activities.HandoffResult, error) {
			calls++
			keys = append(keys, in.IdempotencyKey)
			if calls == 1 {
				return activities.HandoffResult{}, rejected()
			}
			return activities.HandoffResult{Reference: "GGZ-2"}, nil
		})
	var stalled CaseView
	var stalledSA any
	var byWorker, noReason, retried *outcome
	h.at(time.Hour, func() {
		stalled = h.view()
		stalledSA = h.sa[SAStalled.GetName()]
		byWorker = h.update(UpdateRetryHandoff, "r0", RetryHandoffRequest{Actor: worker("w1", "wijkcoach"), Reason: "opnieuw"})
		noReason = h.update(UpdateRetryHandoff, "r1", RetryHandoffRequest{Actor: worker("l1", "teamleider")})
		retried = h.update(UpdateRetryHandoff, "r2", RetryHandoffRequest{Actor: worker("l1", "teamleider"), Reason: "adres aangevuld"})
	})
	h.at(2*time.Hour, func() {
		h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "opvolgen-1", Data: map[string]any{}})
	})
	h.run(input(def(t, handoffDef), nil))
	h.endsWith("verwezen")
	if !stalled.Stalled || len(stalled.Handoffs) != 1 || stalled.Handoffs[0].Status != "failed" ||
		!strings.Contains(stalled.Handoffs[0].Reason, "422") {
		t.Errorf("after the refusal: stalled %v, hand-offs %+v", stalled.Stalled, stalled.Handoffs)
	}
	if stalledSA != true {
		t.Errorf("WijkStalled = %v after the refusal", stalledSA)
	}
	if errType(byWorker.err) != ErrForbidden || errType(noReason.err) != ErrInvalid {
		t.Errorf("worker's retry: %v; lead's retry without reason: %v", byWorker.err, noReason.err)
	}
	if retried == nil || retried.err != nil || retried.view.Stalled {
		t.Fatalf("lead's retry: %+v", retried)
	}
	if len(keys) != 2 || keys[0] != "case-1/naar-ggz-1" || keys[1] != "case-1/naar-ggz-1/retry-1" {
		t.Errorf("idempotency keys %v", keys)
	}
	v := h.view()
	if !strings.Contains(events(v), "handoff-failed:naar-ggz handoff-retried:naar-ggz") || trailDetail(v, "handoff-retried") != "ggz-oost: adres aangevuld" {
		t.Errorf("trail %s", events(v))
	}
}

// TestFailedHandoffLeadRoutesOn: the lead routes a case with a refused hand-off on to a
// named step, with a reason; the hand-off is left behind.
func TestFailedHandoffLeadRoutesOn(t *testing.T) {
	h := newHarness(t)
	h.env.OnActivity(activities.HandoffName, mock.Anything, mock.Anything).Return(activities.HandoffResult{}, rejected())
	var unknown, routed *outcome
	lead := worker("l1", "teamleider")
	h.at(time.Hour, func() {
		unknown = h.update(UpdateRouteOn, "r1", RouteOnRequest{Actor: lead, To: "handmatg", Reason: "x"})
		routed = h.update(UpdateRouteOn, "r2", RouteOnRequest{Actor: lead, To: "handmatig", Reason: "GGZ weigert; zelf oppakken"})
	})
	h.at(2*time.Hour, func() {
		h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "opvolgen-1", Data: map[string]any{}})
		h.update(UpdateComplete, "u2", CompleteRequest{Actor: lead, TaskID: "handmatig-1", Data: map[string]any{}})
	})
	h.run(input(def(t, handoffDef), nil))
	if r := h.result(); r.Result != "verwezen" || r.Step != "klaar" {
		t.Fatalf("result %+v", r)
	}
	if errType(unknown.err) != ErrInvalid || !strings.Contains(fieldErrors(t, unknown.err)[0].Message, `"handmatg" is not a step`) {
		t.Errorf("route-on to an unknown step: %v", unknown.err)
	}
	if routed == nil || routed.err != nil || routed.view.Stalled || len(routed.view.Handoffs) != 0 || !strings.Contains(taskIDs(routed.view), "handmatig-1") {
		t.Fatalf("route-on: %+v", routed)
	}
	if d := trailDetail(h.view(), "routed-on"); d != "handmatig: GGZ weigert; zelf oppakken" {
		t.Errorf("routed-on detail %q", d)
	}
}

// TestStuckCaseLeadRoutesOn: a case whose routing found no way on is routed on by the
// lead; the route-on on a case that is not stuck is a conflict.
func TestStuckCaseLeadRoutesOn(t *testing.T) {
	h := newHarness(t)
	var before CaseView
	var routed *outcome
	lead := worker("l1", "teamleider")
	h.at(time.Hour, func() {
		before = h.view()
		routed = h.update(UpdateRouteOn, "r1", RouteOnRequest{Actor: lead, To: "klaar", Reason: "afgestemd met inwoner"})
	})
	src := strings.Replace(sprintf(parentDef, "true"), "roles: {wijkcoach: Wijkcoach}", "roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}\nlead: teamleider", 1)
	h.run(input(def(t, src), nil)) // no related definitions: the referral cannot start
	h.endsWith("klaar")
	if !before.Stalled || before.StuckStep != "verwijzing" || !strings.Contains(before.StuckReason, "not in the case's related definitions") {
		t.Errorf("stuck view: stalled %v step %q reason %q", before.Stalled, before.StuckStep, before.StuckReason)
	}
	if routed == nil || routed.err != nil || routed.view.Status != StatusClosed {
		t.Fatalf("route-on: %+v", routed)
	}
}

// TestRouteOnRejections: only a stuck case is routed on, only by the lead.
func TestRouteOnRejections(t *testing.T) {
	h := newHarness(t)
	lead := worker("l1", "teamleider")
	var notStuck, byWorker *outcome
	h.at(time.Hour, func() {
		notStuck = h.update(UpdateRouteOn, "r1", RouteOnRequest{Actor: lead, To: "klaar", Reason: "x"})
		byWorker = h.update(UpdateRetryHandoff, "r2", RetryHandoffRequest{Actor: lead, Reason: "x"})
		h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "opvolgen-1", Data: map[string]any{}})
	})
	h.run(input(def(t, handoffDef), nil))
	h.result()
	if errType(notStuck.err) != ErrConflict || errType(byWorker.err) != ErrConflict {
		t.Errorf("route-on of a case that goes on: %v; retry without a failed hand-off: %v", notStuck.err, byWorker.err)
	}
}

// TestCreatedAnswersTheFirstView: the created update, sent with the start, answers the
// view with the start step's task open; another request digest is a conflict.
func TestCreatedAnswersTheFirstView(t *testing.T) {
	h := newHarness(t)
	var first, other *outcome
	h.env.RegisterDelayedCallback(func() {
		first = h.update(UpdateCreated, "c1", CreatedRequest{Actor: worker("w1", "wijkcoach"), Request: "sha-a"})
		other = h.update(UpdateCreated, "c2", CreatedRequest{Actor: worker("w1", "wijkcoach"), Request: "sha-b"})
	}, 0)
	h.at(time.Minute, func() {
		h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "opvolgen-1", Data: map[string]any{}})
	})
	in := input(def(t, handoffDef), nil)
	in.Request = "sha-a"
	h.run(in)
	h.result()
	if first == nil || first.err != nil || !strings.Contains(taskIDs(first.view), "opvolgen-1") {
		t.Fatalf("created: %+v", first)
	}
	if errType(other.err) != ErrConflict {
		t.Errorf("created with another digest: %v", other.err)
	}
}

// TestStarvedJoinIsStuck: a split that leaves a join waiting for a branch it did not
// open marks the case stuck at the join, with the reason, at once. (The definition
// hides the conditional branch behind a decision, which the validator cannot see.)
func TestStarvedJoinIsStuck(t *testing.T) {
	src := `
gemeente: testgem
process: samen
title: Samen
teams: [noord]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}
lead: teamleider
intake: {kinderen: {type: bool}}
start: splits
steps:
  splits: {kind: parallel, next: [{goto: volwassene}, {when: kinderen, goto: kind}]}
  volwassene: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: samen}]}
  kind: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: samen}]}
  samen: {kind: join, join: [volwassene, kind], next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`
	d, _ := definitions.Parse("samen.yaml", []byte(src)) // the validator's complaint is the point
	h := newHarness(t)
	var v CaseView
	h.at(time.Hour, func() {
		v = h.view()
		h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "volwassene-1", Data: map[string]any{}})
		h.update(UpdateRouteOn, "r1", RouteOnRequest{Actor: worker("l1", "teamleider"), To: "klaar", Reason: "geen kinderen"})
	})
	h.run(input(*d, map[string]any{"kinderen": false}))
	h.endsWith("klaar")
	if !v.Stalled || v.StuckStep != "samen" || v.StuckReason != "join samen waits for kind, which parallel step splits did not open" {
		t.Errorf("stalled %v step %q reason %q", v.Stalled, v.StuckStep, v.StuckReason)
	}
}

// TestParentRoutesOnChildOutcome: the child's result lands in the outcome field, and
// the parent's next transitions route on it; the child stays listed after it closed.
func TestParentRoutesOnChildOutcome(t *testing.T) {
	parent := def(t, `
gemeente: testgem
process: wijkteam
title: Wijkteam
teams: [noord]
roles: {wijkcoach: Wijkcoach}
intake: {uitkomst: {type: choice, options: [behandeld, afgewezen]}}
start: verwijzing
steps:
  verwijzing:
    kind: referral
    process: specialist
    outcome: uitkomst
    next:
      - {when: uitkomst == "behandeld", goto: klaar}
      - goto: opnieuw
  opnieuw: {kind: end, result: opnieuw}
  klaar: {kind: end, result: klaar}
`)
	child := def(t, childDef)
	h := newHarness(t)
	h.at(time.Hour, func() {
		err := h.env.UpdateWorkflowByID("case-1.verwijzing", UpdateComplete, "c1", &outcomeCallback{},
			CompleteRequest{Actor: worker("s1", "specialist"), TaskID: "behandeling-1", Data: map[string]any{"ok": true}})
		if err != nil {
			t.Error(err)
		}
	})
	in := input(parent, nil)
	in.Related = []definitions.Definition{child}
	h.run(in)
	if r := h.result(); r.Result != "klaar" {
		t.Fatalf("result %+v, want klaar (the child ended behandeld)", r)
	}
	v := h.view()
	if v.Data["uitkomst"] != "behandeld" || len(v.Children) != 1 || v.Children[0] != "case-1.verwijzing" {
		t.Errorf("data %v, children %v", v.Data, v.Children)
	}
}
