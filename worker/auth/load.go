package auth

import (
	"os"
	"reflect"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/yamldoc"
)

// usersFile is the shape of a users file.
type usersFile struct {
	Users []User `yaml:"users"`
}

// usersKind names the users file in the messages about the file as a whole.
var usersKind = yamldoc.Kind{
	Name:    "users list",
	Start:   "a users file starts with users:",
	Mapping: "a users file is a mapping with a users list, like users: [{token: …, gemeente: …}]",
}

// LoadUsers reads a users file, `users: [{token, id, name, gemeente, teams, roles}]`.
// Unknown keys are errors; every problem is reported as file:line:col (a
// definitions.Issues), all of them at once.
func LoadUsers(path string) (*Tokens, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseUsers(path, src)
}

// parseUsers decodes with the module's YAML decoder, which keeps the place of every
// value, so that checkUsers' problems point at a line too.
func parseUsers(file string, src []byte) (*Tokens, error) {
	dec := &yamldoc.Decoder{Describe: describeUsers}
	var f usersFile
	if dec.DecodeFile(src, usersKind, &f) {
		if !dec.Has("users") {
			dec.At("users", "is required")
		}
		for _, p := range checkUsers(f.Users) {
			dec.Fail(p.Path(), p.Message)
		}
	}
	if len(dec.Problems) > 0 {
		return nil, definitions.IssuesOf(file, dec.Sorted())
	}
	return newTokens(f.Users), nil
}

// describeUsers names the values of a users file for "expected …, not …".
func describeUsers(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[[]User]():
		return "a list of users"
	case reflect.TypeFor[User]():
		return "a user: a mapping with token, id, name, gemeente, teams and roles"
	case reflect.TypeFor[[]string]():
		return "a list of ids, like [a, b]"
	}
	return ""
}
