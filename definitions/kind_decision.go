package definitions

// KindDecision is routing only.
const KindDecision Kind = "decision"

// decisionKind routes the case on the data collected so far; it takes no time.
type decisionKind struct{ kindFacts }

var decisionSpec = decisionKind{kindFacts{
	name:    KindDecision,
	doc:     "routing only",
	flow:    FirstMatch,
	instant: true,
	shape:   [2]string{"{", "}"},
}}

var _ KindSpec = decisionSpec
