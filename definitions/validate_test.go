package definitions

import (
	"fmt"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// validYAML is a small definition that passes every check; the broken cases below are
// written out in full so that their line and column numbers can be read off the test.
const validYAML = `gemeente: testgem
process: wijkteam
title: Test
teams: [noord]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}
lead: teamleider
intake:
  risico: {type: choice, options: [laag, hoog], required: true}
start: melding
steps:
  melding:
    kind: task
    role: wijkcoach
    deadline: 3wd
    form:
      verslag: {type: text}
    next:
      - when: risico == "hoog"
        goto: crisis
      - goto: klaar
  crisis:
    kind: referral
    provider: veilig-thuis
    next: [{goto: klaar}]
  klaar: {kind: end, result: afgerond}
`

// head is the part of validYAML before steps, for cases about steps only.
const head = `gemeente: testgem
process: wijkteam
title: Test
teams: [noord]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}
start: a
steps:
`

// issueLines renders issues as the CLI prints them.
func issueLines(is Issues) []string {
	out := make([]string, len(is))
	for i, x := range is {
		out[i] = x.String()
	}
	return out
}

// parseCase is a definition file and the problems Parse must find in it as t.yaml.
type parseCase struct {
	name, src string
	want      []string
}

// checkParse parses each case's file and checks its problems.
func checkParse(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			_, issues := Parse("t.yaml", []byte(tt.src))
			checkIssues(t, issues, tt.want)
		})
	}
}

func checkIssues(t *testing.T, got Issues, want []string) {
	t.Helper()
	g := issueLines(got)
	if strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("issues:\n%s\nwant:\n%s\n(as Go: %#v)", strings.Join(g, "\n"), strings.Join(want, "\n"), g)
	}
}

func TestParseValid(t *testing.T) {
	d, issues := Parse("t.yaml", []byte(validYAML))
	checkIssues(t, issues, nil)
	if d == nil || len(d.Steps) != 3 || d.Steps[0].ID != "melding" || d.Steps[2].ID != "klaar" {
		t.Fatalf("steps not decoded in file order: %+v", d)
	}
	if !strings.HasPrefix(d.Version, "sha256:") || len(d.Version) != len("sha256:")+16 {
		t.Errorf("version = %q, want sha256: and 16 hex digits", d.Version)
	}
}

func TestParseBroken(t *testing.T) {
	tests := []parseCase{
		{"missing required keys", "gemeente: testgem\nsteps: {}\n", []string{
			"t.yaml:1:1: process: is required",
			"t.yaml:1:1: roles: is required",
			"t.yaml:1:1: start: is required",
			"t.yaml:1:1: teams: is required",
			"t.yaml:1:1: title: is required",
			"t.yaml:2:8: steps: is required",
		}},

		{"unknown key with suggestion", head + "  a:\n    kind: end\n    reslt: klaar\n", []string{
			"t.yaml:8:3: steps.a.result: an end step needs a result, e.g. result: afgerond",
			"t.yaml:10:5: steps.a.reslt: unknown key \"reslt\"; did you mean \"result\"?",
		}},
		{"unknown top-level key", strings.Replace(validYAML, "title:", "titel:", 1), []string{
			"t.yaml:1:1: title: is required",
			"t.yaml:3:1: titel: unknown key \"titel\"; did you mean \"title\"?",
		}},
		{"wrong kinds of value", head + "  a:\n    kind: [task]\n    title: {x: 1}\n    deadline: [3wd]\n    suspendable: ja\n    escalate: {after: 5w}\n    next: {goto: b}\n  b: {kind: end, result: x}\n", []string{
			"t.yaml:9:11: steps.a.kind: expected text, not a list",
			"t.yaml:10:12: steps.a.title: expected text, not a mapping",
			"t.yaml:11:15: steps.a.deadline: expected a duration like 3wd or a mapping with within/from, not a list",
			"t.yaml:12:18: steps.a.suspendable: expected true or false, not \"ja\"",
			"t.yaml:13:15: steps.a.escalate: expected a list of rungs, like [{after: 5w, remind: assignee}], not a mapping",
			"t.yaml:14:11: steps.a.next: expected a list of transitions, like [{goto: plan}], not a mapping",
		}},
		{"steps not a mapping", strings.Replace(head, "start: a\n", "start: a\n", 1) + "  - a\n  - b\n", []string{
			"t.yaml:8:3: steps: expected a mapping of steps keyed by their id, not a list",
		}},
		{"bad durations", head + "  a:\n    kind: task\n    role: wijkcoach\n    form: {x: {type: bool}}\n    deadline: 6 wekn\n    norm: {within: 0d}\n    extendable: 6\n    next: [{goto: b}]\n  b: {kind: end, result: x}\n", []string{
			"t.yaml:12:15: steps.a.deadline: \"6 wekn\" is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)",
			"t.yaml:13:20: steps.a.norm.within: \"0d\" must be a count from 1 to 100000, e.g. 1d",
			"t.yaml:14:17: steps.a.extendable: \"6\" is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)",
		}},
		{"deadline mapping", head + "  a:\n    kind: task\n    role: wijkcoach\n    form: {x: {type: bool}}\n    deadline: {from: case, law: Wmo 2015 art. 2.3.2, binnen: 6w}\n    norm: {within: 1w, from: meldng}\n    next: [{goto: b}]\n  b: {kind: end, result: x}\n", []string{
			"t.yaml:12:5: steps.a.deadline.within: is required: the length of the term, e.g. within: 6w",
			"t.yaml:12:54: steps.a.deadline.binnen: unknown key \"binnen\"; write one of: within, from, law, cases",
			"t.yaml:13:30: steps.a.norm.from: unknown step or field \"meldng\"; from is step, case, a step id or a date field",
		}},
		{"unknown step in goto", head + "  a:\n    kind: decision\n    next:\n      - {when: 'true', goto: plna}\n      - goto: zzz\n  plan: {kind: end, result: x}\n", []string{
			"t.yaml:11:30: steps.a.next[0].goto: unknown step \"plna\"; did you mean \"plan\"?",
			"t.yaml:12:15: steps.a.next[1].goto: unknown step \"zzz\"; steps are: a, plan",
		}},
		{"unknown start", strings.Replace(validYAML, "start: melding", "start: meldng", 1), []string{
			"t.yaml:9:8: start: unknown step \"meldng\"; did you mean \"melding\"?",
		}},
		{"unknown roles", head + "  a:\n    kind: task\n    role: wijkcaoch\n    form: {x: {type: bool}}\n    escalate:\n      - {after: 1w, remind: asignee}\n      - {after: 2w, to: assignee}\n    next: [{goto: b}]\n  b:\n    kind: notify\n    to: teamlieder\n    next: [{goto: c}]\n  c: {kind: end, result: x}\n", []string{
			"t.yaml:10:11: steps.a.role: unknown role \"wijkcaoch\"; did you mean \"wijkcoach\"?",
			"t.yaml:13:29: steps.a.escalate[0].remind: unknown role \"asignee\"; did you mean \"assignee\"?",
			"t.yaml:14:25: steps.a.escalate[1].to: needs a role, not assignee (who already has the task); roles are: teamleider, wijkcoach",
			"t.yaml:18:9: steps.b.to: unknown role \"teamlieder\"; did you mean \"teamleider\"?",
		}},
		{"task needs role form and next", head + "  a:\n    kind: task\n  b: {kind: end, result: x}\n", []string{
			"t.yaml:8:3: steps.a.form: a task needs a form with at least one field",
			"t.yaml:8:3: steps.a.next: a task step needs next: [{goto: …}]",
			"t.yaml:8:3: steps.a.role: a task needs a role, e.g. role: wijkcoach",
			"t.yaml:10:3: steps.b: no step leads here from start \"a\"; add a goto to \"b\" or remove the step",
		}},
		{"keys that do not apply", head + "  a:\n    kind: decision\n    role: wijkcoach\n    for: 2w\n    result: x\n    next: [{goto: b}]\n  b: {kind: end, next: [{goto: a}]}\n", []string{
			"t.yaml:10:5: steps.a.role: role does not apply to a decision step (only to task); remove it",
			"t.yaml:11:5: steps.a.for: for does not apply to a decision step (only to wait); remove it",
			"t.yaml:12:5: steps.a.result: result does not apply to a decision step (only to end); remove it",
			"t.yaml:14:3: steps.b.result: an end step needs a result, e.g. result: afgerond",
			"t.yaml:14:18: steps.b.next: an end step has no next; remove it",
		}},
		{"wait needs exactly one of for and until", head + "  a:\n    kind: wait\n    next: [{goto: b}]\n  b:\n    kind: wait\n    for: 2w\n    until: datum\n    next: [{goto: c}]\n  c:\n    kind: wait\n    until: verslag\n    next: [{goto: d}]\n  d:\n    kind: task\n    role: wijkcoach\n    form: {verslag: {type: text}, datum: {type: date}}\n    next: [{goto: e}]\n  e: {kind: end, result: x}\n", []string{
			"t.yaml:8:3: steps.a.for: a wait step needs for: (a duration, e.g. 26w), until: (a date field) or event: (a name for what comes from outside)",
			"t.yaml:14:5: steps.b.until: a wait step has for or until, not both; remove one",
			"t.yaml:18:12: steps.c.until: field \"verslag\" is a text field; until needs a date field",
		}},
		{"referral needs exactly one of process and provider", head + "  a:\n    kind: referral\n    next: [{goto: b}]\n  b:\n    kind: referral\n    process: jeugdhulp\n    provider: ggz\n    next: [{goto: c}]\n  c: {kind: end, result: x}\n", []string{
			"t.yaml:8:3: steps.a.process: a referral needs process: (a process of the same gemeente) or provider: (an external provider)",
			"t.yaml:14:5: steps.b.provider: a referral has process or provider, not both; remove one",
		}},
		{"decision without a way out", head + "  a:\n    kind: decision\n    next:\n      - {when: 'false', goto: b}\n      - {when: 'true', goto: b}\n  b:\n    kind: decision\n    next:\n      - goto: c\n      - {when: 'true', goto: b}\n  c: {kind: end, result: x}\n", []string{
			"t.yaml:12:16: steps.a.next[1].when: a case gets stuck when no condition holds; add a last `- goto: …` without when",
			"t.yaml:17:9: steps.b.next[1]: is never taken: next[0] has no when and always goes first; put the transition without when last",
		}},
		{"escalation out of order", head + "  a:\n    kind: task\n    role: wijkcoach\n    form: {x: {type: bool}}\n    deadline: 6w\n    escalate:\n      - {after: 5w, remind: assignee}\n      - {after: 25d, to: teamleider}\n      - {after: 30wd, stalled: true}\n      - {remind: assignee}\n      - {after: 8w}\n    next: [{goto: b}]\n  b: {kind: end, result: x}\n", []string{
			"t.yaml:15:17: steps.a.escalate[1].after: 25d must come later than the rung before (5w); order the rungs by after",
			"t.yaml:17:9: steps.a.escalate[3].after: is required: when the rung fires, e.g. after: 5w",
			"t.yaml:18:9: steps.a.escalate[4]: a rung does nothing; add remind, to, stalled or goto",
		}},
		{"unreachable and stranded steps", head + "  a:\n    kind: task\n    role: wijkcoach\n    form: {x: {type: bool}}\n    next: [{when: x, goto: c}, {goto: b}]\n  b:\n    kind: notify\n    to: wijkcoach\n    next: [{goto: b}]\n  c: {kind: end, result: x}\n  d: {kind: end, result: y}\n", []string{
			"t.yaml:13:3: steps.b: a case that gets here never reaches an end step: this step only leads to itself; add a transition towards an end step",
			"t.yaml:18:3: steps.d: no step leads here from start \"a\"; add a goto to \"d\" or remove the step",
		}},
		{"a trap of two steps is reported once", head + "  a:\n    kind: decision\n    next: [{when: 'true', goto: b}, {goto: z}]\n  b:\n    kind: notify\n    to: wijkcoach\n    next: [{goto: c}]\n  c:\n    kind: task\n    role: wijkcoach\n    form: {x: {type: bool}}\n    next: [{goto: b}]\n  z: {kind: end, result: x}\n", []string{
			"t.yaml:11:3: steps.b: a case that gets here never reaches an end step: b, c only lead to each other; add a transition towards an end step",
		}},
		{"a loop without a task or wait", head + "  a:\n    kind: decision\n    next: [{when: 'true', goto: z}, {goto: b}]\n  b:\n    kind: notify\n    to: wijkcoach\n    next: [{goto: c}]\n  c:\n    kind: referral\n    provider: ggz\n    await: false\n    next: [{goto: a}]\n  z: {kind: end, result: x}\n", []string{
			"t.yaml:8:3: steps.a: a, b, c lead to each other without a task or wait in between, so a case could go round for ever; put a task or wait in the loop",
		}},
		{"a loop through a task is fine", head + "  a:\n    kind: decision\n    next: [{when: 'true', goto: z}, {goto: b}]\n  b:\n    kind: task\n    role: wijkcoach\n    form: {x: {type: bool}}\n    next: [{goto: a}]\n  z: {kind: end, result: x}\n", nil},
		{"no end step", head + "  a:\n    kind: decision\n    next: [{goto: a}]\n", []string{
			"t.yaml:8:3: steps: the process has no end step; add one, e.g. afgesloten: {kind: end, result: afgerond}",
		}},
		{"join lists steps that do not lead to it", head + "  a:\n    kind: parallel\n    next: [{goto: b}, {goto: c}]\n  b:\n    kind: task\n    role: wijkcoach\n    form: {x: {type: bool}}\n    next: [{goto: j}]\n  c:\n    kind: task\n    role: wijkcoach\n    form: {y: {type: bool}}\n    next: [{goto: e}]\n  j:\n    kind: join\n    join: [b, c, cc]\n    next: [{goto: e}]\n  k:\n    kind: join\n    join: [b]\n    next: [{goto: e}]\n  e: {kind: end, result: x}\n", []string{
			"t.yaml:23:15: steps.j.join[1]: step \"c\" never goes to \"j\", so the join would wait for ever; add `- goto: j` to its next or remove it here",
			"t.yaml:23:18: steps.j.join[2]: unknown step \"cc\"; did you mean \"c\"?",
			"t.yaml:25:3: steps.k: no step leads here from start \"a\"; add a goto to \"k\" or remove the step",
			"t.yaml:27:11: steps.k.join: a join waits for at least 2 steps, like join: [plan-wmo, plan-jeugd]",
			"t.yaml:27:12: steps.k.join[0]: step \"b\" never goes to \"k\", so the join would wait for ever; add `- goto: k` to its next or remove it here",
		}},
		{"form fields", head + "  a:\n    kind: task\n    role: wijkcoach\n    form:\n      keuze: {type: choice}\n      lijst: {type: choices, options: [a, b, a]}\n      tekst: {type: text, options: [a]}\n      eigen-kracht: {type: bool}\n      in: {type: bool}\n      getal: {type: number, rules: 'gte=0,lte=veel'}\n    next: [{goto: b}]\n  b:\n    kind: task\n    role: wijkcoach\n    form: {getal: {type: text}, datum: {type: dat}}\n    next: [{goto: c}]\n  c: {kind: end, result: x}\n", []string{
			"t.yaml:12:7: steps.a.form.keuze.options: a choice field needs options, like options: [ja, nee]",
			"t.yaml:13:46: steps.a.form.lijst.options[2]: option \"a\" appears twice; keep one",
			"t.yaml:14:27: steps.a.form.tekst.options: only choice and choices fields have options; remove them or make the type choice (this is a text field)",
			"t.yaml:15:7: steps.a.form.eigen-kracht: field name \"eigen-kracht\" must be letters, digits and underscores (conditions use it as a name), like eigen_kracht",
			"t.yaml:16:7: steps.a.form.in: field name \"in\" is a reserved word in conditions; choose another name",
			"t.yaml:17:36: steps.a.form.getal.rules: \"gte=0,lte=veel\" cannot be read: a rule's value is not a number",
			"t.yaml:22:26: steps.b.form.getal.type: \"getal\" is a number field at steps.a.form.getal (line 17); give it one type everywhere or another name",
			"t.yaml:22:47: steps.b.form.datum.type: \"dat\" must be one of: text, bool, number, date, choice, choices; did you mean \"date\"?",
		}},
		{"conditions", head + "  a:\n    kind: task\n    role: wijkcoach\n    form: {risico: {type: choice, options: [laag, hoog]}, aantal: {type: number}}\n    next:\n      - {when: risco == 'hoog', goto: b}\n      - {when: aantal, goto: b}\n      - {when: risico ==, goto: b}\n      - goto: b\n  b: {kind: end, result: x}\n", []string{
			"t.yaml:13:16: steps.a.next[0].when: column 1: unknown field \"risco\"; did you mean \"risico\"?",
			"t.yaml:14:16: steps.a.next[1].when: condition must be yes or no (true/false), but gives a number",
			"t.yaml:15:16: steps.a.next[2].when: column 10: syntax error: mismatched input the end",
		}},
		{"ids", "gemeente: Dalfsen\nprocess: wijk_team\ntitle: T\nteams: [Noord, zuid]\nroles: {Wijkcoach: W}\nstart: Stap\nsteps:\n  Stap: {kind: decision, next: [{goto: case}]}\n  case: {kind: end, result: x}\n", []string{
			"t.yaml:1:11: gemeente: \"Dalfsen\" must be lowercase letters, digits and dashes, starting with a letter, like sociaal-wijkteam",
			"t.yaml:2:10: process: \"wijk_team\" must be lowercase letters, digits and dashes, starting with a letter, like sociaal-wijkteam",
			"t.yaml:4:9: teams[0]: \"Noord\" must be lowercase letters, digits and dashes, starting with a letter, like sociaal-wijkteam",
			"t.yaml:5:9: roles.Wijkcoach: role id \"Wijkcoach\" must be lowercase letters, digits, dashes or underscores, starting with a letter",
			"t.yaml:8:3: steps.Stap: step id \"Stap\" must be lowercase letters, digits, dashes or underscores, starting with a letter",
			"t.yaml:9:3: steps.case: step id \"case\" is reserved (deadline from: case means the case's start); choose another id",
		}},
		{"duplicate keys", head + "  a: {kind: end, result: x}\n  a: {kind: end, result: y}\n", []string{
			"t.yaml:9:3: steps.a: \"a\" is already defined on line 8; keep one",
		}},
	}
	checkParse(t, tests)
}

// TestParseManyProblemsInOnePass checks that validation goes on after every problem: a
// designer who made a dozen mistakes hears of all of them at once.
func TestParseManyProblemsInOnePass(t *testing.T) {
	src := `gemeente: Test Gem
proces: wijkteam
teams: noord
roles: {wijkcoach: Wijkcoach}
lead: teamleidr
intake:
  risico: {type: choise, options: [laag, hoog], required: ja}
  geboren: {type: date, options: [a]}
start: meldng
steps:
  melding:
    kind: tsak
    role: wijkcoach
    deadline: 6 wekn
    form:
      verslag: {type: text, rules: "mx=4000"}
    next:
      - when: risco == "hoog"
        goto: crisiss
      - goto: klaar
        goto: klaar
  crisis:
    kind: referral
    provider: veilig-thuis
    process: x
    role: wijkcoach
    next: [{goto: klaar, wen: x}]
  beslis:
    kind: decision
    next:
      - {when: risico == "laag", goto: klaar}
  wacht:
    kind: wait
    until: geboren2
    next: [{goto: klaar}]
  taak:
    kind: task
    role: wijkcoach
    form: {x: {type: bool}}
    escalate:
      - {after: 5w, remind: assigne}
      - {after: 3w, to: teamleider}
      - {after: 7w}
    next: [{goto: taak}]
  klaar: {kind: end, result: afgerond, next: [{goto: melding}]}
`
	_, issues := Parse("t.yaml", []byte(src))
	if len(issues) < 10 {
		t.Errorf("only %d issues; want every one of the mistakes", len(issues))
	}
	checkIssues(t, issues, []string{
		"t.yaml:1:1: process: is required",
		"t.yaml:1:1: title: is required",
		"t.yaml:1:11: gemeente: \"Test Gem\" must be lowercase letters, digits and dashes, starting with a letter, like sociaal-wijkteam",
		"t.yaml:2:1: proces: unknown key \"proces\"; did you mean \"process\"?",
		"t.yaml:3:8: teams: expected a list, like [a, b], not \"noord\"",
		"t.yaml:5:7: lead: unknown role \"teamleidr\"; roles are: wijkcoach",
		"t.yaml:7:18: intake.risico.type: \"choise\" must be one of: text, bool, number, date, choice, choices; did you mean \"choice\"?",
		"t.yaml:7:59: intake.risico.required: expected true or false, not \"ja\"",
		"t.yaml:8:25: intake.geboren.options: only choice and choices fields have options; remove them or make the type choice (this is a date field)",
		"t.yaml:9:8: start: unknown step \"meldng\"; did you mean \"melding\"?",
		"t.yaml:12:11: steps.melding.kind: \"tsak\" must be one of: task, decision, wait, notify, referral, parallel, join, end; did you mean \"task\"?",
		"t.yaml:14:15: steps.melding.deadline: \"6 wekn\" is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)",
		"t.yaml:16:36: steps.melding.form.verslag.rules: unknown rule \"mx\"; did you mean \"max\"?",
		"t.yaml:18:15: steps.melding.next[0].when: column 1: unknown field \"risco\"; did you mean \"risico\"?",
		"t.yaml:19:15: steps.melding.next[0].goto: unknown step \"crisiss\"; did you mean \"crisis\"?",
		"t.yaml:21:9: steps.melding.next[1].goto: \"goto\" is already defined on line 20; keep one",
		"t.yaml:24:5: steps.crisis.provider: a referral has process or provider, not both; remove one",
		"t.yaml:26:5: steps.crisis.role: role does not apply to a referral step (only to task); remove it",
		"t.yaml:27:26: steps.crisis.next[0].wen: unknown key \"wen\"; did you mean \"when\"?",
		"t.yaml:31:16: steps.beslis.next[0].when: a case gets stuck when no condition holds; add a last `- goto: …` without when",
		"t.yaml:34:12: steps.wacht.until: unknown field \"geboren2\"; did you mean \"geboren\"?",
		"t.yaml:41:29: steps.taak.escalate[0].remind: unknown role \"assigne\"; did you mean \"assignee\"?",
		"t.yaml:42:17: steps.taak.escalate[1].after: 3w must come later than the rung before (5w); order the rungs by after",
		"t.yaml:42:25: steps.taak.escalate[1].to: unknown role \"teamleider\"; roles are: wijkcoach",
		"t.yaml:43:9: steps.taak.escalate[2]: a rung does nothing; add remind, to, stalled or goto",
		"t.yaml:45:40: steps.klaar.next: an end step has no next; remove it",
	})
}

// TestValidateDoesNotChangeInput runs the checks on a decoded definition twice and
// compares it with a deep copy taken before.
func TestValidateDoesNotChangeInput(t *testing.T) {
	for name, src := range map[string]string{"valid": validYAML, "rich": richYAML} {
		t.Run(name, func(t *testing.T) {
			d, _ := Parse("t.yaml", []byte(src))
			before := jsonCopy(t, d)
			newReport("t.yaml").validate(d)
			if !reflect.DeepEqual(d, &before) {
				t.Errorf("validate changed the definition")
			}
		})
	}
}

// generated returns a definition of n steps: a chain of tasks with forms, deadlines and
// escalation ladders, every tenth step a decision. Every third task routes on a
// condition, so there are about n/2.5 conditions; the shipped files have 0.3 to 0.6 per
// step.
func generated(n int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := range n - 1 {
		id, next := fmt.Sprintf("s%d", i), fmt.Sprintf("s%d", i+1)
		if i == 0 {
			id = "a"
		}
		if i == n-2 {
			next = "einde"
		}
		if i%10 == 9 {
			fmt.Fprintf(&b, "  %s:\n    kind: decision\n    next:\n      - {when: 'v%d > 3 && k%d == \"ja\"', goto: %s}\n      - goto: %s\n", id, i-1, i-1, next, next)
			continue
		}
		fmt.Fprintf(&b, `  %s:
    kind: task
    title: Stap %d
    role: wijkcoach
    deadline: {within: %dwd, from: case}
    escalate:
      - {after: 1w, remind: assignee}
      - {after: 2w, to: teamleider, stalled: true}
    form:
      v%d: {type: number, required: true, rules: "gte=0,lte=100"}
      k%d: {type: choice, options: [ja, nee]}
    next:
`, id, i, i%30+1, i, i)
		if i%3 == 0 {
			fmt.Fprintf(&b, "      - {when: v%d > 50, goto: %s}\n", i, next)
		}
		fmt.Fprintf(&b, "      - goto: %s\n", next)
	}
	b.WriteString("  einde: {kind: end, result: klaar}\n")
	return []byte(b.String())
}

func TestGeneratedIsValid(t *testing.T) {
	d, issues := Parse("gen.yaml", generated(500))
	checkIssues(t, issues, nil)
	if len(d.Steps) != 500 {
		t.Errorf("generated %d steps, want 500", len(d.Steps))
	}
}

// BenchmarkValidate500Steps measures the checks of a decoded 500-step definition (tags,
// references, kinds, forms, 500 conditions, the graph); the aim is at most 20 ms.
func BenchmarkValidate500Steps(b *testing.B) { benchValidate(b, generated(500)) }

// benchValidate measures the checks of the decoded definition src, which must be valid.
func benchValidate(b *testing.B, src []byte) {
	p := parse("gen.yaml", src)
	if len(p.issues) > 0 {
		b.Fatal(p.issues)
	}
	cpu := cpuTime()
	for b.Loop() {
		p.validate(p.def)
	}
	reportCPU(b, cpu)
	if len(p.issues) > 0 {
		b.Fatal(p.issues)
	}
}

// cpuTime is the process's user and system CPU time. On a machine shared with other
// work, wall time per operation says more about the neighbours than about the code, so
// the benchmarks report CPU time per operation too (summed over threads).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkParse500Steps measures what `wijkflow validate` does per file: read the YAML,
// decode it with positions, check it and hash it.
func BenchmarkParse500Steps(b *testing.B) {
	src := generated(500)
	b.SetBytes(int64(len(src)))
	cpu := cpuTime()
	for b.Loop() {
		if _, issues := Parse("gen.yaml", src); len(issues) > 0 {
			b.Fatal(issues)
		}
	}
	reportCPU(b, cpu)
}
