package definitions

import (
	"slices"
	"strconv"
)

// contracts checks what a referral passes to its child case: declared fields only, and
// only to a child case (a hand-off to a provider sends ids, never data).
func (c *checker) contracts() {
	var names []string
	for _, f := range c.fields {
		names = append(names, f.Name)
	}
	for _, s := range c.d.Steps {
		if s.Kind != KindReferral || len(s.Pass) == 0 {
			continue
		}
		p := "steps." + s.ID + ".pass"
		if s.Provider != "" {
			c.failKey(p, "a hand-off to a provider sends the case's ids only, never its data; remove pass")
			continue
		}
		for i, name := range s.Pass {
			switch {
			case c.fields.Field(name) == nil:
				c.fail(p+"["+strconv.Itoa(i)+"]", "unknown field "+quote(name)+c.sug.didYouMean(name, names, "fields are"))
			case slices.Index(s.Pass, name) < i:
				c.fail(p+"["+strconv.Itoa(i)+"]", quote(name)+" is passed twice; remove one")
			}
		}
	}
}

// ChildData is the part of data a referral passes to its child case of definition
// child: the fields the step names in pass, or else the fields the child's intake asks
// for; absent fields stay absent.
func ChildData(step *Step, child *Definition, data map[string]any) map[string]any {
	names := step.Pass
	if len(names) == 0 {
		for _, f := range child.Intake {
			names = append(names, f.Name)
		}
	}
	out := map[string]any{}
	for _, n := range names {
		if v, ok := data[n]; ok {
			out[n] = v
		}
	}
	return out
}
