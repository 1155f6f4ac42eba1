package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/wijkflow/wijkflow/definitions"
)

// problem is one thing wrong with users[Index]; Field is the yaml key ("" for the entry).
type problem struct {
	Index   int
	Field   string
	Message string
}

// Path is where the problem is, e.g. "users[2].teams[0]".
func (p problem) Path() string {
	path := fmt.Sprintf("users[%d]", p.Index)
	if p.Field != "" {
		path += "." + p.Field
	}
	return path
}

func (p problem) String() string { return p.Path() + ": " + p.Message }

var (
	idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
)

// checkUsers fills in default ids and returns every problem, in order. The codes it
// accepts are slugs, so they are safe to put in visibility queries and logs.
func checkUsers(users []User) []problem {
	var ps []problem
	add := func(i int, field, format string, args ...any) {
		ps = append(ps, problem{Index: i, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	tokens := map[string]int{}
	ids := map[string]int{}
	for i := range users {
		u := &users[i]
		switch {
		case u.Token == "":
			add(i, "token", "is required")
		case strings.ContainsFunc(u.Token, unicode.IsSpace):
			add(i, "token", "must not contain spaces")
		default:
			if j, dup := tokens[u.Token]; dup {
				add(i, "token", "is the same as the token of users[%d]; every user needs an own token", j)
			} else {
				tokens[u.Token] = i
			}
		}
		if u.ID == "" && u.Token != "" {
			u.ID = opaqueID(u.Token)
		}
		switch {
		case u.ID == "":
			add(i, "id", "is required when there is no token")
		case !idRE.MatchString(u.ID):
			add(i, "id", "%q must be 1-64 letters, digits, '.', '_' or '-'", u.ID)
		default:
			if j, dup := ids[u.ID]; dup {
				add(i, "id", "%q is also the id of users[%d]", u.ID, j)
			} else {
				ids[u.ID] = i
			}
		}
		if u.Gemeente == "" {
			add(i, "gemeente", "is required")
		} else if !definitions.IsSlug(u.Gemeente) {
			add(i, "gemeente", "%q is not a gemeente code; write lower case letters, digits and '-', starting with a letter, e.g. dalfsen", u.Gemeente)
		}
		checkList(add, i, "teams", "team", u.Teams, definitions.IsSlug, "lower case letters, digits and '-'")
		checkList(add, i, "roles", "role", u.Roles, definitions.IsID, "lower case letters, digits, '_' and '-'")
	}
	return ps
}

// checkList checks a user's teams or roles with the loader's own rule for such ids.
func checkList(add func(int, string, string, ...any), i int, field, what string, list []string, valid func(string) bool, write string) {
	if len(list) == 0 {
		add(i, field, "needs at least one %s", what)
	}
	for n, v := range list {
		if !valid(v) {
			add(i, fmt.Sprintf("%s[%d]", field, n), "%q is not a %s id; write %s, starting with a letter", v, what, write)
		}
	}
}

// opaqueID names a user without an id by a hash of their token: never by their name,
// which would put personal data in logs and workflow histories.
func opaqueID(token string) string {
	sum := sha256.Sum256([]byte("wijkflow-user-id:" + token))
	return "user-" + hex.EncodeToString(sum[:5])
}
