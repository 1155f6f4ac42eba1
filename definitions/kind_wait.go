package definitions

import (
	"strconv"

	"github.com/wijkflow/wijkflow/internal/words"
)

// KindWait is a timer, a date from the data, or an event from outside.
const KindWait Kind = "wait"

// waitKind waits: for a time (for:), for a date in the data (until:), or for an event
// from outside (event:), optionally with a time after which it goes to timeout:.
type waitKind struct{ kindFacts }

var waitSpec = waitKind{kindFacts{
	name:  KindWait,
	doc:   "a timer, a date from the data, or an event from outside",
	keys:  []string{"for", "until", "event", "timeout", "form"},
	flow:  FirstMatch,
	shape: [2]string{"([", "])"},
}}

var _ KindSpec = waitSpec

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
		c.problem(p+".for", words.Msg(words.ProblemWaitNeedsWhat))
	case s.For != nil && s.Until != "":
		c.problemKey(p+".until", words.Msg(words.ProblemWaitForAndUntil))
	case s.Until != "":
		f := c.fields.Field(s.Until)
		switch {
		case f == nil:
			c.problem(p+".until", words.Msg(words.ProblemUnknownField, "name", quote(s.Until)), c.sug.hint(s.Until, c.dateFields(), words.ProblemHintDateFields))
		case f.Type != FieldDate:
			c.problem(p+".until", words.Msg(words.ProblemUntilNotDate, "name", strconv.Quote(f.Name), "type", string(f.Type)))
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
		c.problem(p+".event", words.Msg(words.ProblemNotEventName, "name", quote(s.Event)))
	case s.Event == "" && len(s.Form) > 0:
		c.problemKey(p+".form", words.Msg(words.ProblemWaitFormNoEvent))
	}
	switch {
	case s.Timeout != "" && s.Event == "":
		c.problemKey(p+".timeout", words.Msg(words.ProblemTimeoutNoEvent))
	case s.Timeout != "" && !timed:
		c.problemKey(p+".timeout", words.Msg(words.ProblemTimeoutNoTime, "event", strconv.Quote(s.Event)))
	case s.Event != "" && timed && s.Timeout == "":
		c.problem(p+".timeout", words.Msg(words.ProblemEventNeedsTimeout))
	case s.Timeout != "":
		c.stepRef(s.Timeout, p+".timeout")
	}
}
