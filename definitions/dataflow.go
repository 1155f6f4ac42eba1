package definitions

import (
	"slices"
	"strconv"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/ast"

	"github.com/wijkflow/wijkflow/internal/words"
)

// FieldsOf lists the declared fields a condition names, in order of first use; nil
// for a condition that does not parse (Check reports it).
func (c *Conditions) FieldsOf(expr string) []string {
	parsed := c.parse(expr)
	if parsed == nil {
		return nil
	}
	var out []string
	ast.PostOrderVisit(parsed.NativeRep().Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() == ast.IdentKind && slices.Contains(c.names, e.AsIdent()) && !slices.Contains(out, e.AsIdent()) {
			out = append(out, e.AsIdent())
		}
	}))
	return out
}

// dataflow checks that every field a step reads (in a condition of its next, as the
// date of until: or of a clock's from:) can have been collected when the step reads
// it: by the intake, or by a form of a step on some path from start to it (the step's
// own form too, for conditions read after its task). A field asked only later, or only
// on other branches, would read as empty ("", false, 0) and silently send every case
// the same way. It runs only when the graph is known (see graph).
func (c *checker) dataflow(conds *Conditions) {
	if !c.graphKnown() {
		return
	}
	steps := c.d.Steps
	index, succ, pred := edges(steps, false)
	start := index[c.d.Start]
	intake := map[string]bool{}
	for _, f := range c.d.Intake {
		intake[f.Name] = true
	}
	collectors := map[string][]string{} // field → steps whose form asks it
	for _, s := range steps {
		for _, f := range s.Form {
			collectors[f.Name] = append(collectors[f.Name], s.ID)
		}
	}
	asks := func(field string) []bool {
		out := make([]bool, len(steps))
		for _, id := range collectors[field] {
			out[index[id]] = true
		}
		return out
	}
	// before(i): the steps from which a path leads to step i (i itself when it is on a
	// loop); walked once per step that reads a field, and only when the intake lacks it.
	memo := make([][]bool, len(steps))
	before := func(i int) []bool {
		if memo[i] == nil {
			memo[i] = walk(pred[i], pred, len(steps))
		}
		return memo[i]
	}
	// what: the problems when one step or several ask the field, by what reads it.
	check := func(i int, own bool, field, path string, what [2]words.Code) {
		if intake[field] || len(collectors[field]) == 0 {
			return // unknown fields are reported where they are named
		}
		prior := before(i)
		for _, id := range collectors[field] {
			if j := index[id]; prior[j] || (own && j == i) {
				if missed := missingPath(start, i, own, succ, asks(field)); missed != nil {
					c.warn(path, words.Msg(words.ProblemFieldMissedOnPath, "path", pathText(steps, missed),
						"field", strconv.Quote(field), "step", strconv.Quote(steps[i].ID), "name", field))
				}
				return
			}
		}
		askers := collectors[field]
		q := make([]string, len(askers))
		for k, id := range askers {
			q[k] = strconv.Quote(id)
		}
		code := what[0]
		if len(q) > 1 {
			code = what[1]
		}
		c.problem(path, words.Msg(code, "field", strconv.Quote(field), "step", strconv.Quote(steps[i].ID),
			"steps", strings.Join(q[:len(q)-1], ", "), "last", q[len(q)-1], "name", field))
	}
	for i, s := range steps {
		p := "steps." + s.ID
		for k, t := range s.Next {
			if t.When == "" || c.isBad(p+".next["+strconv.Itoa(k)+"].when") {
				continue
			}
			for _, f := range conds.FieldsOf(t.When) {
				check(i, true, f, p+".next["+strconv.Itoa(k)+"].when", readsCondition)
			}
		}
		for key, dl := range s.terms() {
			tp := p + "." + key
			for k, tc := range dl.Cases {
				cp := tp + ".cases[" + strconv.Itoa(k) + "].when"
				for _, f := range conds.FieldsOf(tc.When) {
					check(i, false, f, cp, readsTermCondition)
				}
			}
			if f := c.fields.Field(dl.From); f != nil && f.Type == FieldDate && c.steps[dl.From] == nil {
				check(i, false, f.Name, tp+".from", readsTermFrom)
			}
		}
		if f := c.fields.Field(s.Until); s.Kind == KindWait && s.For == nil && f != nil && f.Type == FieldDate {
			check(i, false, s.Until, p+".until", readsWaitUntil)
		}
	}
}

// missingPath is the shortest path from start to step i through no step that asks the
// field (asks), both ends included; nil when every path passes one. The step's own form
// counts when own (a condition read after its task): then a step that asks is never
// reached this way.
func missingPath(start, i int, own bool, succ [][]int, asks []bool) []int {
	if asks[start] && (own || start != i) {
		return nil
	}
	from := make([]int, len(succ)) // the step each was first reached from, -1 for start
	for k := range from {
		from[k] = -2
	}
	from[start] = -1
	queue := []int{start}
	for len(queue) > 0 && from[i] == -2 {
		at := queue[0]
		queue = queue[1:]
		for _, j := range succ[at] {
			if from[j] != -2 || (asks[j] && (own || j != i)) {
				continue
			}
			from[j] = at
			queue = append(queue, j)
		}
	}
	if from[i] == -2 {
		return nil
	}
	var path []int
	for k := i; k != -1; k = from[k] {
		path = append([]int{k}, path...)
	}
	return path
}

// pathText writes a path of steps as "melding → direct-melden → wacht".
func pathText(steps Steps, path []int) string {
	ids := make([]string, len(path))
	for k, i := range path {
		ids[k] = steps[i].ID
	}
	return strings.Join(ids, " → ")
}

// What reads a field too early: the problem when one step asks it, and when several do.
var (
	readsCondition     = [2]words.Code{words.ProblemConditionTooEarly, words.ProblemConditionTooEarlyN}
	readsTermCondition = [2]words.Code{words.ProblemTermConditionTooEarly, words.ProblemTermConditionTooEarlyN}
	readsTermFrom      = [2]words.Code{words.ProblemTermFromTooEarly, words.ProblemTermFromTooEarlyN}
	readsWaitUntil     = [2]words.Code{words.ProblemWaitUntilTooEarly, words.ProblemWaitUntilTooEarlyN}
)

// parse returns the parsed condition, from the cache after the first time; nil when it
// does not parse (Check reports why).
func (c *Conditions) parse(expr string) *cel.Ast {
	c.mu.Lock()
	a, ok := c.parsed[expr]
	c.mu.Unlock()
	if ok {
		return a
	}
	if checkLength(expr) != nil {
		return nil
	}
	a, iss := c.env.Parse(expr)
	if iss.Err() != nil {
		a = nil
	}
	c.mu.Lock()
	if len(c.parsed) < maxParsed {
		c.parsed[expr] = a
	}
	c.mu.Unlock()
	return a
}

// maxParsed bounds the parse cache of one Conditions.
const maxParsed = 10000
