package auth

import (
	"slices"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
)

// DemoUsers returns deterministic users for `wijkflow dev`: for every gemeente of defs,
// one user per role (the lead role included) in the gemeente's first team, with the
// token "demo-<gemeente>-<role>", the id "<gemeente>-<role>" and a name from the labels,
// "Demo Wmo-consulent Dalfsen". They are for a laptop
// demo only: anyone who reads this comment knows the tokens.
func DemoUsers(defs []*definitions.Definition) []User {
	type gemeente struct {
		team   string
		roles  []string
		labels map[string]string // role id → label
	}
	byCode := map[string]*gemeente{}
	var codes []string
	// Sorting by process makes "the first team" independent of the order of defs.
	sorted := slices.Clone(defs)
	slices.SortStableFunc(sorted, func(a, b *definitions.Definition) int {
		if c := strings.Compare(a.Gemeente, b.Gemeente); c != 0 {
			return c
		}
		return strings.Compare(a.Process, b.Process)
	})
	for _, d := range sorted {
		if d == nil || len(d.Teams) == 0 {
			continue
		}
		g := byCode[d.Gemeente]
		if g == nil {
			g = &gemeente{team: d.Teams[0], labels: map[string]string{}}
			byCode[d.Gemeente] = g
			codes = append(codes, d.Gemeente)
		}
		for role := range d.Roles {
			if !slices.Contains(g.roles, role) {
				g.roles = append(g.roles, role)
				g.labels[role] = d.RoleLabel(role)
			}
		}
		if d.Lead != "" && !slices.Contains(g.roles, d.Lead) {
			g.roles = append(g.roles, d.Lead)
			g.labels[d.Lead] = d.RoleLabel(d.Lead)
		}
	}
	var users []User
	for _, code := range codes {
		g := byCode[code]
		slices.Sort(g.roles)
		for _, role := range g.roles {
			users = append(users, User{
				Token:    "demo-" + code + "-" + role,
				ID:       code + "-" + role,
				Name:     "Demo " + g.labels[role] + " " + definitions.Label(code),
				Gemeente: code,
				Teams:    []string{g.team},
				Roles:    []string{role},
			})
		}
	}
	return users
}
