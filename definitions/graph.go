package definitions

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// references checks every name of a step: start, transitions, rung gotos, joins and the
// from of a clock.
func (c *checker) references() {
	if c.d.Start != "" {
		c.stepRef(c.d.Start, "start")
	}
	for _, s := range c.d.Steps {
		p := "steps." + s.ID
		for i, t := range s.Next {
			c.stepRef(t.Goto, p+".next["+strconv.Itoa(i)+"].goto")
		}
		for i, r := range s.Escalate {
			c.stepRef(r.Goto, p+".escalate["+strconv.Itoa(i)+"].goto")
		}
		c.from(s.Deadline, p+".deadline")
		c.from(s.Norm, p+".norm")
		c.joins(s, p)
	}
}

// stepRef checks that id names a step.
func (c *checker) stepRef(id, path string) bool {
	if id == "" || c.steps[id] != nil || c.isBad("steps") {
		return true
	}
	c.problem(path, words.Msg(words.ProblemUnknownStep, "name", quote(id)), c.sug.hint(id, c.stepIDs, words.ProblemHintSteps))
	return false
}

// from checks where a clock starts: the step, the case, or another step's start.
func (c *checker) from(dl *Deadline, path string) {
	if dl == nil || dl.From == "" || dl.From == "step" || dl.From == "case" || c.steps[dl.From] != nil || c.d.EndOf(dl.From) != nil {
		return
	}
	if id, ok := strings.CutSuffix(dl.From, endSuffix); ok && c.steps[id] != nil {
		c.problem(path+".from", words.Msg(words.ProblemFromEndNotTimed, "name", quote(dl.From), "step", strconv.Quote(id)))
		return
	}
	if f := c.fields.Field(dl.From); f != nil {
		if f.Type != FieldDate {
			c.problem(path+".from", words.Msg(words.ProblemFromNotDate, "name", strconv.Quote(f.Name), "type", string(f.Type)))
		}
		return
	}
	cands := append(append([]string{"step", "case"}, c.stepIDs...), c.dateFields()...)
	c.problem(path+".from", words.Msg(words.ProblemUnknownFrom, "name", quote(dl.From)), c.sug.hint(dl.From, cands, ""))
}

// joins checks that a join names steps that actually lead to it; otherwise it would wait
// for ever.
func (c *checker) joins(s *Step, p string) {
	for i, id := range s.Join {
		jp := p + ".join[" + strconv.Itoa(i) + "]"
		if !c.stepRef(id, jp) || c.steps[id] == nil { // nil: steps unreadable, reported already
			continue
		}
		if !leadsTo(c.steps[id], s.ID) {
			c.problem(jp, words.Msg(words.ProblemJoinNeverReached, "step", strconv.Quote(id), "join", strconv.Quote(s.ID), "id", s.ID))
		}
	}
}

// leadsTo reports whether step s has a transition or rung that goes to id.
func leadsTo(s *Step, id string) bool {
	for _, t := range s.Next {
		if t.Goto == id {
			return true
		}
	}
	for _, r := range s.Escalate {
		if r.Goto == id {
			return true
		}
	}
	return s.Timeout == id
}

// graph checks that every step is reachable from start and that from every reachable
// step some path leads to an end, so no case can get stranded. It runs only when every
// edge and kind is known: with a misspelt goto or an unreadable next, the graph's
// messages would be consequences of that one mistake, not news.
func (c *checker) graph() {
	if !c.graphKnown() {
		return
	}
	steps := c.d.Steps
	index, succ, pred := edges(steps, true)
	start, ok := index[c.d.Start]
	if !ok {
		return // reported as an unknown start; reachability would flag every step
	}
	reached := walk([]int{start}, succ, len(steps))
	var ends []int
	for i, s := range steps {
		if LookupKind(s.Kind).Flow() == Ends {
			ends = append(ends, i)
		}
	}
	if len(ends) == 0 {
		c.problem("steps", words.Msg(words.ProblemNoEnd, "example", "afgesloten: {kind: end, result: afgerond}"))
	}
	finishing := walk(ends, pred, len(steps))
	for i, s := range steps {
		if !reached[i] {
			c.problemKey("steps."+s.ID, words.Msg(words.ProblemUnreachable, "start", strconv.Quote(c.d.Start), "step", strconv.Quote(s.ID)))
		}
	}
	if len(ends) == 0 {
		return
	}
	// Steps that cannot reach an end all lead into a trap: a group of steps that only
	// lead to each other. Report each trap once, not every step upstream of it.
	for _, trap := range traps(succ, func(i int) bool { return reached[i] && !finishing[i] }) {
		first := steps[trap[0]]
		if len(trap) == 1 && len(succ[trap[0]]) == 0 {
			continue // a step without transitions was already told it needs next
		}
		ids := make([]string, len(trap))
		for k, i := range trap {
			ids[k] = steps[i].ID
		}
		m := words.Msg(words.ProblemTrapSelf)
		if len(trap) > 1 {
			m = words.Msg(words.ProblemTrapGroup, "steps", strings.Join(ids, ", "))
		}
		c.problemKey("steps."+first.ID, m)
	}
	c.instantLoops(steps, succ, func(i int) bool { return reached[i] && finishing[i] })
}

// instantLoops reports loops of steps that take no time (KindSpec.Instant: decisions,
// notifications, parallel splits, referrals that do not wait): a case in such a loop
// would go round for ever within one workflow task. Loops through a task or wait are
// normal (redo the plan after an evaluation). Loops that are traps were reported already.
func (c *checker) instantLoops(steps Steps, succ [][]int, in func(int) bool) {
	instant := func(i int) bool {
		return in(i) && LookupKind(steps[i].Kind).Instant(steps[i])
	}
	for _, loop := range loops(succ, instant) {
		m := words.Msg(words.ProblemInstantLoopSelf)
		if len(loop) > 1 {
			ids := make([]string, len(loop))
			for k, i := range loop {
				ids[k] = steps[i].ID
			}
			m = words.Msg(words.ProblemInstantLoopGroup, "steps", strings.Join(ids, ", "))
		}
		c.problemKey("steps."+steps[loop[0]].ID, m)
	}
}

// components returns the strongly connected components (Tarjan) of the nodes for which
// in is true, each sorted, in order of their first node, and each node's component
// index (-1 outside).
func components(edges [][]int, in func(int) bool) ([][]int, []int) {
	n := len(edges)
	index, low, comp := make([]int, n), make([]int, n), make([]int, n)
	for i := range index {
		index[i], comp[i] = -1, -1
	}
	var stack []int
	onStack := make([]bool, n)
	next := 0
	var comps [][]int
	var connect func(v int)
	connect = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range edges[v] {
			if !in(w) {
				continue
			}
			if index[w] < 0 {
				connect(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var members []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = len(comps)
				members = append(members, w)
				if w == v {
					break
				}
			}
			comps = append(comps, members)
		}
	}
	for v := range n {
		if in(v) && index[v] < 0 {
			connect(v)
		}
	}
	order := make([]int, len(comps))
	for k, members := range comps {
		sort.Ints(members)
		order[k] = k
	}
	sort.Slice(order, func(a, b int) bool { return comps[order[a]][0] < comps[order[b]][0] })
	sorted := make([][]int, len(comps))
	renumber := make([]int, len(comps))
	for k, old := range order {
		sorted[k] = comps[old]
		renumber[old] = k
	}
	for v, k := range comp {
		if k >= 0 {
			comp[v] = renumber[k]
		}
	}
	return sorted, comp
}

// traps returns the components of the nodes for which in is true that no edge leaves.
// Every edge of a node that cannot reach an end leads to another such node, so with
// that in, the traps are where cases get stuck.
func traps(edges [][]int, in func(int) bool) [][]int {
	comps, comp := components(edges, in)
	var out [][]int
	for k, members := range comps {
		closed := true
		for _, v := range members {
			for _, w := range edges[v] {
				closed = closed && comp[w] == k
			}
		}
		if closed {
			out = append(out, members)
		}
	}
	return out
}

// loops returns the components of the nodes for which in is true that hold a cycle.
func loops(edges [][]int, in func(int) bool) [][]int {
	comps, _ := components(edges, in)
	var out [][]int
	for _, members := range comps {
		if len(members) > 1 || slices.Contains(edges[members[0]], members[0]) {
			out = append(out, members)
		}
	}
	return out
}

// edges are the steps as a graph: each step's index by id, and by index the steps it
// goes on to (succ) and comes from (pred) through next, escalate and timeout. With
// taken, the transitions of a first-match step after one without a condition are left
// out: they are never taken (and reported on their own).
func edges(steps Steps, taken bool) (index map[string]int, succ, pred [][]int) {
	index = stepIndex(steps)
	succ = make([][]int, len(steps))
	pred = make([][]int, len(steps))
	for i, s := range steps {
		add := func(id string) {
			if j, ok := index[id]; ok {
				succ[i] = append(succ[i], j)
				pred[j] = append(pred[j], i)
			}
		}
		for _, t := range s.Next {
			add(t.Goto)
			if taken && t.When == "" && LookupKind(s.Kind).Flow() == FirstMatch {
				break
			}
		}
		for _, r := range s.Escalate {
			add(r.Goto)
		}
		if s.Timeout != "" {
			add(s.Timeout)
		}
	}
	return index, succ, pred
}

// graphKnown reports whether every step's kind and every edge could be read.
func (c *checker) graphKnown() bool {
	if c.isBad("steps") || c.isBad("start") {
		return false
	}
	for _, s := range c.d.Steps {
		p := "steps." + s.ID
		if c.isBad(p) || c.isBad(p+".next") || c.isBad(p+".escalate") || c.isBad(p+".kind") || LookupKind(s.Kind) == nil {
			return false
		}
		for _, t := range s.Next {
			if t.Goto != "" && c.steps[t.Goto] == nil {
				return false
			}
		}
		for _, r := range s.Escalate {
			if r.Goto != "" && c.steps[r.Goto] == nil {
				return false
			}
		}
		if s.Timeout != "" && c.steps[s.Timeout] == nil {
			return false
		}
	}
	return true
}

// walk returns which nodes are reachable from the roots along edges.
func walk(roots []int, edges [][]int, n int) []bool {
	seen := make([]bool, n)
	stack := append([]int(nil), roots...)
	for _, r := range roots {
		seen[r] = true
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, j := range edges[i] {
			if !seen[j] {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	return seen
}

// stepIndex maps each step's id to its place in steps, the node numbers of the graph.
func stepIndex(steps Steps) map[string]int {
	index := make(map[string]int, len(steps))
	for i, s := range steps {
		index[s.ID] = i
	}
	return index
}
