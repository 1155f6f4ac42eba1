package definitions

import "fmt"

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

// Events lists the events a definition's wait steps wait for, each with its step, in
// file order.
func (d *Definition) Events() []*Step {
	var out []*Step
	for _, s := range d.Steps {
		if s.Kind == KindWait && s.Event != "" {
			out = append(out, s)
		}
	}
	return out
}
