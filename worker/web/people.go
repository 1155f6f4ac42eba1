package web

import (
	"maps"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/words"
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
	if !ok {
		u, ok = lookup(a.cfg.Auth, id)
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

// lookup asks the authenticator for a user it knows by id: a tokens file, alone or
// beside an identity provider (auth.Either). Only the web app asks Either: the API's
// assignee check must not learn to refuse the provider's users.
func lookup(au auth.Authenticator, id string) (auth.User, bool) {
	switch x := au.(type) {
	case lookuper:
		return x.Lookup(id)
	case auth.Either:
		for _, one := range x {
			if u, ok := lookup(one, id); ok {
				return u, true
			}
		}
	}
	return auth.User{}, false
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

// stepTitle is the title of a step of def, or its id in words.
func stepTitle(def *definitions.Definition, id string) string {
	if def != nil {
		if s := def.Steps.Step(id); s != nil && s.Title != "" {
			return s.Title
		}
	}
	return definitions.Label(id)
}

// inWords reads the ids a message of the trail or a refusal carries as people name
// them: "Opgeschaald naar Teamleider", not "naar teamleider"; a task ("melding-1") by
// its step's title; a user by their name. def, the case's definition, may be nil.
func (a *app) inWords(m words.Message, def *definitions.Definition) words.Message {
	m.Args = maps.Clone(m.Args)
	for k, v := range m.Args {
		switch k {
		case "role":
			m.Args[k] = def.RoleLabel(v)
		case "roles":
			var labels []string
			for _, r := range strings.Split(v, ",") {
				labels = append(labels, def.RoleLabel(r))
			}
			m.Args[k] = strings.Join(labels, ",")
		case "goto", "step":
			m.Args[k] = stepTitle(def, v)
		case "task":
			step := v
			if i := strings.LastIndex(v, "-"); i > 0 {
				if _, err := strconv.Atoi(v[i+1:]); err == nil {
					step = v[:i]
				}
			}
			m.Args[k] = stepTitle(def, step)
		case "assignee":
			m.Args[k] = a.person(v, def)
		}
	}
	return m
}
