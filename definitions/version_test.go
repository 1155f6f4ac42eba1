package definitions

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// jsonCopy is d through JSON and back, as the case workflow receives it.
func jsonCopy(t *testing.T, d *Definition) Definition {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	back := Definition{File: d.File} // the file is not content: not in JSON
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	return back
}

func TestJSONRoundTrip(t *testing.T) {
	srcs := map[string]string{"small": validYAML, "rich": richYAML}
	for name, src := range srcs {
		t.Run(name, func(t *testing.T) {
			d, issues := Parse("t.yaml", []byte(src))
			checkIssues(t, issues, nil)
			back := jsonCopy(t, d)
			if !reflect.DeepEqual(d, &back) {
				t.Errorf("round trip changed the definition:\n%#v\n%#v", d, &back)
			}
			if back.ComputeVersion() != d.Version {
				t.Errorf("version after round trip = %s, want %s", back.ComputeVersion(), d.Version)
			}
		})
	}
}

// richYAML uses every kind of step and every optional shape, so the round trip covers
// pointers, maps, nested lists and durations.
const richYAML = `gemeente: testgem
process: wijkteam
title: Test
version: "2026-1"
calendar: weekdays
teams: [noord, zuid]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider, jeugd: Jeugdconsulent}
lead: teamleider
intake:
  risico: {type: choice, label: Risico, options: [laag, hoog], required: true}
  gebieden: {type: choices, options: [werk, zorg]}
start: melding
steps:
  melding:
    kind: task
    title: Melding
    description: Triage.
    role: wijkcoach
    deadline: {within: 6 weken, from: case, law: Verordening maatschappelijke ondersteuning art. 4}
    norm: 3wd
    suspendable: true
    extendable: 2w
    escalate:
      - {after: 5w, remind: assignee}
      - {after: 6w, to: teamleider, stalled: true}
      - {after: 8w, goto: crisis}
    form:
      verslag: {type: text, required: true, rules: "max=4000"}
      kinderen: {type: number, rules: "gte=0,lte=20"}
      evaluatie: {type: date}
    next:
      - {when: risico == "hoog", goto: crisis, label: hoog risico}
      - goto: samen
  crisis:
    kind: referral
    process: crisis
    await: false
    next: [{goto: klaar}]
  samen:
    kind: parallel
    next: [{goto: wmo}, {goto: jeugd}] # the join waits for both: neither has a when
  wmo:
    kind: task
    role: wijkcoach
    form: {plan_wmo: {type: text}}
    next: [{goto: plan}]
  jeugd:
    kind: task
    role: jeugd
    form: {plan_jeugd: {type: text}}
    next: [{goto: plan}]
  plan:
    kind: join
    join: [wmo, jeugd]
    next: [{goto: melden}]
  melden:
    kind: notify
    to: teamleider
    message: Er is een plan.
    next: [{goto: wachten}]
  wachten:
    kind: wait
    until: evaluatie
    next: [{goto: nog-even}]
  nog-even:
    kind: wait
    for: 26w
    next: [{goto: klaar}]
  klaar: {kind: end, result: afgerond}
`

func TestVersion(t *testing.T) {
	base, _ := Parse("t.yaml", []byte(validYAML))
	tests := []struct {
		name string
		src  string
		same bool
	}{
		{"same text", validYAML, true},
		{"comments and layout", "# kopje\n" + strings.Replace(validYAML, "teams: [noord]", "teams:\n  - noord   # het enige team", 1), true},
		{"key order", strings.Replace(validYAML, "gemeente: testgem\nprocess: wijkteam\n", "process: wijkteam\ngemeente: testgem\n", 1), true},
		{"role order", strings.Replace(validYAML, "{wijkcoach: Wijkcoach, teamleider: Teamleider}", "{teamleider: Teamleider, wijkcoach: Wijkcoach}", 1), true},
		{"duration spelling", strings.Replace(validYAML, "deadline: 3wd", "deadline: 3 werkdagen", 1), true},
		{"deadline as mapping", strings.Replace(validYAML, "deadline: 3wd", "deadline: {within: 3wd}", 1), true},
		{"explicit default calendar", strings.Replace(validYAML, "lead:", "calendar: nl\nlead:", 1), true},
		{"other deadline", strings.Replace(validYAML, "deadline: 3wd", "deadline: 4wd", 1), false},
		{"other title", strings.Replace(validYAML, "title: Test", "title: Test 2", 1), false},
		{"a label", strings.Replace(validYAML, "title: Test", "title: Test\nversion: \"2026-2\"", 1), false},
		{"step order", strings.Replace(strings.Replace(validYAML, "  klaar: {kind: end, result: afgerond}\n", "", 1),
			"steps:\n", "steps:\n  klaar: {kind: end, result: afgerond}\n", 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := Parse("t.yaml", []byte(tt.src))
			if d == nil {
				t.Fatal("no definition")
			}
			if (d.Version == base.Version) != tt.same {
				t.Errorf("version %s vs base %s; want same=%v", d.Version, base.Version, tt.same)
			}
		})
	}
	t.Run("6 weken equals 6w", func(t *testing.T) {
		a, _ := Parse("t.yaml", []byte(strings.Replace(validYAML, "deadline: 3wd", "deadline: 6 weken", 1)))
		b, _ := Parse("t.yaml", []byte(strings.Replace(validYAML, "deadline: 3wd", "deadline: 6w", 1)))
		if a.Version != b.Version || a.Version == base.Version {
			t.Errorf("6 weken → %s, 6w → %s, base %s", a.Version, b.Version, base.Version)
		}
	})
	t.Run("does not change the definition", func(t *testing.T) {
		d, _ := Parse("t.yaml", []byte(validYAML))
		before := *d
		if v := d.ComputeVersion(); v != before.Version || !reflect.DeepEqual(*d, before) {
			t.Errorf("ComputeVersion = %s (stored %s) or changed the definition", v, before.Version)
		}
	})
}
