package definitions

// KindParallel opens every matching next step at once.
const KindParallel Kind = "parallel"

// parallelKind splits the case: every transition whose condition holds opens a branch
// at once, and a join brings the branches together again.
type parallelKind struct{}

var _ KindSpec = parallelKind{}

func (parallelKind) Name() Kind                        { return KindParallel }
func (parallelKind) Doc() string                       { return "opens every matching next step at once" }
func (parallelKind) Keys() []string                    { return nil }
func (parallelKind) Flow() Flow                        { return EveryMatch }
func (parallelKind) Instant(*Step) bool                { return true }
func (parallelKind) Shape(label string) string         { return "{{" + label + "}}" }
func (parallelKind) Lines(*Definition, *Step) []string { return nil }

// check has nothing of its own: the branches a join may wait for in vain are checked
// across steps, in joins.go.
func (parallelKind) check(*checker, *Step, string) {}
