package httpapi

import (
	"net/http"
	"regexp"

	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// eventRE is what an event name looks like (as the loader checks it in definitions).
var eventRE = regexp.MustCompile(`^[a-z][a-z0-9-]{0,62}$`)

// deliverEvent delivers a named event from outside (a reply from Veilig Thuis, a
// bezwaar, documents) to a case whose wait step waits for it. Like every action it is
// an Update: the workflow's validator checks that the case waits for this event
// (409 otherwise), that the caller is of the case's team (403), and the data against
// the form the definition declares for the event (422 at the field); the same
// Idempotency-Key delivers it once. The trail records the event and who delivered it.
func (a *api) deliverEvent(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	event := r.PathValue("event")
	if !eventRE.MatchString(event) {
		return errorf(http.StatusNotFound, "%q is not an event name: lowercase letters, digits and dashes", event)
	}
	data, err := decodeData(w, r, true)
	if err != nil {
		return err
	}
	return a.update(w, r, u, workflows.UpdateEvent, workflows.EventRequest{Actor: actor(u), Event: event, Data: data})
}
