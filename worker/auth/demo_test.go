package auth

import (
	"fmt"
	"slices"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

func TestDemoUsers(t *testing.T) {
	defs := []*definitions.Definition{
		{Gemeente: "zwolle", Process: "wijkteam", Teams: []string{"zuid", "noord"}, Roles: map[string]string{"regisseur": "R"}, Lead: "teamleider"},
		{Gemeente: "dalfsen", Process: "wijkteam", Teams: []string{"lemelerveld", "kern"}, Roles: map[string]string{"wijkcoach": "W", "teamleider": "T"}, Lead: "teamleider"},
		{Gemeente: "dalfsen", Process: "jeugd", Teams: []string{"kern"}, Roles: map[string]string{"jeugdconsulent": "J"}},
	}
	users := DemoUsers(defs)
	var got []string
	for _, u := range users {
		got = append(got, fmt.Sprintf("%s %s %s %v %v", u.Token, u.ID, u.Gemeente, u.Teams, u.Roles))
	}
	want := []string{
		"demo-dalfsen-jeugdconsulent dalfsen-jeugdconsulent dalfsen [kern] [jeugdconsulent]",
		"demo-dalfsen-teamleider dalfsen-teamleider dalfsen [kern] [teamleider]",
		"demo-dalfsen-wijkcoach dalfsen-wijkcoach dalfsen [kern] [wijkcoach]",
		"demo-zwolle-regisseur zwolle-regisseur zwolle [zuid] [regisseur]",
		"demo-zwolle-teamleider zwolle-teamleider zwolle [zuid] [teamleider]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
	if _, err := NewTokens(users); err != nil {
		t.Errorf("demo users do not pass NewTokens: %v", err)
	}
}

// TestDemoUsersCoverShippedDefinitions: every role of every shipped process has a demo
// user in the gemeente's first team, which works that process.
func TestDemoUsersCoverShippedDefinitions(t *testing.T) {
	defs := testutil.Shipped(t)
	users := DemoUsers(defs)
	for _, d := range defs {
		for role := range d.Roles {
			found := false
			for _, u := range users {
				found = found || (u.Gemeente == d.Gemeente && u.HasRole(role) && slices.Contains(d.Teams, u.Teams[0]))
			}
			if !found {
				t.Errorf("%s/%s: no demo user with role %s in one of %v", d.Gemeente, d.Process, role, d.Teams)
			}
		}
	}
}
