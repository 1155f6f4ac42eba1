package workflows

import (
	"testing"
	"time"
)

// A field asked at intake and again at triage keeps both answers, with the step and
// moment of each; a field answered once shows no history.
func TestAnswersKept(t *testing.T) {
	h := newHarness(t)
	var done *outcome
	h.at(time.Hour, func() {
		done = h.update(UpdateComplete, "u1", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "triage-1", Data: map[string]any{"risico": "hoog"}})
	})
	h.run(input(def(t, taskDecisionEnd), map[string]any{"bron": "inwoner", "risico": "geen"}))
	if done == nil || done.err != nil {
		t.Fatalf("complete: %+v", done)
	}
	v := done.view
	if v.Data["risico"] != "hoog" {
		t.Errorf("data risico = %v, want the last answer hoog", v.Data["risico"])
	}
	got := v.Answers["risico"]
	if len(got) != 2 {
		t.Fatalf("answers risico = %+v, want 2", got)
	}
	if got[0].Step != "" || got[0].Value != "geen" || got[1].Step != "triage" || got[1].Task != "triage-1" || got[1].Value != "hoog" {
		t.Errorf("answers risico = %+v, want intake geen then triage hoog", got)
	}
	if d := got[1].At.Sub(got[0].At); d != time.Hour {
		t.Errorf("triage answered %s after intake, want 1h", d)
	}
	if _, ok := v.Answers["bron"]; ok {
		t.Errorf("bron answered once shows a history: %+v", v.Answers["bron"])
	}
}

// A field answered in a loop keeps only its most recent maxAnswers answers.
func TestAnswersBounded(t *testing.T) {
	s := &CaseState{Data: map[string]any{}}
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i := range maxAnswers + 3 {
		s.keepAnswers("gesprek", "", at.Add(time.Duration(i)*time.Hour), map[string]any{"n": i})
	}
	list := s.Answers["n"]
	if len(list) != maxAnswers || list[0].Value != 3 || list[maxAnswers-1].Value != maxAnswers+2 {
		t.Errorf("answers = %d from %v to %v, want %d from 3", len(list), list[0].Value, list[len(list)-1].Value, maxAnswers)
	}
}
