package definitions

import "strings"

// endSuffix after a step id in from: names the end of that step's term rather than its
// start: "bezwaartermijn.end" is the last day of the wait for a bezwaar, from which the
// decision on the bezwaar counts (Awb 7:10 lid 1).
const endSuffix = ".end"

// EndOf returns the wait step whose end a clock's from: names ("bezwaartermijn.end"),
// or nil when from names no such end. Only a wait with for: has an end known when it
// starts, whether or not its event comes first.
func (d *Definition) EndOf(from string) *Step {
	id, ok := strings.CutSuffix(from, endSuffix)
	if !ok {
		return nil
	}
	if s := d.Steps.Step(id); s != nil && s.Kind == KindWait && s.For != nil {
		return s
	}
	return nil
}
