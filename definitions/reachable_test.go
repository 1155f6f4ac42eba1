package definitions

import (
	"maps"
	"slices"
	"testing"
)

// TestReachable: from where a case is, the steps it can still reach along next,
// escalate and timeout; an unknown step reaches nothing.
func TestReachable(t *testing.T) {
	d, issues := Parse("t.yaml", []byte(`gemeente: g
process: p
title: T
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: melding
steps:
  melding:
    kind: task
    role: wijkcoach
    form: {crisis: {type: bool, required: true}}
    next: [{when: crisis, goto: plan}, {goto: onderzoek}]
  onderzoek:
    kind: task
    role: wijkcoach
    escalate: [{after: 6w, goto: plan}]
    form: {verslag: {type: text, required: true}}
    next: [{goto: plan}]
  plan:
    kind: task
    role: wijkcoach
    form: {doelen: {type: text, required: true}}
    next: [{goto: klaar}]
  klaar: {kind: end, result: klaar}
`))
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	for _, tc := range []struct {
		from []string
		want []string
	}{
		{[]string{"melding"}, []string{"klaar", "melding", "onderzoek", "plan"}},
		{[]string{"plan"}, []string{"klaar", "plan"}},
		{[]string{"nergens"}, nil},
	} {
		if got := slices.Sorted(maps.Keys(d.Steps.Reachable(tc.from...))); !slices.Equal(got, tc.want) {
			t.Errorf("Reachable(%v) = %v, want %v", tc.from, got, tc.want)
		}
	}
}
