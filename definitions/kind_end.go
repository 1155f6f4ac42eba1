package definitions

import "github.com/wijkflow/wijkflow/internal/words"

// KindEnd ends the case with a result.
const KindEnd Kind = "end"

// endKind ends the case and records its result.
type endKind struct{}

var _ KindSpec = endKind{}

func (endKind) Name() Kind                { return KindEnd }
func (endKind) Doc() string               { return "the case ends with a result" }
func (endKind) Keys() []string            { return []string{"result"} }
func (endKind) Flow() Flow                { return Ends }
func (endKind) Instant(*Step) bool        { return false }
func (endKind) Shape(label string) string { return "(((" + label + ")))" }

// Lines show the result, unless the title already says it.
func (endKind) Lines(_ *Definition, st *Step) []string {
	if st.Result == "" || st.Result == displayTitle(st) {
		return nil
	}
	return []string{st.Result}
}

// check needs a result.
func (endKind) check(c *checker, s *Step, p string) {
	if s.Result == "" {
		c.problem(p+".result", words.Msg(words.ProblemEndNeedsResult))
	}
}
