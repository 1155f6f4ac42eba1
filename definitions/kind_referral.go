package definitions

// KindReferral is specialist care: a child case or a provider hand-off.
const KindReferral Kind = "referral"

// referralKind hands the case on: it starts a child case of another process of the
// same gemeente (process:), or hands the case to an external provider (provider:).
type referralKind struct{}

var _ KindSpec = referralKind{}

func (referralKind) Name() Kind  { return KindReferral }
func (referralKind) Doc() string { return "specialist care: a child case or a provider hand-off" }
func (referralKind) Keys() []string {
	return []string{"process", "provider", "await", "pass", "outcome"}
}
func (referralKind) Flow() Flow { return FirstMatch }

// Instant: a referral that does not wait for its child case goes on at once.
func (referralKind) Instant(s *Step) bool      { return !s.Awaits() }
func (referralKind) Shape(label string) string { return "[[" + label + "]]" }

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
		c.fail(p+".process", "a referral needs process: (a process of the same gemeente) or provider: (an external provider)")
	case s.Process != "" && s.Provider != "":
		c.failKey(p+".provider", "a referral has process or provider, not both; remove one")
	case s.Process != "" && !slugPattern.MatchString(s.Process):
		c.fail(p+".process", quote(s.Process)+" is not a process id: lowercase letters, digits and dashes")
	}
	c.contract(s, p)
}
