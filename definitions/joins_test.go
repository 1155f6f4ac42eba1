package definitions

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const joinYAML = `gemeente: testgem
process: samen
title: Samen
teams: [noord]
roles: {wijkcoach: Wijkcoach}
intake:
  kinderen: {type: bool}
start: splits
steps:
  splits:
    kind: parallel
    next:
      - goto: volwassene
      - when: kinderen
        goto: kind
  volwassene: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: samen}]}
  kind: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: samen}]}
  samen: {kind: join, join: [volwassene, kind], next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`

func TestJoinFedByConditionalBranch(t *testing.T) {
	_, issues := Parse("samen.yaml", []byte(joinYAML))
	checkIssues(t, issues, []string{
		`samen.yaml:14:15: steps.splits.next[1].when: join "samen" waits for "kind", which only this branch reaches; when the condition does not hold the case waits at the join for ever. Remove the when here, or let the branch always run and decide inside it (a decision that goes to "samen" either way)`,
	})
}

// TestJoinNotWaitingForTheConditionalBranch: a conditional branch that reaches the
// join through a step the join does not wait for starves nothing.
func TestJoinNotWaitingForTheConditionalBranch(t *testing.T) {
	src := strings.Replace(joinYAML, "      - goto: volwassene\n", "      - goto: volwassene\n      - goto: extra\n", 1)
	src = strings.Replace(src, "join: [volwassene, kind]", "join: [volwassene, extra]", 1)
	src = strings.Replace(src, "  klaar:", "  extra: {kind: task, role: wijkcoach, form: {ok: {type: bool}}, next: [{goto: samen}]}\n  klaar:", 1)
	_, issues := Parse("samen.yaml", []byte(src))
	checkIssues(t, issues, nil)
}

func TestStarvedJoins(t *testing.T) {
	d, _ := Parse("samen.yaml", []byte(joinYAML))
	split := d.Steps.Step("splits")
	if got := StarvedJoins(d, split, []string{"volwassene", "kind"}); got != nil {
		t.Errorf("both branches taken: %v", got)
	}
	want := []Starved{{Join: "samen", Missing: "kind"}}
	if got := StarvedJoins(d, split, []string{"volwassene"}); !reflect.DeepEqual(got, want) {
		t.Errorf("one branch taken: %v, want %v", got, want)
	}
}

func TestReferralPass(t *testing.T) {
	src := ouderHead + `intake:
  zorg: {type: text}
  bsn: {type: text}
start: kind
steps:
  kind: {kind: referral, process: kind, pass: [zorg, zrg, zorg], next: [{goto: ggz}]}
  ggz: {kind: referral, provider: ggz, pass: [zorg], next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`
	_, issues := Parse("ouder.yaml", []byte(src))
	checkIssues(t, issues, []string{
		`ouder.yaml:11:54: steps.kind.pass[1]: unknown field "zrg"; did you mean "zorg"?`,
		`ouder.yaml:11:59: steps.kind.pass[2]: "zorg" is passed twice; remove one`,
		`ouder.yaml:12:40: steps.ggz.pass: a hand-off to a provider sends the case's ids only, never its data; remove pass`,
	})
}

func TestChildData(t *testing.T) {
	child := &Definition{Intake: Form{{Name: "zorg", Type: FieldText}, {Name: "leeftijd", Type: FieldNumber}}}
	data := map[string]any{"zorg": "x", "bsn": "123", "naam": "y"}
	if got := ChildData(&Step{}, child, data); !reflect.DeepEqual(got, map[string]any{"zorg": "x"}) {
		t.Errorf("by the child's intake: %v", got)
	}
	if got := ChildData(&Step{Pass: []string{"naam"}}, child, data); !reflect.DeepEqual(got, map[string]any{"naam": "y"}) {
		t.Errorf("by pass: %v", got)
	}
}

func TestReferralOutcome(t *testing.T) {
	src := ouderHead + `intake:
  uitkomst: {type: choice, options: [gemeld]}
  aantal: {type: number}
start: a
steps:
  a: {kind: referral, process: kind, outcome: uitkmst, next: [{goto: b}]}
  b: {kind: referral, process: kind, outcome: aantal, next: [{goto: c}]}
  c: {kind: referral, process: kind, await: false, outcome: uitkomst, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`
	_, issues := Parse("ouder.yaml", []byte(src))
	checkIssues(t, issues, []string{
		`ouder.yaml:11:47: steps.a.outcome: unknown field "uitkmst"; did you mean "uitkomst"?`,
		`ouder.yaml:12:47: steps.b.outcome: field "aantal" is number; the child's result is text: declare it as text or choice`,
		`ouder.yaml:13:52: steps.c.outcome: only an awaited child case (process:, without await: false) has a result to route on; remove outcome`,
	})
}

func TestReferralOutcomeOptions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ouder.yaml", ouderHead+`intake:
  uitkomst: {type: choice, options: [behandeld]}
start: a
steps:
  a: {kind: referral, process: kind, outcome: uitkomst, next: [{goto: klaar}]}
  klaar: {kind: end, result: klaar}
`)
	write("kind.yaml", `gemeente: testgem
process: kind
title: Kind
teams: [noord]
roles: {wijkcoach: Wijkcoach}
start: b
steps:
  b: {kind: decision, next: [{when: "true", goto: behandeld}, {goto: afgewezen}]}
  behandeld: {kind: end, result: behandeld}
  afgewezen: {kind: end, result: afgewezen}
`)
	_, issues := LoadDir(dir)
	want := filepath.Join(dir, "ouder.yaml") + `:10:47: steps.a.outcome: field "uitkomst" lacks the result(s) afgewezen that kind can end with; add them to its options`
	if len(issues) != 1 || issues[0].String() != want {
		t.Errorf("issues:\n%v\nwant\n%s", issues, want)
	}
}

// ouderHead is the first five lines of the parent process in the referral tests; the
// lines of their problems count from it.
const ouderHead = `gemeente: testgem
process: ouder
title: Ouder
teams: [noord]
roles: {wijkcoach: Wijkcoach}
`
