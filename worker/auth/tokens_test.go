package auth

import (
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAuthenticate(t *testing.T) {
	tok, err := NewTokens([]User{
		{Token: "tok-a", ID: "a", Gemeente: "dalfsen", Teams: []string{"kern"}, Roles: []string{"wijkcoach"}},
		{Token: "tok-b", Name: "Bé Bakker", Gemeente: "zwolle", Teams: []string{"zuid"}, Roles: []string{"regisseur"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		header string
		wantID string
		err    error
	}{
		{"Bearer tok-a", "a", nil},
		{"bearer tok-b", opaqueID("tok-b"), nil},
		{"Bearer  tok-a ", "a", nil},
		{"", "", ErrNoCredentials},
		{"Basic dG9rLWE=", "", ErrNoCredentials},
		{"Bearer", "", ErrNoCredentials},
		{"Bearer tok-c", "", ErrInvalidCredentials},
		{"Bearer tok-", "", ErrInvalidCredentials},
	}
	for _, tc := range tests {
		t.Run(tc.header, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			if tc.header != "" {
				r.Header.Set("Authorization", tc.header)
			}
			u, err := tok.Authenticate(r)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if tc.err == nil && u.ID != tc.wantID {
				t.Errorf("id = %q, want %q", u.ID, tc.wantID)
			}
		})
	}
}

func TestAuthenticateReturnsACopy(t *testing.T) {
	tok, err := NewTokens([]User{{Token: "t", ID: "a", Gemeente: "g", Teams: []string{"x"}, Roles: []string{"r"}}})
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer t")
	u, _ := tok.Authenticate(r)
	u.Teams[0] = "other"
	u2, _ := tok.Authenticate(r)
	if u2.Teams[0] != "x" {
		t.Errorf("a caller changed the stored user: teams = %v", u2.Teams)
	}
}

func TestNewTokensRejects(t *testing.T) {
	ok := User{Token: "t1", ID: "a", Gemeente: "dalfsen", Teams: []string{"kern"}, Roles: []string{"wijkcoach"}}
	with := func(f func(*User)) User { u := ok; f(&u); return u }
	tests := []struct {
		name  string
		users []User
		want  string
	}{
		{"empty token", []User{with(func(u *User) { u.Token = "" })}, "users[0].token: is required"},
		{"space in token", []User{with(func(u *User) { u.Token = "a b" })}, "users[0].token: must not contain spaces"},
		{"duplicate token", []User{ok, with(func(u *User) { u.ID = "b" })}, "users[1].token: is the same as the token of users[0]; every user needs an own token"},
		{"duplicate id", []User{ok, with(func(u *User) { u.Token = "t2" })}, `users[1].id: "a" is also the id of users[0]`},
		{"bad id", []User{with(func(u *User) { u.ID = "a b" })}, `users[0].id: "a b" must be 1-64 letters, digits, '.', '_' or '-'`},
		{"no gemeente", []User{with(func(u *User) { u.Gemeente = "" })}, "users[0].gemeente: is required"},
		{"bad gemeente", []User{with(func(u *User) { u.Gemeente = "Dalfsen" })}, `users[0].gemeente: "Dalfsen" is not a gemeente code; write lower case letters, digits and '-', starting with a letter, e.g. dalfsen`},
		{"gemeente starts with a digit", []User{with(func(u *User) { u.Gemeente = "1dalfsen" })}, `users[0].gemeente: "1dalfsen" is not a gemeente code; write lower case letters, digits and '-', starting with a letter, e.g. dalfsen`},
		{"underscore in a team", []User{with(func(u *User) { u.Teams = []string{"kern_noord"} })}, `users[0].teams[0]: "kern_noord" is not a team id; write lower case letters, digits and '-', starting with a letter`},
		{"no teams", []User{with(func(u *User) { u.Teams = nil })}, "users[0].teams: needs at least one team"},
		{"bad role", []User{with(func(u *User) { u.Roles = []string{"wijk coach"} })}, `users[0].roles[0]: "wijk coach" is not a role id; write lower case letters, digits, '_' and '-', starting with a letter`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewTokens(tc.users)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("err = %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestDefaultIDIsOpaque(t *testing.T) {
	tok, err := NewTokens([]User{{Token: "geheim-1", Name: "Anna Özdemir", Gemeente: "g", Teams: []string{"x"}, Roles: []string{"wmo_consulent"}}})
	if err != nil {
		t.Fatal(err)
	}
	id := tok.Users()[0].ID
	if !strings.HasPrefix(id, "user-") || len(id) != len("user-")+10 || strings.Contains(strings.ToLower(id), "anna") {
		t.Fatalf("default id %q: want user-<10 hex>, never derived from the name", id)
	}
	if again := opaqueID("geheim-1"); again != id {
		t.Fatalf("default id not stable: %q then %q", id, again)
	}
}

func TestUsersIsACopy(t *testing.T) {
	tok, err := NewTokens([]User{{Token: "t", Name: "Piet", Gemeente: "g", Teams: []string{"x"}, Roles: []string{"r"}}})
	if err != nil {
		t.Fatal(err)
	}
	us := tok.Users()
	if len(us) != 1 || us[0].ID != opaqueID("t") {
		t.Fatalf("Users() = %+v", us)
	}
	us[0].Roles[0] = "boss"
	if strings.Join(tok.Users()[0].Roles, ",") != "r" {
		t.Error("Users() shares its slices with the authenticator")
	}
}
