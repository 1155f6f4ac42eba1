package definitions

import (
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/words"
)

// TestProblemsUntested renders, from their codes, the problems no golden file holds,
// and checks their English against the sentence the validator wrote before it said
// problems as codes, and that they have a Dutch text.
func TestProblemsUntested(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a field only later steps ask", head + `  a:
    kind: decision
    next:
      - {when: x, goto: b}
      - goto: c
  b: {kind: task, role: wijkcoach, form: {x: {type: bool}}, next: [{goto: klaar}]}
  c: {kind: task, role: wijkcoach, form: {x: {type: bool}}, next: [{goto: klaar}]}
  klaar: {kind: end, result: afgerond}
`, `steps.a.next[0].when: the condition reads field "x", but no path from start to step "a" asks it first: only steps "b" and "c" asks it; move this after that step, or ask x earlier (in the intake or a step before)`},
		{"a household member without a name", residentHead + `  name: naam
  household:
    - {relation: partner}
`, `resident.household[0].name: is required: the intake field with the person's name, e.g. name: naam`},
		{"an outcome field declared nowhere", head + `  a:
    kind: referral
    process: jeugdhulp
    outcome: uitkomst_van_de_jeugdhulp
    next: [{goto: klaar}]
  klaar: {kind: end, result: afgerond}
`, `steps.a.outcome: unknown field "uitkomst_van_de_jeugdhulp"; declare it (text, or choice with the child's end results as options), e.g. in the intake`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, is := Parse("t.yaml", []byte(tt.src))
			for _, i := range is {
				if i.Path+": "+i.Message != tt.want {
					continue
				}
				if i.Problem.Code == "" || i.In(words.NL) == i.String() {
					t.Errorf("%s: no code or no Dutch text: %q", i.Path, i.In(words.NL))
				}
				return
			}
			t.Errorf("no issue %q among:\n%s", tt.want, strings.Join(issueLines(is), "\n"))
		})
	}
}
