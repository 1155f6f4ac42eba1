package workflows

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"go.temporal.io/sdk/interceptor"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Signed actors: the API signs the Actor of every update it sends, and the worker's
// actor interceptor verifies the signature before any validator runs. A client that
// reaches only Temporal's frontend has no key, so it cannot act as someone else: its
// update is rejected in validation and leaves no event in the history.
//
// The signature covers the update name, the case id, the update id, every actor field
// and an expiry, so it cannot be replayed on another case, another task or another
// request, nor long after. Validation never runs on replay, so reading the key (held by
// the worker, not the history) and the clock there keeps the workflow deterministic.

// ActorTTL is how long a signed actor is valid after the API signed it; it covers the
// request's own deadline and a few minutes of clock difference with Temporal.
const ActorTTL = 5 * time.Minute

// actorPurpose separates the signing key from the payload keys it is derived from.
const actorPurpose = "actor-signature"

// ActorKeys derives signing keys; *crypt.Keyring is one. The empty id means the newest
// key, and the id returned names the key used.
type ActorKeys interface {
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

// SignRequest returns a copy of req (an update's request struct with an Actor field)
// whose actor is signed for this update, case and update id, valid until expires.
func SignRequest(keys ActorKeys, req any, update, caseID, updateID string, expires time.Time) (any, error) {
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

// ErrActorNotSigned is the message of an update whose actor the API did not sign.
var ErrActorNotSigned = errors.New("the actor of this update is not signed by the wijkflow API")

// VerifyActor checks a's signature for this update at now.
func VerifyActor(keys ActorKeys, a Actor, update, caseID, updateID string, now time.Time) error {
	keyID, sig, ok := strings.Cut(a.Signature, ".")
	if !ok {
		return ErrActorNotSigned
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return ErrActorNotSigned
	}
	key, _, err := keys.MAC(keyID, actorPurpose)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrActorNotSigned, err)
	}
	if !hmac.Equal(got, actorMAC(key, a, update, caseID, updateID)) {
		return ErrActorNotSigned
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

// NewActorInterceptor verifies the signed actor of every update before its validator
// runs. Every update of the case workflow takes one request struct with an Actor field,
// so a new update is covered without a line of its own; an update without an actor is
// rejected.
func NewActorInterceptor(keys ActorKeys) interceptor.WorkerInterceptor {
	return &actorInterceptor{keys: keys}
}

type actorInterceptor struct {
	interceptor.WorkerInterceptorBase
	keys ActorKeys
}

func (i *actorInterceptor) InterceptWorkflow(ctx workflow.Context, next interceptor.WorkflowInboundInterceptor) interceptor.WorkflowInboundInterceptor {
	return &actorInbound{WorkflowInboundInterceptorBase: interceptor.WorkflowInboundInterceptorBase{Next: next}, keys: i.keys}
}

func (i *actorInterceptor) InterceptActivity(ctx context.Context, next interceptor.ActivityInboundInterceptor) interceptor.ActivityInboundInterceptor {
	return next
}

type actorInbound struct {
	interceptor.WorkflowInboundInterceptorBase
	keys ActorKeys
}

// ValidateUpdate runs only when an update is admitted, never on replay.
func (a *actorInbound) ValidateUpdate(ctx workflow.Context, in *interceptor.UpdateInput) error {
	if err := a.verify(ctx, in); err != nil {
		return temporal.NewNonRetryableApplicationError(err.Error(), ErrForbidden, nil)
	}
	return a.Next.ValidateUpdate(ctx, in)
}

func (a *actorInbound) verify(ctx workflow.Context, in *interceptor.UpdateInput) error {
	info := workflow.GetCurrentUpdateInfo(ctx)
	if info == nil || len(in.Args) != 1 {
		return ErrActorNotSigned
	}
	f, ok := actorField(reflect.ValueOf(in.Args[0]))
	if !ok {
		return ErrActorNotSigned
	}
	caseID := workflow.GetInfo(ctx).WorkflowExecution.ID
	return VerifyActor(a.keys, f.Interface().(Actor), in.Name, caseID, info.ID, workflow.Now(ctx))
}
