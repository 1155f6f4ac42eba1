package auth

import (
	"errors"
	"net/http"
	"slices"
)

// User is an authenticated caller. ID is what logs, audit records and the workflow see;
// it must not be personal data (use a staff number, not an e-mail address).
type User struct {
	Token    string   `yaml:"token" json:"-"`
	ID       string   `yaml:"id" json:"id"`
	Name     string   `yaml:"name" json:"name"`
	Gemeente string   `yaml:"gemeente" json:"gemeente"`
	Teams    []string `yaml:"teams" json:"teams"`
	Roles    []string `yaml:"roles" json:"roles"`
}

// InTeam reports whether the user belongs to team.
func (u *User) InTeam(team string) bool { return slices.Contains(u.Teams, team) }

// HasRole reports whether the user has role.
func (u *User) HasRole(role string) bool { return slices.Contains(u.Roles, role) }

// Authenticator says who sent a request; it is the seam where an OIDC/JWT verifier fits.
type Authenticator interface {
	// Authenticate returns the caller, or ErrNoCredentials / ErrInvalidCredentials.
	Authenticate(r *http.Request) (*User, error)
}

// Errors of Authenticate; the API answers both with 401.
var (
	// ErrNoCredentials means the request carries no bearer token.
	ErrNoCredentials = errors.New("no bearer token; send Authorization: Bearer <token>")
	// ErrInvalidCredentials means the token is not known.
	ErrInvalidCredentials = errors.New("unknown or invalid token")
)
