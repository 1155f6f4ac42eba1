package definitions

import (
	"github.com/wijkflow/wijkflow/definitions/law"
	"os"
	"strings"
	"testing"
)

// smallDefinition has one step of every kind, a deadline from the case with a law, a
// norm, a condition that needs escaping and an escalation rung that routes the case.
func smallDefinition() *Definition {
	no := false
	return &Definition{
		Gemeente: "proef",
		Process:  "wijkteam",
		Title:    "Proef",
		Teams:    []string{"noord"},
		Roles:    map[string]string{"wijkcoach": "Wijkcoach", "teamleider": "Teamleider"},
		Start:    "melding",
		Steps: Steps{
			{ID: "melding", Kind: KindTask, Title: "Melding", Role: "wijkcoach",
				Deadline: &Deadline{Within: law.Duration{N: 3, Unit: law.WorkingDay}},
				Next: []Transition{
					{When: `risico == "hoog" && score > 3`, Goto: "veilig-thuis"},
					{Goto: "gesprek"},
				}},
			{ID: "gesprek", Kind: KindTask, Title: "Keukentafelgesprek", Role: "wijkcoach",
				Deadline: &Deadline{Within: law.Duration{N: 6, Unit: law.Week}, From: "case", Law: "Wmo 2015 art. 2.3.2"},
				Norm:     &Deadline{Within: law.Duration{N: 2, Unit: law.Week}, From: "melding"},
				Escalate: []Rung{
					{After: law.Duration{N: 5, Unit: law.Week}, Remind: "assignee"},
					{After: law.Duration{N: 8, Unit: law.Week}, Goto: "veilig-thuis"},
				},
				Next: []Transition{{When: "eigen_kracht || netwerk", Label: "eigen kracht", Goto: "klaar"}, {Goto: "samen"}}},
			{ID: "samen", Kind: KindParallel, Title: "Samen plannen",
				Next: []Transition{{Goto: "wmo"}, {Goto: "jeugd"}}},
			{ID: "wmo", Kind: KindNotify, To: "wijkcoach", Message: "Bijdrage gevraagd", Next: []Transition{{Goto: "plan"}}},
			{ID: "jeugd", Kind: KindWait, For: &law.Duration{N: 2, Unit: law.Day}, Next: []Transition{{Goto: "plan"}}},
			{ID: "plan", Kind: KindJoin, Title: "Eén plan", Join: []string{"wmo", "jeugd"}, Next: []Transition{{Goto: "evaluatie"}}},
			{ID: "evaluatie", Kind: KindWait, Until: "evaluatiedatum", Next: []Transition{{Goto: "besluit"}}},
			{ID: "besluit", Kind: KindDecision, Title: `Doel "behaald"?`,
				Next: []Transition{{When: "behaald", Goto: "klaar"}, {Goto: "gesprek"}}},
			{ID: "veilig-thuis", Kind: KindReferral, Title: "Veilig Thuis", Provider: "veilig-thuis-ijsselland", Await: &no,
				Next: []Transition{{Goto: "klaar"}}},
			{ID: "klaar", Kind: KindEnd, Result: "afgerond"},
		},
	}
}

func TestMermaidGolden(t *testing.T) {
	want := `flowchart TD
  %% Proef
  start(("start")) --> s0
  s0["Melding<br/>rol: Wijkcoach<br/>≤ 3wd"]
  s1["Keukentafelgesprek<br/>rol: Wijkcoach<br/>≤ 6w vanaf melding<br/>Wmo 2015 art. 2.3.2<br/>norm 2w vanaf Melding<br/>na 5w: herinnering aan behandelaar"]
  s2{{"Samen plannen"}}
  s3>"wmo<br/>aan wijkcoach"]
  s4(["jeugd<br/>wacht 2d"])
  s5[/"Eén plan<br/>wacht op wmo, jeugd"\]
  s6(["evaluatie<br/>wacht tot evaluatiedatum"])
  s7{"Doel #quot;behaald#quot;?"}
  s8[["Veilig Thuis<br/>→ veilig-thuis-ijsselland"]]
  s9((("klaar<br/>afgerond")))
  s0 -->|"risico == #quot;hoog#quot; #amp;#amp; score #gt; 3"| s8
  s0 --> s1
  s1 -->|"eigen kracht (eigen_kracht #124;#124; netwerk)"| s9
  s1 --> s2
  s1 -.->|"na 8w"| s8
  s2 --> s3
  s2 --> s4
  s3 --> s5
  s4 --> s5
  s5 --> s6
  s6 --> s7
  s7 -->|"behaald"| s9
  s7 --> s1
  s8 --> s9
`
	got := Mermaid(smallDefinition())
	if got != want {
		t.Errorf("Mermaid() mismatch\n--- got ---\n%s\n--- want ---\n%s", got, want)
	}
	if again := Mermaid(smallDefinition()); again != got {
		t.Error("Mermaid() is not deterministic")
	}
}

// TestMermaidShowsWhoAndClocks: roles, the rungs of the ladder, suspendable and
// extendable clocks, a term chosen by a condition, a hersteltermijn, and a wait for an
// event with its timeout arrow.
func TestMermaidShowsWhoAndClocks(t *testing.T) {
	src := strings.Replace(head, "start: a\n", "intake: {crisis: {type: bool}}\nstart: a\n", 1) + `  a:
    kind: task
    role: wijkcoach
    deadline:
      within: 4w
      law: Verordening art. 4
      cases: [{when: crisis, within: 3wd, law: Verordening art. 5}]
    suspendable: true
    extendable: 2w
    escalate:
      - {after: 2w, remind: teamleider}
      - {after: 3w, to: teamleider, stalled: true}
    form: {ok: {type: bool}}
    next: [{goto: h}]
  h:
    kind: task
    title: Aanvullen
    role: wijkcoach
    deadline: 2w
    stops: [a]
    form: {x: {type: bool}}
    next: [{goto: w}]
  w:
    kind: wait
    event: reactie-veilig-thuis
    for: 6w
    timeout: z
    form: {advies: {type: text}}
    next: [{goto: z}]
  z: {kind: end, result: klaar}
`
	d, issues := Parse("t.yaml", []byte(src))
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	got := Mermaid(d)
	for _, line := range []string{
		`  s0["a<br/>rol: Wijkcoach<br/>≤ 4w<br/>Verordening art. 4<br/>≤ 3wd als crisis (Verordening art. 5)<br/>opschortbaar (Awb 4:15)<br/>verlengbaar ≤ 2w (Awb 4:14)<br/>na 2w: herinnering aan Teamleider<br/>na 3w: naar Teamleider, vastgelopen"]` + "\n",
		`  s1["Aanvullen<br/>rol: Wijkcoach<br/>≤ 2w<br/>stopt de termijn van a (Awb 4:15 lid 1 a)"]` + "\n",
		`  s2(["w<br/>wacht op gebeurtenis reactie-veilig-thuis<br/>uiterlijk na 6w"])` + "\n",
		`  s2 -.->|"geen reactie-veilig-thuis na 6w"| s3` + "\n",
	} {
		if !strings.Contains(got, line) {
			t.Errorf("Mermaid() lacks %q:\n%s", line, got)
		}
	}
}

func TestMermaidUnknownTarget(t *testing.T) {
	d := &Definition{Title: "Kapot", Start: "a", Steps: Steps{
		{ID: "a", Kind: KindTask, Next: []Transition{{Goto: "plna"}}},
	}}
	got := Mermaid(d)
	for _, line := range []string{"  s0 --> u0\n", "  u0[\"onbekende stap: plna\"]\n"} {
		if !strings.Contains(got, line) {
			t.Errorf("Mermaid() lacks %q:\n%s", line, got)
		}
	}
}

func TestEscapeMermaid(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a == "b"`, `a == #quot;b#quot;`},
		{"x < 3 && y > 2", "x #lt; 3 #amp;#amp; y #gt; 2"},
		{"a || b", "a #124;#124; b"},
		{"#quot;", "#35;quot;"},
		{"regel een\r\nregel twee\ndrie", "regel een regel twee drie"},
		{"Eén plan", "Eén plan"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escapeMermaid(tt.in); got != tt.want {
				t.Errorf("escapeMermaid(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestReadmeDiagramCurrent keeps the example diagram in README.md equal to what
// `wijkflow diagram` prints for the file it names, so the guide never shows a stale chart.
func TestReadmeDiagramCurrent(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const marker = "<!-- diagram: "
	_, rest, ok := strings.Cut(string(readme), marker)
	if !ok {
		t.Fatalf("README.md has no %q marker", marker)
	}
	file, rest, _ := strings.Cut(rest, " -->\n```mermaid\n")
	got, _, ok := strings.Cut(rest, "```\n")
	if !ok {
		t.Fatal("README.md: the diagram after the marker has no closing fence")
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d, issues := Parse(file, src)
	if len(issues) > 0 {
		t.Fatalf("%s: %v", file, issues)
	}
	if want := Mermaid(d); got != want {
		t.Errorf("README.md's diagram of %s is stale; replace it with the output of\n  go run ./cmd/wijkflow diagram definitions/%s\n--- README ---\n%s\n--- now ---\n%s", file, file, got, want)
	}
}
