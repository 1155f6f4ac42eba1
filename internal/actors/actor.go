// Package actors is who acts on a case, and the proof that the wijkflow API vouches for
// them. The API signs the Actor of every update it sends (Sign); the worker's
// interceptor (NewInterceptor) verifies the signature before any validator of the case
// workflow runs. A client that reaches only Temporal's frontend has no key, so it
// cannot act as someone else: its update is rejected in validation and leaves no event
// in the history.
//
// The case workflow (package workflows) reads only who the actor is; the signature is
// the API's and the worker's business, kept here so workflows knows nothing of it.
package actors

import "time"

// Actor is who calls an update of a case, as authenticated by the API.
type Actor struct {
	// UserID identifies the user; never a name or BSN.
	UserID   string   `json:"userId"`
	Gemeente string   `json:"gemeente"`
	Teams    []string `json:"teams"`
	Roles    []string `json:"roles"`
	// Expires and Signature are set by the API (Sign): the interceptor rejects an
	// update whose actor the API did not sign.
	Expires   time.Time `json:"expires,omitzero"`
	Signature string    `json:"signature,omitempty"`
}
