package definitions

import "github.com/wijkflow/wijkflow/internal/words"

// KindNotify is a notification, then on.
const KindNotify Kind = "notify"

// notifyKind tells a role something and goes on at once.
type notifyKind struct{}

var _ KindSpec = notifyKind{}

func (notifyKind) Name() Kind                { return KindNotify }
func (notifyKind) Doc() string               { return "a notification, then on" }
func (notifyKind) Keys() []string            { return []string{"to", "message"} }
func (notifyKind) Flow() Flow                { return FirstMatch }
func (notifyKind) Instant(*Step) bool        { return true }
func (notifyKind) Shape(label string) string { return ">" + label + "]" }

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
