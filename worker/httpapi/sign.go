package httpapi

import (
	"time"

	"github.com/wijkflow/wijkflow/internal/actors"
)

// sign signs the actor of an update request for this case and update id; the worker
// rejects an update whose actor is not signed (internal/actors). Every update the
// API sends goes through here.
func (a *api) sign(req any, update, caseID, updateID string) (any, error) {
	return actors.Sign(a.cfg.ActorKeys, req, update, caseID, updateID, time.Now().Add(actors.TTL))
}
