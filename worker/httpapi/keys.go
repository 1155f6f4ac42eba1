package httpapi

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// idempotencyKey reads the Idempotency-Key header: given reports whether it was sent.
// A header that is sent must hold a key: blank, too long or with other than visible
// ASCII characters is a 400, never silently "no key".
func idempotencyKey(r *http.Request) (key string, given bool, err error) {
	vals := r.Header.Values("Idempotency-Key")
	if len(vals) == 0 {
		return "", false, nil
	}
	if len(vals) > 1 {
		return "", false, errorf(http.StatusBadRequest, "send one Idempotency-Key header, not %d", len(vals))
	}
	key = vals[0]
	if strings.TrimSpace(key) == "" {
		return "", false, errorf(http.StatusBadRequest, "Idempotency-Key is blank; send a key (e.g. a UUID) or leave the header out")
	}
	if !validKey(key) {
		return "", false, errorf(http.StatusBadRequest, "Idempotency-Key must be 1 to 200 visible ASCII characters")
	}
	return key, true, nil
}

// taskIDRE matches task ids ("<step>-<n>"); others answer 404 without reaching the case.
var taskIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,110}$`)

// checkTaskID answers 404 for a task id path segment that cannot be a task id (empty:
// the route has none).
func checkTaskID(id string) error {
	if id == "" || taskIDRE.MatchString(id) {
		return nil
	}
	return &Error{Status: http.StatusNotFound, Message: "task not found: not a task id (they read step-1)", kind: "NotFound"}
}

// directory is what an authenticator that knows every user (the tokens file) offers:
// a lookup by id, so an assignee is checked to be a user of the caller's gemeente.
type directory interface {
	Lookup(id string) (auth.User, bool)
}

// checkAssignee: assign needs "assignee" (a user id, or "" to unassign); with a user
// directory the id must be a user of the caller's gemeente.
func (a *api) checkAssignee(u *auth.User, assignee *string) error {
	if assignee == nil {
		return invalid([]workflows.FieldError{problem("assignee", words.Msg(words.RuleAssignee))})
	}
	if *assignee == "" {
		return nil
	}
	dir, ok := a.cfg.Auth.(directory)
	if !ok {
		return nil
	}
	if other, found := dir.Lookup(*assignee); !found || other.Gemeente != u.Gemeente {
		return invalid([]workflows.FieldError{problem("assignee", words.Msg(words.RuleNotAUser, "user", *assignee, "gemeente", u.Gemeente))})
	}
	return nil
}
