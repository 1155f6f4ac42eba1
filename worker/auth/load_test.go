package auth

import (
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
)

func TestLoadUsers(t *testing.T) {
	tok, err := LoadUsers("testdata/users.yaml")
	if err != nil {
		t.Fatal(err)
	}
	us := tok.Users()
	if len(us) != 2 || us[0].ID != "w1001" || us[1].ID != opaqueID("s3cret-teamleider-dalfsen") || us[1].Teams[1] != "nieuwleusen" {
		t.Fatalf("users = %+v", us)
	}
}

func TestLoadUsersMissingFile(t *testing.T) {
	if _, err := LoadUsers("testdata/nope.yaml"); err == nil {
		t.Fatal("no error for a missing file")
	}
}

func TestParseUsersErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "users:\n  - token: a\n    gemeente: g\n    teams: [t]\n    roles: [r]\n    id: x\n    team: t\n",
			`u.yaml:7:5: users[0].team: unknown key "team"; write one of: token, id, name, gemeente, teams, roles`},
		{"unknown top key", "users: []\nadmins: []\n", `u.yaml:2:1: admins: unknown key "admins"; write one of: users`},
		{"no users", "other: 1\n", "u.yaml:1:1: other: unknown key \"other\"; write one of: users\nu.yaml:1:1: users: is required"},
		{"users not a list", "users: {a: 1}\n", "u.yaml:1:8: users: expected a list of users, not a mapping"},
		{"located check", "users:\n  - token: a\n    id: x\n    gemeente: g\n    teams: [t, Bad]\n    roles: [r]\n  - token: a\n    id: y\n    gemeente: g\n    teams: [t]\n    roles: [r]\n",
			"u.yaml:5:16: users[0].teams[1]: \"Bad\" is not a team id; write lower case letters, digits and '-', starting with a letter\n" +
				"u.yaml:7:12: users[1].token: is the same as the token of users[0]; every user needs an own token"},
		{"missing field located at entry", "users:\n  - token: a\n    id: x\n    teams: [t]\n    roles: [r]\n",
			"u.yaml:2:5: users[0].gemeente: is required"},
		{"wrong type", "users:\n  - token: a\n    id: x\n    gemeente: g\n    teams: t\n    roles: [r]\n",
			"u.yaml:5:12: users[0].teams: expected a list of ids, like [a, b], not \"t\""},
		{"duplicate key", "users:\n  - token: a\n    token: b\n    gemeente: g\n    teams: [t]\n    roles: [r]\n",
			`u.yaml:3:5: users[0].token: "token" is already defined on line 2; keep one`},
		{"tab", "users:\n\t- token: a\n", "u.yaml:2:1: invalid YAML: a tab indents this line; YAML indents with spaces only: replace the tab by spaces"},
		{"not yaml", "users: [\n", "u.yaml:1: invalid YAML: did not find expected node content"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseUsers("u.yaml", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			if _, ok := err.(definitions.Issues); !ok {
				t.Errorf("error is a %T, want definitions.Issues", err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
		})
	}
}
