package actors

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// The signature covers the update name, the case id, the update id, every actor field
// and an expiry, so it cannot be replayed on another case, another task or another
// request, nor long after. Validation never runs on replay, so reading the key (held by
// the worker, not the history) and the clock there keeps the workflow deterministic.

// TTL is how long a signed actor is valid after the API signed it; it covers the
// request's own deadline and a few minutes of clock difference with Temporal.
const TTL = 5 * time.Minute

// actorPurpose separates the signing key from the payload keys it is derived from.
const actorPurpose = "actor-signature"

// Keys derives signing keys; *crypt.Keyring is one. The empty id means the newest
// key, and the id returned names the key used.
type Keys interface {
	MAC(id, purpose string) (key []byte, keyID string, err error)
}

// actorClaims is what a signature covers, in a fixed JSON form.
type actorClaims struct {
	Version  int      `json:"v"`
	Update   string   `json:"update"`
	Case     string   `json:"case"`
	UpdateID string   `json:"updateId"`
	UserID   string   `json:"userId"`
	Gemeente string   `json:"gemeente"`
	Teams    []string `json:"teams"`
	Roles    []string `json:"roles"`
	Expires  int64    `json:"expires"`
}

func actorMAC(key []byte, a Actor, update, caseID, updateID string) []byte {
	msg, _ := json.Marshal(actorClaims{1, update, caseID, updateID, a.UserID, a.Gemeente, a.Teams, a.Roles, a.Expires.UnixNano()})
	m := hmac.New(sha256.New, key)
	m.Write(msg)
	return m.Sum(nil)
}

// Sign returns a copy of req (an update's request struct with an Actor field)
// whose actor is signed for this update, case and update id, valid until expires.
func Sign(keys Keys, req any, update, caseID, updateID string, expires time.Time) (any, error) {
	v := reflect.New(reflect.TypeOf(req)).Elem()
	v.Set(reflect.ValueOf(req))
	f, ok := actorField(v)
	if !ok {
		return nil, fmt.Errorf("sign %s: %T has no Actor field", update, req)
	}
	a := f.Interface().(Actor)
	key, keyID, err := keys.MAC("", actorPurpose)
	if err != nil {
		return nil, fmt.Errorf("sign %s: %w", update, err)
	}
	a.Expires = expires.UTC().Truncate(time.Millisecond)
	a.Signature = keyID + "." + base64.RawURLEncoding.EncodeToString(actorMAC(key, a, update, caseID, updateID))
	f.Set(reflect.ValueOf(a))
	return v.Interface(), nil
}

// ErrNotSigned is the message of an update whose actor the API did not sign.
var ErrNotSigned = errors.New("the actor of this update is not signed by the wijkflow API")

// Verify checks a's signature for this update at now.
func Verify(keys Keys, a Actor, update, caseID, updateID string, now time.Time) error {
	keyID, sig, ok := strings.Cut(a.Signature, ".")
	if !ok {
		return ErrNotSigned
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return ErrNotSigned
	}
	key, _, err := keys.MAC(keyID, actorPurpose)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotSigned, err)
	}
	if !hmac.Equal(got, actorMAC(key, a, update, caseID, updateID)) {
		return ErrNotSigned
	}
	if now.After(a.Expires) {
		return fmt.Errorf("the actor's signature expired at %s", a.Expires.Format(time.RFC3339))
	}
	return nil
}

// actorField finds the Actor field of a request struct (or pointer to one).
func actorField(v reflect.Value) (reflect.Value, bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f := v.FieldByName("Actor")
	if !f.IsValid() || f.Type() != reflect.TypeOf(Actor{}) {
		return reflect.Value{}, false
	}
	return f, true
}
