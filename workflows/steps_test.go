package workflows

import (
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/activities"
)

const waitFor = `
gemeente: testgem
process: wacht
title: Wacht
teams: [noord]
roles: {wijkcoach: Wijkcoach}
intake:
  datum: {type: date}
start: pauze
steps:
  pauze: {kind: wait, for: 5h, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

func TestWaitFor(t *testing.T) {
	h := newHarness(t)
	h.at(4*time.Hour, func() {
		if v := h.view(); len(v.ActiveSteps) != 1 || v.ActiveSteps[0] != "pauze" {
			t.Errorf("active steps after 4h = %v, want [pauze]", v.ActiveSteps)
		}
	})
	h.run(input(def(t, waitFor), nil))
	h.result()
	if got, want := h.env.Now(), testStart.Add(5*time.Hour); !got.Equal(want) {
		t.Errorf("case ended at %v, want %v", got, want)
	}
}

const waitUntil = `
gemeente: testgem
process: wacht
title: Wacht
teams: [noord]
roles: {wijkcoach: Wijkcoach}
intake:
  evaluatiedatum: {type: date}
start: tot
steps:
  tot: {kind: wait, until: evaluatiedatum, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

func TestWaitUntil(t *testing.T) {
	for _, tc := range []struct {
		name, date string
		want       time.Time
	}{
		{"future date: 00:00 Amsterdam", "2026-03-10", time.Date(2026, 3, 10, 0, 0, 0, 0, amsterdam)},
		{"past date: at once", "2026-01-01", testStart},
		{"no date: at once", "", testStart},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			data := map[string]any{}
			if tc.date != "" {
				data["evaluatiedatum"] = tc.date
			}
			h.run(input(def(t, waitUntil), data))
			h.result()
			if got := h.env.Now(); !got.Equal(tc.want) {
				t.Errorf("case ended at %v, want %v", got, tc.want)
			}
		})
	}
}

const notifyDef = `
gemeente: testgem
process: meld
title: Meld
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: bericht
steps:
  bericht: {kind: notify, to: wijkcoach, message: Plan de evaluatie., next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

func TestNotifyStep(t *testing.T) {
	h := newHarness(t)
	h.run(input(def(t, notifyDef), nil))
	h.result()
	want := activities.NotifyInput{CaseID: "case-1", Gemeente: "testgem", Process: "meld", Team: "noord",
		Step: "bericht", Kind: "notify", To: "wijkcoach", Message: "Plan de evaluatie."}
	if len(h.notes) != 1 || h.notes[0] != want {
		t.Errorf("notifications = %+v, want [%+v]", h.notes, want)
	}
}

const providerDef = `
gemeente: testgem
process: verwijs
title: Verwijs
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: naar-ggz
steps:
  naar-ggz: {kind: referral, provider: ggz-oost, next: [{goto: klaar}]}
  klaar: {kind: end, result: verwezen}
`

func TestReferralToProvider(t *testing.T) {
	h := newHarness(t)
	h.run(input(def(t, providerDef), nil))
	if r := h.result(); r.Result != "verwezen" {
		t.Errorf("result = %+v", r)
	}
	want := activities.HandoffInput{CaseID: "case-1", Gemeente: "testgem", Process: "verwijs", Step: "naar-ggz",
		Provider: "ggz-oost", IdempotencyKey: "case-1/naar-ggz-1"}
	if len(h.handoffs) != 1 || h.handoffs[0] != want {
		t.Errorf("hand-offs = %+v, want [%+v]", h.handoffs, want)
	}
}

const parentDef = `
gemeente: testgem
process: wijkteam
title: Wijkteam
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: verwijzing
steps:
  verwijzing: {kind: referral, process: specialist, await: %s, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

const childDef = `
gemeente: testgem
process: specialist
title: Specialist
teams: [noord]
roles: {specialist: Specialist}
start: behandeling
steps:
  behandeling: {kind: task, role: specialist, form: {ok: {type: bool}}, next: [{goto: einde}]}
  einde: {kind: end, result: behandeld}
`

func TestReferralChildCase(t *testing.T) {
	for _, await := range []bool{true, false} {
		name := map[bool]string{true: "awaited", false: "not awaited"}[await]
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			awaitWord := map[bool]string{true: "true", false: "false"}[await]
			in := input(def(t, sprintf(parentDef, awaitWord)), map[string]any{})
			in.Related = append(in.Related, def(t, childDef))
			var during CaseView
			h.at(time.Hour, func() {
				during = h.view()
				err := h.env.UpdateWorkflowByID("case-1.verwijzing", UpdateComplete, "c1", &outcomeCallback{},
					CompleteRequest{Actor: worker("s1", "specialist"), TaskID: "behandeling-1"})
				if await && err != nil {
					t.Errorf("update child: %v", err)
				}
			})
			h.run(in)
			h.result()
			if await {
				if got := h.env.Now(); !got.Equal(testStart.Add(time.Hour)) {
					t.Errorf("parent ended at %v, want when the child ended", got)
				}
				if len(during.Children) != 1 || during.Children[0] != "case-1.verwijzing" || during.ActiveSteps[0] != "verwijzing" {
					t.Errorf("while referred: children %v active %v", during.Children, during.ActiveSteps)
				}
				if got := trailDetail(h.view(), "referral-returned"); got != "case-1.verwijzing behandeld" {
					t.Errorf("referral-returned detail = %q, want the child's id and result", got)
				}
			} else if got := h.env.Now(); !got.Equal(testStart) {
				t.Errorf("parent ended at %v, want at once", got)
			}
		})
	}
}

const parallelDef = `
gemeente: testgem
process: samen
title: Samen
teams: [noord]
roles: {wijkcoach: Wijkcoach, jeugdconsulent: Jeugdconsulent}
start: splits
steps:
  splits:
    kind: parallel
    next: [{goto: wmo}, {goto: jeugd}]
  wmo: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: samen}]}
  jeugd: {kind: task, role: jeugdconsulent, form: {ok: {type: bool}}, next: [{goto: samen}]}
  samen: {kind: join, join: [wmo, jeugd], next: [{goto: plan}]}
  plan: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

func TestParallelAndJoin(t *testing.T) {
	h := newHarness(t)
	var first, second *outcome
	h.at(time.Hour, func() {
		if got := taskIDs(h.view()); got != "wmo-1,jeugd-1" {
			t.Errorf("open after split = %q, want wmo-1,jeugd-1", got)
		}
		first = h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "wmo-1"})
	})
	h.at(2*time.Hour, func() {
		second = h.update(UpdateComplete, "u2", CompleteRequest{Actor: worker("j1", "jeugdconsulent"), TaskID: "jeugd-1"})
	})
	h.at(3*time.Hour, func() { h.stop() })
	h.run(input(def(t, parallelDef), nil))
	if first.err != nil || second.err != nil {
		t.Fatalf("updates: %v, %v", first.err, second.err)
	}
	if got := taskIDs(first.view); got != "jeugd-1" {
		t.Errorf("after first branch: open %q, want jeugd-1 (join waits)", got)
	}
	if got := taskIDs(second.view); got != "plan-1" {
		t.Errorf("after both branches: open %q, want plan-1", got)
	}
}

const endClosesAllDef = `
gemeente: testgem
process: eind
title: Eind
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: splits
steps:
  splits: {kind: parallel, next: [{goto: a}, {goto: b}]}
  a: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: klaar}]}
  b: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

func TestEndClosesOpenBranches(t *testing.T) {
	h := newHarness(t)
	var done *outcome
	h.at(time.Hour, func() {
		done = h.update(UpdateComplete, "u", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "a-1", Data: map[string]any{"ok": true}})
	})
	h.run(input(def(t, endClosesAllDef), nil))
	h.endsWith("klaar")
	v := done.view
	if v.Status != StatusClosed || len(v.Tasks) != 0 || v.Data["ok"] != true {
		t.Errorf("answer: status %s, tasks %v, data %v", v.Status, taskIDs(v), v.Data)
	}
	if want := "task-cancelled:b"; !strings.Contains(events(v), want) {
		t.Errorf("trail lacks %s: %s", want, events(v))
	}
}
