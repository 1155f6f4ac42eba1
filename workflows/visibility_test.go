package workflows

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

//go:embed testdata/definitions/visible.yaml
var visibleDef string

func TestVisibility(t *testing.T) {
	h := newHarness(t)
	const secret = "Mevrouw Jansen, Dorpsstraat 1, BSN 123456782"
	deadline := time.Date(2026, 4, 14, 0, 0, 0, 0, amsterdam) // 6w from Mon 2 March, end of that day
	var details string
	h.at(time.Hour, func() {
		want := map[string]any{
			"WijkGemeente": "testgem", "WijkProcess": "zicht", "WijkTeam": "noord",
			"WijkStep": []string{"gesprek"}, "WijkStalled": false, "WijkSuspended": false,
			"WijkEscalation": int64(0), "WijkRoles": []string{"teamleider", "wijkcoach"}, "WijkDeadline": deadline,
		}
		for k, v := range want {
			if got := h.sa[k]; fmt.Sprint(got) != fmt.Sprint(v) {
				t.Errorf("search attribute %s = %v, want %v", k, got, v)
			}
		}
		if v, ok := h.sa["WijkDefinitionVersion"].(string); !ok || !strings.HasPrefix(v, "sha256:") {
			t.Errorf("WijkDefinitionVersion = %v", h.sa["WijkDefinitionVersion"])
		}
		if len(h.memo) != 1 || h.memo[0].ID != "gesprek-1" || h.memo[0].Title != "Keukentafelgesprek" || !h.memo[0].Deadline.Equal(deadline) {
			t.Errorf("memo = %+v", h.memo)
		}
		details = h.details()
		h.update(UpdateClaim, "c", ClaimRequest{Actor: worker("w1", "wijkcoach"), TaskID: "gesprek-1"})
	})
	h.at(2*time.Hour, func() {
		if !slices.Equal(asStrings(h.sa["WijkAssignees"]), []string{"w1"}) || h.memo[0].Assignee != "w1" {
			t.Errorf("after claim: WijkAssignees %v, memo %+v", h.sa["WijkAssignees"], h.memo)
		}
		h.update(UpdateComplete, "u", CompleteRequest{Actor: worker("w1", "wijkcoach"), TaskID: "gesprek-1",
			Data: map[string]any{"verslag": secret}})
	})
	h.at(3*time.Hour, func() {
		if !slices.Equal(asStrings(h.sa["WijkStep"]), []string{"pauze"}) || h.sa["WijkDeadline"] != nil || len(h.memo) != 0 {
			t.Errorf("while waiting: WijkStep %v, WijkDeadline %v, memo %+v", h.sa["WijkStep"], h.sa["WijkDeadline"], h.memo)
		}
	})
	h.run(input(def(t, visibleDef), map[string]any{"hulpvraag": secret}))
	h.result()
	if want := "**Wacht op**: gesprek (wijkcoach), deadline 2026-04-13 (Wmo 2015 art. 2.3.2)\n\n**Melding ontvangen**: 2026-03-02"; details != want {
		t.Errorf("details = %q, want %q", details, want)
	}
	all, _ := json.Marshal([]any{h.sa, h.memo, details})
	for _, part := range []string{"Jansen", "Dorpsstraat", "123456782"} {
		if strings.Contains(string(all), part) {
			t.Errorf("personal data %q in search attributes, memo or details", part)
		}
	}
}

func asStrings(v any) []string {
	s, _ := v.([]string)
	return s
}

const notifyBetweenDef = `
gemeente: testgem
process: tussen
title: Tussen
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: gesprek
steps:
  gesprek:
    kind: task
    role: wijkcoach
    deadline: {within: 6w}
    form:
      verslag: {type: text, required: true}
    next: [{goto: bericht}]
  bericht: {kind: notify, to: wijkcoach, message: Plan volgt., next: [{goto: plan}]}
  plan: {kind: task, role: wijkcoach, form: {plan: {type: text}}, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

// While a handler waits in the notify activity, the case is half-way (no task open),
// and the main loop wakes as the deadline it slept for went away; it must not publish
// that state: one upsert at the start, one after the update.
func TestNoPublishWhileHandlerWaits(t *testing.T) {
	h := newHarness(t)
	var got *outcome
	h.at(time.Minute, func() {
		got = h.update(UpdateComplete, "done", CompleteRequest{Actor: worker("w1", "wijkcoach"),
			TaskID: "gesprek-1", Data: map[string]any{"verslag": "x"}})
	})
	h.at(time.Hour, h.stop)
	h.run(input(def(t, notifyBetweenDef), nil))
	if got == nil || !got.done || got.err != nil {
		t.Fatalf("update: %+v", got)
	}
	if len(h.notes) != 1 {
		t.Fatalf("notifications = %d, want 1", len(h.notes))
	}
	if h.upserts != 2 {
		t.Errorf("search attribute upserts = %d, want 2", h.upserts)
	}
	if steps, _ := h.sa["WijkStep"].([]string); !slices.Equal(steps, []string{"plan"}) {
		t.Errorf("WijkStep = %v, want [plan]", h.sa["WijkStep"])
	}
}
