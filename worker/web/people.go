package web

import (
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// A case keeps who acted as a user id (never a name: ids go into Temporal). A page says
// the person: their name from the users file or the OIDC name claim, and the role they
// act in as the definition names it.

// lookuper is an authenticator that knows users by id (Tokens does).
type lookuper interface {
	Lookup(id string) (auth.User, bool)
}

// person names the user with the id for a page: "Anna de Vries (Wijkcoach)", the role
// left out when the name already says it ("Demo Wijkcoach Dalfsen"). A user the app never
// met reads as "medewerker" and the id, which is all the case knows.
func (a *app) person(id string, def *definitions.Definition) string {
	if id == "" {
		return ""
	}
	u, ok := a.people.Lookup(id)
	if l, isLookuper := a.cfg.Auth.(lookuper); !ok && isLookuper {
		u, ok = l.Lookup(id)
	}
	if !ok || u.Name == "" {
		return "medewerker " + id
	}
	for _, role := range u.Roles {
		if def == nil || def.Roles[role] == "" && role != def.Lead {
			continue
		}
		label := def.RoleLabel(role)
		if strings.Contains(strings.ToLower(u.Name), strings.ToLower(label)) {
			return u.Name
		}
		return u.Name + " (" + label + ")"
	}
	return u.Name
}

// teamLabel names a team of the gemeente as its definitions do; def, the case's own
// definition, first.
func (a *app) teamLabel(gemeente, team string, def *definitions.Definition) string {
	if def != nil && def.TeamLabels[team] != "" {
		return def.TeamLabels[team]
	}
	for _, d := range a.cfg.Definitions().CurrentOf(gemeente) {
		if d.TeamLabels[team] != "" {
			return d.TeamLabels[team]
		}
	}
	return definitions.Label(team)
}
