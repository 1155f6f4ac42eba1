package definitions

import "testing"

// TestTermChecks: from: a date field, terms chosen by a condition, hersteltermijnen.
func TestTermChecks(t *testing.T) {
	src := head + `  a:
    kind: task
    role: wijkcoach
    form:
      ontvangen_op: {type: date}
      soort: {type: choice, options: [wmo, jeugd]}
      notitie: {type: text}
    next: [{goto: b}]
  b:
    kind: task
    role: wijkcoach
    stops: [b, c, a]
    deadline:
      within: 4w
      from: notitie
      cases:
        - {when: soort == "jeugt", within: 8w}
        - {when: soort == "wmo"}
        - {when: later, within: 2w}
        - {when: soort, within: 2w}
    form: {later: {type: bool}}
    next: [{goto: c}]
  c:
    kind: task
    role: wijkcoach
    stops: [b]
    norm: {within: 2w, from: ontvangen_op}
    form: {x: {type: bool}}
    next: [{goto: d}]
  d: {kind: end, result: x}
`
	_, issues := Parse("t.yaml", []byte(src))
	checkIssues(t, issues, []string{
		"t.yaml:19:13: steps.b.stops[0]: a task cannot stop its own clock; name the step whose term it stops, e.g. the beslissing",
		`t.yaml:19:19: steps.b.stops[2]: step "a" has no clock to stop; name a task with a deadline`,
		`t.yaml:22:13: steps.b.deadline.from: field "notitie" is a text field; a term counts from a date field, a step or the case`,
		`t.yaml:24:18: steps.b.deadline.cases[0].when: column 10: "jeugt" is not an option of soort, so this never holds; did you mean "jeugd"?`,
		"t.yaml:25:11: steps.b.deadline.cases[1].within: is required: the length of the term in this case, e.g. within: 3wd",
		`t.yaml:26:18: steps.b.deadline.cases[2].when: the term's condition reads field "later", but no path from start to step "b" asks it first: only step "b" asks it; move this after that step, or ask later earlier (in the intake or a step before)`,
		"t.yaml:27:18: steps.b.deadline.cases[3].when: condition must be yes or no (true/false), but gives text",
		"t.yaml:33:5: steps.c.stops: a hersteltermijn needs deadline: (the term the resident gets, Awb 4:15 lid 1 a); add one",
	})
}
