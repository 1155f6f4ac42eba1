package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"slices"
	"strings"
)

// Tokens authenticates bearer tokens against a fixed list of users.
type Tokens struct {
	users  []User
	hashes [][sha256.Size]byte
}

// NewTokens checks the users (non-empty unique tokens, unique ids, a gemeente, teams and
// roles) and returns an authenticator for them. An empty ID defaults to an opaque id derived from the token, never from the name.
func NewTokens(users []User) (*Tokens, error) {
	users = cloneUsers(users)
	var msgs []string
	for _, p := range checkUsers(users) {
		msgs = append(msgs, p.String())
	}
	if len(msgs) > 0 {
		return nil, errors.New(strings.Join(msgs, "\n"))
	}
	return newTokens(users), nil
}

// newTokens builds the authenticator from users that passed checkUsers.
func newTokens(users []User) *Tokens {
	t := &Tokens{users: users, hashes: make([][sha256.Size]byte, len(users))}
	for i, u := range users {
		t.hashes[i] = sha256.Sum256([]byte(u.Token))
	}
	return t
}

// Authenticate reads "Authorization: Bearer <token>". It compares the token's hash with
// every user's in constant time and without stopping early, so timing reveals nothing
// about which tokens exist.
func (t *Tokens) Authenticate(r *http.Request) (*User, error) {
	token, ok := bearer(r)
	if !ok {
		return nil, ErrNoCredentials
	}
	sum := sha256.Sum256([]byte(token))
	found := -1
	for i := range t.hashes {
		if subtle.ConstantTimeCompare(sum[:], t.hashes[i][:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return nil, ErrInvalidCredentials
	}
	u := cloneUser(t.users[found])
	return &u, nil
}

// Users returns a copy of the users, in the order given.
func (t *Tokens) Users() []User { return cloneUsers(t.users) }

// bearer extracts the token of an Authorization header; the scheme is case-insensitive
// (RFC 7235).
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

func cloneUser(u User) User {
	u.Teams = slices.Clone(u.Teams)
	u.Roles = slices.Clone(u.Roles)
	return u
}

func cloneUsers(us []User) []User {
	out := make([]User, len(us))
	for i, u := range us {
		out[i] = cloneUser(u)
	}
	return out
}

// Lookup returns the user with the given id, for checking an assignee.
func (t *Tokens) Lookup(id string) (User, bool) {
	for _, u := range t.users {
		if u.ID == id {
			return cloneUsers([]User{u})[0], true
		}
	}
	return User{}, false
}
