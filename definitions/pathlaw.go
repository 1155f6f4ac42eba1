package definitions

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// pathLaw judges the paths between steps by their legal function (function.go): what
// the law says must lie between a melding and a beschikking, after a beschikking, and
// after the Meldcode's weighing; and which referrals can loop. Paths ignore the
// conditions on the way (a condition is data, not proof that an onderzoek took place),
// except where the Meldcode's weighing itself routes. It runs only when the graph is
// known (see graph).
func (c *checker) pathLaw(conds *Conditions) {
	if !c.graphKnown() {
		return
	}
	g := c.lawGraph()
	g.onderzoek()
	g.bezwaar()
	g.meldcode(conds)
	g.referralLoops(conds)
	g.bsn()
}

// lawGraph is the step graph with the functions of its steps, for the checks of paths.
type lawGraph struct {
	*checker
	succ [][]int
	fn   []Function
	ends []bool
}

func (c *checker) lawGraph() *lawGraph {
	_, succ, _ := edges(c.d.Steps, false)
	g := &lawGraph{checker: c, succ: succ, fn: make([]Function, len(c.d.Steps)), ends: make([]bool, len(c.d.Steps))}
	for i, s := range c.d.Steps {
		g.fn[i] = s.Function
		g.ends[i] = LookupKind(s.Kind).Flow() == Ends
	}
	return g
}

// has is the set of steps with one of the functions fs.
func (g *lawGraph) has(fs ...Function) func(int) bool {
	return func(i int) bool { return slices.Contains(fs, g.fn[i]) }
}

// each calls fn for every step with function f.
func (g *lawGraph) each(f Function, fn func(i int, s *Step)) {
	for i, s := range g.d.Steps {
		if s.Function == f {
			fn(i, s)
		}
	}
}

// at says a problem at the function: of step i.
func (g *lawGraph) at(i int) string { return "steps." + g.d.Steps[i].ID + ".function" }

// path writes a path of steps for messages.
func (g *lawGraph) path(p []int) string { return pathText(g.d.Steps, p) }

// onderzoek: no beschikking after a melding without an onderzoek between them (Wmo
// 2015 art. 2.3.2 lid 1, 2.3.5); a spoedvoorziening (art. 2.3.3) reached before any
// onderzoek has one ahead on every path to an end.
func (g *lawGraph) onderzoek() {
	onderzoek := g.has(FunctionOnderzoek)
	var meldingen []int
	g.each(FunctionMelding, func(i int, _ *Step) { meldingen = append(meldingen, i) })
	if len(meldingen) == 0 {
		return
	}
	g.each(FunctionBeschikking, func(i int, _ *Step) {
		if p := shortestPath(meldingen, func(j int) bool { return j == i }, g.next, onderzoek); p != nil {
			g.problem(g.at(i), words.Msg(words.ProblemPathNoOnderzoek, "path", g.path(p)))
		}
	})
	g.each(FunctionSpoedvoorziening, func(i int, _ *Step) {
		if shortestPath(meldingen, func(j int) bool { return j == i }, g.next, onderzoek) == nil {
			return // an onderzoek lies before it on every path
		}
		if p := shortestPath([]int{i}, g.isEnd, g.next, onderzoek); p != nil {
			g.problem(g.at(i), words.Msg(words.ProblemPathSpoedNoOnderzoek, "path", g.path(p)))
		}
	})
}

// bezwaar: every path from a beschikking to an end passes a bezwaartermijn (Awb 6:7,
// 6:8, told in the beschikking, 3:45): a step with function: bezwaar, or a deadline
// that cites the bezwaartermijn.
func (g *lawGraph) bezwaar() {
	termijn := func(i int) bool {
		s := g.d.Steps[i]
		if s.Function == FunctionBezwaar {
			return true
		}
		if s.Deadline == nil {
			return false
		}
		a, ok := law.Cited(s.Deadline.Law)
		return ok && a.From == law.FromBekendmaking
	}
	g.each(FunctionBeschikking, func(i int, _ *Step) {
		if p := shortestPath([]int{i}, g.isEnd, g.next, termijn); p != nil {
			g.problem(g.at(i), words.Msg(words.ProblemPathNoBezwaar, "path", g.path(p), "example",
				"{kind: wait, function: bezwaar, event: bezwaar, for: 6w, timeout: …}"))
		}
	})
}

// The field a meldcode-4 step weighs the onveiligheid in, and its values at which
// melden bij Veilig Thuis is the norm (afwegingskader, afweging 3 and 4).
const onveiligheid = "onveiligheid"

var meldenIsDeNorm = []string{"acuut", "structureel"}

// meldcode: on every path from a meldcode-4 step where the onveiligheid is acute or
// structural, a melding comes before the case ends. Transitions that read the
// onveiligheid are followed only where their condition holds with that value.
func (g *lawGraph) meldcode(conds *Conditions) {
	g.each(FunctionMeldcode4, func(i int, s *Step) {
		f := s.Form.Field(onveiligheid)
		var values []string
		if f != nil {
			for _, v := range meldenIsDeNorm {
				if slices.Contains(f.Options, v) {
					values = append(values, v)
				}
			}
		}
		if len(values) == 0 {
			g.problem(g.at(i), words.Msg(words.ProblemMeldcodeNoOnveiligheid, "example",
				onveiligheid+": {type: choice, options: [geen, "+strings.Join(meldenIsDeNorm, ", ")+"]}"))
			return
		}
		for _, v := range values {
			next := g.nextWhen(conds, f, v)
			if p := shortestPath([]int{i}, g.isEnd, next, g.has(FunctionMelding)); p != nil {
				g.problem(g.at(i), words.Msg(words.ProblemPathMeldcodeNoMelding, "path", g.path(p), "value", v))
				return
			}
		}
	})
}

// nextWhen is next, where a transition whose condition reads f is taken only when
// that condition holds with f's value v; a first-match step goes no further than a
// transition that holds on v alone (or has no condition).
func (g *lawGraph) nextWhen(conds *Conditions, f *Field, v string) func(int) []int {
	var value any = v
	if f.Type == FieldChoices {
		value = []any{v}
	}
	data := map[string]any{f.Name: value}
	return func(i int) []int {
		s := g.d.Steps[i]
		first := LookupKind(s.Kind).Flow() == FirstMatch
		var out []int
		add := func(id string) {
			if j := g.index(id); j >= 0 {
				out = append(out, j)
			}
		}
		for _, t := range s.Next {
			reads := conds.FieldsOf(t.When)
			if slices.Contains(reads, f.Name) {
				if ok, err := conds.Eval(t.When, data); err == nil && !ok {
					continue
				} else if err == nil && len(reads) == 1 && first {
					add(t.Goto)
					break
				}
			}
			add(t.Goto)
			if t.When == "" && first {
				break
			}
		}
		for _, r := range s.Escalate {
			add(r.Goto)
		}
		add(s.Timeout)
		return out
	}
}

// index is the node of step id, or -1 for none (an empty goto, reported by its tag).
func (g *lawGraph) index(id string) int {
	return slices.IndexFunc(g.d.Steps, func(s *Step) bool { return s.ID == id })
}

// referralLoops: a referral that starts a child case on a loop can start child cases
// without bound, unless it awaits the child and a condition on the loop reads the
// child's result (outcome:), so that the result can end the loop.
func (g *lawGraph) referralLoops(conds *Conditions) {
	all := func(int) bool { return true }
	for _, loop := range loops(g.succ, all) {
		for _, i := range loop {
			s := g.d.Steps[i]
			if s.Kind != KindReferral || s.Process == "" || g.readsOutcome(conds, s, loop) {
				continue
			}
			ids := make([]string, len(loop))
			for k, j := range loop {
				ids[k] = g.d.Steps[j].ID
			}
			g.problem("steps."+s.ID+".process", words.Msg(words.ProblemReferralLoop,
				"steps", strings.Join(ids, ", "), "process", strconv.Quote(s.Process)))
		}
	}
}

// readsOutcome reports whether referral s awaits its child and a condition of a step
// in loop reads the child's result.
func (g *lawGraph) readsOutcome(conds *Conditions, s *Step, loop []int) bool {
	if s.Outcome == "" || !s.Awaits() {
		return false
	}
	for _, i := range loop {
		for _, t := range g.d.Steps[i].Next {
			if slices.Contains(conds.FieldsOf(t.When), s.Outcome) {
				return true
			}
		}
	}
	return false
}

// next are the steps a case can go to from step i.
func (g *lawGraph) next(i int) []int { return g.succ[i] }

// isEnd reports whether step i ends the case.
func (g *lawGraph) isEnd(i int) bool { return g.ends[i] }

// shortestPath is the shortest path from one of roots to a step for which target
// holds, through no step that is blocked (a target may be); nil when there is none.
func shortestPath(roots []int, target func(int) bool, next func(int) []int, blocked func(int) bool) []int {
	from := map[int]int{}
	var queue []int
	for _, r := range roots {
		if _, seen := from[r]; !seen {
			from[r] = -1
			queue = append(queue, r)
		}
	}
	for len(queue) > 0 {
		at := queue[0]
		queue = queue[1:]
		if target(at) {
			var p []int
			for k := at; k != -1; k = from[k] {
				p = append([]int{k}, p...)
			}
			return p
		}
		for _, j := range next(at) {
			if _, seen := from[j]; seen || (blocked(j) && !target(j)) {
				continue
			}
			from[j] = at
			queue = append(queue, j)
		}
	}
	return nil
}
