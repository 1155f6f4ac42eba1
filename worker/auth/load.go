package auth

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wijkflow/wijkflow/definitions"
)

// userFields are the keys a user entry may have, in the order the docs list them.
var userFields = []string{"token", "id", "name", "gemeente", "teams", "roles"}

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

// parseUsers walks the YAML node tree (rather than decoding straight into structs) to
// keep the position of every key for the error messages.
func parseUsers(file string, src []byte) (*Tokens, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		return nil, definitions.Issues{{File: file, Message: strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	var issues definitions.Issues
	at := func(n *yaml.Node, path, format string, args ...any) {
		issues = append(issues, definitions.Issue{File: file, Line: n.Line, Col: n.Column, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		at(root, "", "expected a mapping with a users list, e.g. users: [{token: ..., gemeente: ...}]")
		return nil, issues
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Value != "users" {
			at(k, "", "unknown key %q; the file has only users", k.Value)
			continue
		}
		list = root.Content[i+1]
	}
	if list == nil {
		at(root, "", "users is missing")
		return nil, issues
	}
	if list.Kind != yaml.SequenceNode {
		at(list, "users", "must be a list of users")
		return nil, issues
	}
	users := make([]User, len(list.Content))
	bad := map[problemKey]bool{} // fields already reported as the wrong type
	// pos[i][field] is where users[i].field was written, for checkUsers' problems.
	pos := make([]map[string]*yaml.Node, len(list.Content))
	for i, item := range list.Content {
		path := fmt.Sprintf("users[%d]", i)
		pos[i] = map[string]*yaml.Node{"": item}
		if item.Kind != yaml.MappingNode {
			at(item, path, "must be a mapping with token, id, name, gemeente, teams and roles")
			pos[i] = nil
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			pos[i][k.Value] = v
			for n, c := range v.Content {
				pos[i][fmt.Sprintf("%s[%d]", k.Value, n)] = c
			}
			if !slices.Contains(userFields, k.Value) {
				at(k, path, "unknown key %q; a user has %s", k.Value, strings.Join(userFields, ", "))
				continue
			}
			if msg := decodeField(&users[i], k.Value, v); msg != "" {
				at(v, path+"."+k.Value, "%s", msg)
				bad[problemKey{i, k.Value}] = true
			}
		}
	}
	for _, p := range checkUsers(users) {
		if pos[p.Index] == nil || bad[problemKey{p.Index, strings.SplitN(p.Field, "[", 2)[0]}] {
			continue // already reported
		}
		n := pos[p.Index][p.Field]
		if n == nil {
			n = pos[p.Index][""]
		}
		at(n, p.Path(), "%s", p.Message)
	}
	if len(issues) > 0 {
		return nil, issues
	}
	return newTokens(users), nil
}

type problemKey struct {
	index int
	field string
}

// decodeField sets the known field key of u from its node, or says what is wrong with the
// value's type ("" when all is well).
func decodeField(u *User, key string, v *yaml.Node) string {
	var str *string
	var list *[]string
	switch key {
	case "token":
		str = &u.Token
	case "id":
		str = &u.ID
	case "name":
		str = &u.Name
	case "gemeente":
		str = &u.Gemeente
	case "teams":
		list = &u.Teams
	case "roles":
		list = &u.Roles
	}
	if str != nil {
		if v.Kind != yaml.ScalarNode {
			return "must be text"
		}
		*str = v.Value
		return ""
	}
	if v.Kind == yaml.SequenceNode && v.Decode(list) == nil {
		return ""
	}
	return "must be a list of ids, e.g. [a, b]"
}
