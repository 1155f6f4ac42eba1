package definitions

import (
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// KindJoin waits until every step in join has arrived.
const KindJoin Kind = "join"

// joinKind brings the branches of a parallel split together: it goes on when every
// step it lists has arrived.
type joinKind struct{ kindFacts }

var joinSpec = joinKind{kindFacts{
	name:  KindJoin,
	doc:   "waits until every step in join has arrived",
	keys:  []string{"join"},
	flow:  FirstMatch,
	shape: [2]string{"[/", "\\]"},
}}

var _ KindSpec = joinSpec

// Lines name the steps it waits for.
func (joinKind) Lines(_ *Definition, st *Step) []string {
	if len(st.Join) == 0 {
		return nil
	}
	return []string{"wacht op " + strings.Join(st.Join, ", ")}
}

// check needs two steps to wait for; that they lead here is checked with the other
// references (graph.go), the branches that may never come across steps (joins.go).
func (joinKind) check(c *checker, s *Step, p string) {
	if len(s.Join) < 2 {
		c.problem(p+".join", words.Msg(words.ProblemJoinTooFew))
	}
}
