package definitions

// KindParallel opens every matching next step at once.
const KindParallel Kind = "parallel"

// parallelKind splits the case: every transition whose condition holds opens a branch
// at once, and a join brings the branches together again. It has nothing of its own
// to check: the branches a join may wait for in vain are checked across steps, in
// joins.go.
type parallelKind struct{ kindFacts }

var parallelSpec = parallelKind{kindFacts{
	name:    KindParallel,
	doc:     "opens every matching next step at once",
	flow:    EveryMatch,
	instant: true,
	shape:   [2]string{"{{", "}}"},
}}

var _ KindSpec = parallelSpec
