package workflows

import (
	"testing"
	"time"
)

const taskDecisionEnd = `
gemeente: testgem
process: basis
title: Basis
teams: [noord]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}
lead: teamleider
intake:
  bron: {type: choice, options: [inwoner, huisarts], required: true}
start: triage
steps:
  triage:
    kind: task
    role: wijkcoach
    form:
      risico: {type: choice, options: [geen, hoog], required: true}
    next:
      - goto: kies
  kies:
    kind: decision
    next:
      - {when: risico == "hoog", goto: crisis}
      - goto: klaar
  crisis: {kind: end, result: crisis}
  klaar: {kind: end, result: afgerond}
`

func TestTaskDecisionEnd(t *testing.T) {
	for _, tc := range []struct{ risico, result string }{{"geen", "afgerond"}, {"hoog", "crisis"}} {
		t.Run(tc.risico, func(t *testing.T) {
			h := newHarness(t)
			var first *outcome
			h.at(time.Hour, func() {
				v := h.view()
				if got := taskIDs(v); got != "triage-1" {
					t.Errorf("open tasks = %q, want triage-1", got)
				}
				first = h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "triage-1", Data: map[string]any{"risico": tc.risico}})
			})
			h.run(input(def(t, taskDecisionEnd), map[string]any{"bron": "inwoner"}))
			if r := h.result(); r.Result != tc.result {
				t.Errorf("result = %+v, want %s", r, tc.result)
			}
			if first == nil || !first.done || first.err != nil {
				t.Fatalf("complete: %+v", first)
			}
			if first.view.Status != StatusClosed || first.view.Result != tc.result {
				t.Errorf("update answer: status %s result %s", first.view.Status, first.view.Result)
			}
		})
	}
}
