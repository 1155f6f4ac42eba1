package web

import (
	"context"
	"slices"

	"github.com/wijkflow/wijkflow/worker/caselist"
)

// openCase is what the overview counts of one open case: its search attributes.
type openCase = *caselist.Case

// openCases is the gemeente's shared list of running cases (worker/caselist), instead of
// one visibility count per number shown: Temporal's stock frontend.namespaceRPS.visibility
// (10) allows ten calls a second, and the overview showed some sixty numbers. Counting in
// the worker's memory is cheap.
func (a *app) openCases(ctx context.Context, gemeente string) ([]openCase, error) {
	l, err := a.cases.Open(ctx, gemeente)
	if err != nil {
		return nil, err
	}
	return l.Cases, nil
}

// rowMatch is the part every count of a row shares: process, team and, on a step row,
// the step among the case's current ones (a KeywordList "=" is "contains").
func rowMatch(process, team, step string) func(openCase) bool {
	return func(c openCase) bool {
		return c.Process == process && c.Team == team && (step == "" || slices.Contains(c.Steps, step))
	}
}
