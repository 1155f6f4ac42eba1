package workflows

import (
	"path/filepath"
	"testing"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// listMemoDef has a resident whose name a later form asks again, and a task that
// escalates, may be extended and stops its clock during an opschorting.
const listMemoDef = `
gemeente: testgem
process: lijst
title: Lijst
teams: [noord]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}
lead: teamleider
intake:
  naam: {type: text}
resident: {name: naam}
start: gesprek
steps:
  gesprek:
    kind: task
    role: wijkcoach
    deadline: 10h
    suspendable: true
    extendable: 5h
    escalate: [{after: 2h, to: teamleider}]
    form: {naam: {type: text}, verslag: {type: text, required: true}}
    next: [{goto: plan}]
  plan: {kind: task, role: wijkcoach, form: {plan: {type: text}}, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

// The memo carries what a task list row shows (list-memo): the task's escalation
// level, extension and stopped clock as its view shows them, and the resident's name,
// upserted again only when a form changes it. Under the default version (cases started
// before) the flags stay zero and no resident is published.
func TestMemoCarriesListRow(t *testing.T) {
	for _, tc := range []struct {
		name    string
		version workflow.Version
	}{{"rows", listMemoRows}, {"before", workflow.DefaultVersion}} {
		t.Run(tc.name, func(t *testing.T) {
			rows := tc.version == listMemoRows
			h := newHarness(t)
			// Each change asked for on its own (a run before run-versions), this one as the case says.
			h.env.OnGetVersion(runVersionsChange, workflow.DefaultVersion, runVersionsAll).Return(workflow.DefaultVersion)
			h.env.OnGetVersion(listMemoChange, workflow.DefaultVersion, listMemoRows).Return(tc.version)
			w, lead := worker("w1", "wijkcoach"), worker("tl", "teamleider")
			// memoTask checks the memo's one task against its view and the flags wanted.
			memoTask := func(when string, extended bool, level int, stopped bool) {
				t.Helper()
				v := h.view()
				if len(h.memo) != 1 || len(v.Tasks) != 1 {
					t.Fatalf("%s: memo %+v, view tasks %d", when, h.memo, len(v.Tasks))
				}
				m, tv := h.memo[0], v.Tasks[0]
				if !rows {
					extended, level, stopped = false, 0, false
				} else if m.Extended != tv.Extended || m.EscalationLevel != tv.EscalationLevel || m.ClockStopped != tv.ClockStopped {
					t.Errorf("%s: memo %+v differs from view %+v", when, m, tv)
				}
				if m.Extended != extended || m.EscalationLevel != level || m.ClockStopped != stopped {
					t.Errorf("%s: memo extended %v, level %d, clockStopped %v; want %v, %d, %v",
						when, m.Extended, m.EscalationLevel, m.ClockStopped, extended, level, stopped)
				}
			}
			resident := func(when, name string, upserts int) {
				t.Helper()
				if !rows {
					name, upserts = "", 0
				}
				if h.resident != name || h.residentUpserts != upserts {
					t.Errorf("%s: resident %q after %d upserts, want %q after %d", when, h.resident, h.residentUpserts, name, upserts)
				}
			}
			var updates []*outcome
			h.at(time.Hour, func() {
				memoTask("at the start", false, 0, false)
				resident("at the start", "Inwoner Een", 1)
				updates = append(updates, h.update(UpdateClaim, "claim", ClaimRequest{Actor: w, TaskID: "gesprek-1"}))
			})
			h.at(3*time.Hour, func() {
				if h.memo[0].Assignee != "w1" {
					t.Errorf("after claim: memo %+v", h.memo)
				}
				memoTask("after escalation", false, 1, false)
				resident("after claim", "Inwoner Een", 1)
				updates = append(updates, h.update(UpdateExtend, "extend", ExtendRequest{Actor: w, Reason: "complex", By: "5h"}))
			})
			h.at(4*time.Hour, func() {
				memoTask("after verlenging", true, 1, false)
				updates = append(updates, h.update(UpdateSuspend, "suspend", SuspendRequest{Actor: lead, Reason: "wacht op gegevens"}))
			})
			h.at(5*time.Hour, func() {
				memoTask("during opschorting", true, 1, true)
				updates = append(updates, h.update(UpdateResume, "resume", ResumeRequest{Actor: lead}))
			})
			h.at(6*time.Hour, func() {
				memoTask("after resume", true, 1, false)
				updates = append(updates, h.update(UpdateComplete, "done", CompleteRequest{Actor: w, TaskID: "gesprek-1",
					Data: map[string]any{"naam": "Inwoner Twee", "verslag": "…"}}))
			})
			h.at(7*time.Hour, func() {
				if len(h.memo) != 1 || h.memo[0].ID != "plan-1" {
					t.Errorf("after gesprek: memo %+v", h.memo)
				}
				memoTask("at plan", false, 0, false)
				resident("after the form changed the name", "Inwoner Twee", 2)
				h.stop()
			})
			h.run(input(def(t, listMemoDef), map[string]any{"naam": "Inwoner Een"}))
			if len(updates) != 5 {
				t.Errorf("%d updates sent, want 5", len(updates))
			}
			for i, u := range updates {
				if !u.done || u.err != nil {
					t.Errorf("update %d: %+v", i, u)
				}
			}
		})
	}
}

// The recorded list-memo path shows the rows as a list reads them: the aanvraag stopped
// during its opschorting and extended after its verlenging, and the resident's name
// upserted once, as no later form changes it.
func TestListMemoRecorded(t *testing.T) {
	memos := recordedMemos(t, testutil.Keys().DataConverter(), filepath.Join(historiesDir, "list-memo-dalfsen.json"))
	var stopped, extended bool
	var residents []any
	for _, m := range memos {
		if r, ok := m[MemoResident]; ok {
			residents = append(residents, r)
		}
		tasks, _ := m[MemoTasks].([]any)
		for _, tk := range tasks {
			row, _ := tk.(map[string]any)
			stopped = stopped || row["clockStopped"] == true
			extended = extended || row["extended"] == true
		}
	}
	if !stopped || !extended {
		t.Errorf("memo rows: clockStopped seen %v, extended seen %v; want both", stopped, extended)
	}
	if len(residents) != 1 || residents[0] != "Inwoner Voorbeeld" {
		t.Errorf("resident upserts %v, want one of Inwoner Voorbeeld", residents)
	}
}
