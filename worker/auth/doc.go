// Package auth says who calls the task API: a User with a gemeente, teams and roles.
//
// Until an identity provider is wired in, users come from a YAML file of API tokens
// (LoadUsers) or, for `wijkflow dev`, from DemoUsers. Handlers depend only on the
// Authenticator interface, so an OIDC/JWT verifier can replace Tokens without touching
// them.
package auth
