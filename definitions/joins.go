package definitions

import (
	"slices"
	"strconv"

	"github.com/wijkflow/wijkflow/internal/words"
)

// A join goes on only when every step in its join list has arrived. A parallel step
// opens only the branches whose condition holds; a listed step that only a conditional
// branch reaches may never arrive, and the case would wait at the join for ever. The
// validator reports that where it is written (the branch's when:); at run time
// StarvedJoins finds the joins that a split has made unreachable.

// joinBranches reports every conditional branch of a parallel step that alone leads
// to a step a join waits for.
func (c *checker) joinBranches() {
	if !c.graphKnown() {
		return
	}
	for _, p := range c.d.Steps {
		if LookupKind(p.Kind).Flow() != EveryMatch {
			continue
		}
		for i, t := range p.Next {
			if t.When == "" {
				continue
			}
			for _, s := range c.starvedBy(p, []string{t.Goto}, always(p)) {
				c.problem("steps."+p.ID+".next["+strconv.Itoa(i)+"].when",
					words.Msg(words.ProblemJoinStarved, "join", strconv.Quote(s.Join), "missing", strconv.Quote(s.Missing)))
			}
		}
	}
}

// always are the targets of a parallel step's unconditional transitions.
func always(p *Step) []string {
	var out []string
	for _, t := range p.Next {
		if t.When == "" {
			out = append(out, t.Goto)
		}
	}
	return out
}

// Starved is a join that can no longer go on: Missing, in its join list, cannot arrive.
type Starved struct {
	Join    string
	Missing string
}

// StarvedJoins returns the joins downstream of parallel step p that wait for a step
// none of the opened branches (taken: the targets the split opened) can reach, in
// definition order.
func StarvedJoins(d *Definition, p *Step, taken []string) []Starved {
	c := &checker{d: d, steps: make(map[string]*Step, len(d.Steps))}
	for _, s := range d.Steps {
		if c.steps[s.ID] == nil {
			c.steps[s.ID] = s
		}
	}
	var out []Starved
	for _, t := range p.Next {
		if !slices.Contains(taken, t.Goto) {
			out = append(out, c.starvedBy(p, []string{t.Goto}, taken)...)
		}
	}
	return slices.CompactFunc(out, func(a, b Starved) bool { return a == b })
}

// starvedBy: the listed steps of joins that branches from reach and branches from
// others (the ones sure to run) do not; each walk stops at the joins and at p.
func (c *checker) starvedBy(p *Step, from, others []string) []Starved {
	mine, joins := c.branch(p, from)
	theirs, _ := c.branch(p, others)
	var out []Starved
	for _, j := range c.d.Steps {
		if j.Kind != KindJoin || !joins[j.ID] {
			continue
		}
		for _, want := range j.Join {
			if mine[want] && !theirs[want] {
				out = append(out, Starved{Join: j.ID, Missing: want})
			}
		}
	}
	return out
}

// branch walks from the given steps along every transition and rung, not through p
// and not past a join; it returns the steps reached and the joins reached.
func (c *checker) branch(p *Step, from []string) (reached, joins map[string]bool) {
	reached, joins = map[string]bool{}, map[string]bool{}
	queue := slices.Clone(from)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		s := c.steps[id]
		if s == nil || s == p || reached[id] {
			continue
		}
		if s.Kind == KindJoin {
			joins[id] = true
			continue
		}
		reached[id] = true
		for _, t := range s.Next {
			queue = append(queue, t.Goto)
		}
		for _, r := range s.Escalate {
			if r.Goto != "" {
				queue = append(queue, r.Goto)
			}
		}
	}
	return reached, joins
}
