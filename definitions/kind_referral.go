package definitions

import "github.com/wijkflow/wijkflow/internal/words"

// KindReferral is specialist care: a child case or a provider hand-off.
const KindReferral Kind = "referral"

// referralKind hands the case on: it starts a child case of another process of the
// same gemeente (process:), or hands the case to an external provider (provider:).
type referralKind struct{ kindFacts }

var referralSpec = referralKind{kindFacts{
	name:  KindReferral,
	doc:   "specialist care: a child case or a provider hand-off",
	keys:  []string{"process", "provider", "await", "pass", "outcome"},
	flow:  FirstMatch,
	shape: [2]string{"[[", "]]"},
}}

var _ KindSpec = referralSpec

// Instant: a referral that does not wait for its child case goes on at once.
func (referralKind) Instant(s *Step) bool { return !s.Awaits() }

// Lines name where the case goes.
func (referralKind) Lines(_ *Definition, st *Step) []string {
	var lines []string
	if st.Process != "" {
		lines = append(lines, "→ proces "+st.Process)
	}
	if st.Provider != "" {
		lines = append(lines, "→ "+st.Provider)
	}
	return lines
}

// check needs one target, and checks what the referral passes to its child and where
// the child's result goes (contract.go); that the process exists is checked across
// files (load.go).
func (referralKind) check(c *checker, s *Step, p string) {
	switch {
	case s.Process == "" && s.Provider == "":
		c.problem(p+".process", words.Msg(words.ProblemReferralNoTarget))
	case s.Process != "" && s.Provider != "":
		c.problemKey(p+".provider", words.Msg(words.ProblemReferralTwoTarget))
	case s.Process != "" && !slugPattern.MatchString(s.Process):
		c.problem(p+".process", words.Msg(words.ProblemNotProcessID, "name", quote(s.Process)))
	}
	c.contract(s, p)
}
