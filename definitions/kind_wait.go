package definitions

import "fmt"

// KindWait is a timer, a date from the data, or an event from outside.
const KindWait Kind = "wait"

// waitKind waits: for a time (for:), for a date in the data (until:), or for an event
// from outside (event:), optionally with a time after which it goes to timeout:.
type waitKind struct{}

var _ KindSpec = waitKind{}

func (waitKind) Name() Kind                { return KindWait }
func (waitKind) Doc() string               { return "a timer, a date from the data, or an event from outside" }
func (waitKind) Keys() []string            { return []string{"for", "until", "event", "timeout", "form"} }
func (waitKind) Flow() Flow                { return FirstMatch }
func (waitKind) Instant(*Step) bool        { return false }
func (waitKind) Shape(label string) string { return "([" + label + "])" }

// Lines say what the step waits for and how long at most.
func (waitKind) Lines(_ *Definition, st *Step) []string {
	switch {
	case st.Event != "":
		lines := []string{"wacht op gebeurtenis " + st.Event}
		if w := waitWords(st); w != "" {
			lines = append(lines, "uiterlijk "+w)
		}
		return lines
	case st.For != nil:
		return []string{"wacht " + st.For.String()}
	case st.Until != "":
		return []string{"wacht tot " + st.Until}
	}
	return nil
}

// check checks that a wait step waits for exactly one time, an event, or an event
// with a time as its timeout.
func (waitKind) check(c *checker, s *Step, p string) {
	c.eventWait(s, p)
	switch {
	case s.For == nil && s.Until == "" && s.Event != "":
		// only the event
	case s.For == nil && s.Until == "":
		c.fail(p+".for", "a wait step needs for: (a duration, e.g. 26w), until: (a date field) or event: (a name for what comes from outside)")
	case s.For != nil && s.Until != "":
		c.failKey(p+".until", "a wait step has for or until, not both; remove one")
	case s.Until != "":
		f := c.fields.Field(s.Until)
		switch {
		case f == nil:
			c.fail(p+".until", "unknown field "+quote(s.Until)+c.sug.didYouMean(s.Until, c.dateFields(), "date fields are"))
		case f.Type != FieldDate:
			c.fail(p+".until", fmt.Sprintf("field %q is a %s field; until needs a date field", f.Name, f.Type))
		}
	}
}

// eventWait checks the keys of a wait for an event: the event's name goes into a URL,
// a timeout goes with a time, and a form belongs to an event (it checks the event's
// data; a wait without an event has no data to check).
func (c *checker) eventWait(s *Step, p string) {
	timed := s.For != nil || s.Until != ""
	switch {
	case s.Event != "" && !slugPattern.MatchString(s.Event):
		c.fail(p+".event", quote(s.Event)+" is not an event name: lowercase letters, digits and dashes, like reactie-veilig-thuis")
	case s.Event == "" && len(s.Form) > 0:
		c.failKey(p+".form", "a wait has a form only for the data of an event; add event: or remove the form")
	}
	switch {
	case s.Timeout != "" && s.Event == "":
		c.failKey(p+".timeout", "timeout is where an event wait goes when its time passes first; add event: or remove timeout")
	case s.Timeout != "" && !timed:
		c.failKey(p+".timeout", fmt.Sprintf("timeout needs a time to wait for the event, for: (e.g. 6w) or until: (a date field); without one the case waits for %q for ever", s.Event))
	case s.Event != "" && timed && s.Timeout == "":
		c.fail(p+".timeout", "an event wait with for or until needs timeout: (the step to go to when the event has not come by then)")
	case s.Timeout != "":
		c.stepRef(s.Timeout, p+".timeout")
	}
}
