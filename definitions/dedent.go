package definitions

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// dedentedKeys finds a key of a step written too little indented, so that it became a
// step of its own ("  form:" under steps instead of "    form:" under its step), with
// no kind: of its own. Left
// alone that is said where it breaks: the step above lacks its form and next, and the
// new "step" has no kind and unknown keys. It is said at the key instead, once, and the
// problems that follow from it are silenced.
func (c *checker) dedentedKeys() {
	keys := allStepKeys()
	for n, s := range c.d.Steps {
		p := "steps." + s.ID
		if _, kind := c.doc.Keys[p+".kind"]; n == 0 || kind || !slices.Contains(keys, s.ID) {
			continue // a step may be named kind or role, if it is one: it says its kind
		}
		above := c.d.Steps[n-1].ID
		want := c.doc.Keys[p].Col + 1 // the usual two spaces deeper than a step id
		if k, ok := c.doc.Keys["steps."+above+".kind"]; ok {
			want = k.Col - 1
		}
		c.sayKey(p, words.Msg(words.ProblemStepKeyDedented, "key", s.ID, "step", strconv.Quote(above), "indent", strconv.Itoa(want)))
		c.doc.Bad[p] = true
		// Its "unknown keys" were said while decoding: they are the fields of the form.
		c.issues = slices.DeleteFunc(c.issues, func(i Issue) bool { return strings.HasPrefix(i.Path, p+".") })
		c.doc.Bad["steps."+above+"."+s.ID] = true
		// The keys after it were swallowed by it too (form: then next:).
		for _, k := range keys {
			if _, ok := c.doc.Keys[p+"."+k]; ok {
				c.doc.Bad["steps."+above+"."+k] = true
			}
		}
	}
}

// allStepKeys are the keys any step takes, from the Step type.
func allStepKeys() []string {
	var out []string
	t := reflect.TypeFor[Step]()
	for i := range t.NumField() {
		if key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); key != "-" && key != "" {
			out = append(out, key)
		}
	}
	return out
}
