package definitions

import "testing"

// TestEventWaitChecks: an event wait's name, form, time and timeout.
func TestEventWaitChecks(t *testing.T) {
	src := head + `  a:
    kind: wait
    event: Reactie VT
    next: [{goto: b}]
  b:
    kind: wait
    for: 2w
    form: {x: {type: text}}
    timeout: d
    next: [{goto: c}]
  c:
    kind: wait
    event: bezwaar
    for: 6w
    next: [{goto: e}]
  e:
    kind: wait
    event: stukken
    timeout: d
    next: [{goto: f}]
  f:
    kind: wait
    event: reactie
    until: datum
    timeout: d
    form: {datum: {type: date}}
    next: [{goto: d}]
  d: {kind: end, result: x}
`
	_, issues := Parse("t.yaml", []byte(src))
	checkIssues(t, issues, []string{
		`t.yaml:10:12: steps.a.event: "Reactie VT" is not an event name: lowercase letters, digits and dashes, like reactie-veilig-thuis`,
		"t.yaml:15:5: steps.b.form: a wait has a form only for the data of an event; add event: or remove the form",
		"t.yaml:16:5: steps.b.timeout: timeout is where an event wait goes when its time passes first; add event: or remove timeout",
		"t.yaml:18:3: steps.c.timeout: an event wait with for or until needs timeout: (the step to go to when the event has not come by then)",
		`t.yaml:26:5: steps.e.timeout: timeout needs a time to wait for the event, for: (e.g. 6w) or until: (a date field); without one the case waits for "stukken" for ever`,
		`t.yaml:31:12: steps.f.until: the wait reads the date field "datum", but no path from start to step "f" asks it first: only step "f" asks it; move this after that step, or ask datum earlier (in the intake or a step before)`,
	})
}
