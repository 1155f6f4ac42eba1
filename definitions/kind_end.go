package definitions

import "github.com/wijkflow/wijkflow/internal/words"

// KindEnd ends the case with a result.
const KindEnd Kind = "end"

// endKind ends the case and records its result.
type endKind struct{ kindFacts }

var endSpec = endKind{kindFacts{
	name:  KindEnd,
	doc:   "the case ends with a result",
	keys:  []string{"result"},
	flow:  Ends,
	shape: [2]string{"(((", ")))"},
}}

var _ KindSpec = endSpec

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
