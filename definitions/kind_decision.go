package definitions

// KindDecision is routing only.
const KindDecision Kind = "decision"

// decisionKind routes the case on the data collected so far; it takes no time.
type decisionKind struct{}

var _ KindSpec = decisionKind{}

func (decisionKind) Name() Kind                        { return KindDecision }
func (decisionKind) Doc() string                       { return "routing only" }
func (decisionKind) Keys() []string                    { return nil }
func (decisionKind) Flow() Flow                        { return FirstMatch }
func (decisionKind) Instant(*Step) bool                { return true }
func (decisionKind) Shape(label string) string         { return "{" + label + "}" }
func (decisionKind) Lines(*Definition, *Step) []string { return nil }
func (decisionKind) check(*checker, *Step, string)     {}
