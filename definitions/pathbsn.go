package definitions

import (
	"slices"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// bsn warns where a BSN is asked before a step that needs it (FunctionSpec.NeedsBSN:
// an aanvraag, beschikking, toewijzing or spoedvoorziening): asking it at the melding
// or on the way there is more than the purpose needs (AVG art. 5 lid 1 c). It judges
// only a process whose steps say their function; the BSN fields are those the
// resident names and those with the bsn rule.
func (g *lawGraph) bsn() {
	var needs []string
	for _, f := range functions {
		if f.NeedsBSN {
			needs = append(needs, string(f.Name))
		}
	}
	needing := func(i int) bool { return slices.Contains(needs, string(g.fn[i])) }
	if !slices.ContainsFunc(g.d.Steps, func(s *Step) bool { return s.Function != "" }) {
		return
	}
	list := strings.Join(needs, ", ")
	start := g.index(g.d.Start)
	if start < 0 {
		return // an unknown start is reported as such
	}
	for _, f := range g.d.Intake {
		if g.isBSN(f) && !needing(start) {
			g.warn("intake."+f.Name, words.Msg(words.ProblemBSNAtIntake, "field", f.Name, "needs", list))
		}
	}
	for i, s := range g.d.Steps {
		for _, f := range s.Form {
			if !g.isBSN(f) || needing(i) {
				continue
			}
			if p := shortestPath([]int{start}, func(j int) bool { return j == i }, g.next, needing); p != nil {
				g.warn("steps."+s.ID+".form."+f.Name, words.Msg(words.ProblemBSNBeforeNeed, "path", g.path(p), "field", f.Name, "needs", list))
			}
		}
	}
}

// isBSN reports whether field f holds a burgerservicenummer.
func (g *lawGraph) isBSN(f *Field) bool {
	if r := g.d.Resident; r != nil {
		if f.Name == r.BSN {
			return true
		}
		for _, p := range r.Household {
			if f.Name == p.BSN {
				return true
			}
		}
	}
	for _, rule := range strings.Split(f.Rules, ",") {
		if strings.TrimSpace(rule) == "bsn" {
			return true
		}
	}
	return false
}
