package definitions

import "github.com/wijkflow/wijkflow/internal/words"

// KindNotify is a notification, then on.
const KindNotify Kind = "notify"

// notifyKind tells a role something and goes on at once.
type notifyKind struct{ kindFacts }

var notifySpec = notifyKind{kindFacts{
	name:    KindNotify,
	doc:     "a notification, then on",
	keys:    []string{"to", "message"},
	flow:    FirstMatch,
	instant: true,
	shape:   [2]string{">", "]"},
}}

var _ KindSpec = notifySpec

// Lines name the recipient.
func (notifyKind) Lines(_ *Definition, st *Step) []string {
	if st.To == "" {
		return nil
	}
	return []string{"aan " + st.To}
}

// check needs a recipient; that it is a role is checked with the other roles.
func (notifyKind) check(c *checker, s *Step, p string) {
	if s.To == "" {
		c.problem(p+".to", words.Msg(words.ProblemNotifyNeedsTo))
	}
}
