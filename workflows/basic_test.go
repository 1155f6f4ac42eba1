package workflows

import (
	_ "embed"
	"testing"
	"time"
)

//go:embed testdata/definitions/task-decision-end.yaml
var taskDecisionEnd string

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
