package httpapi

import (
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// sign signs the actor of an update request for this case and update id; the worker
// rejects an update whose actor is not signed (workflows/signature.go). Every update the
// API sends goes through here.
func (a *api) sign(req any, update, caseID, updateID string) (any, error) {
	return workflows.SignRequest(a.cfg.ActorKeys, req, update, caseID, updateID, time.Now().Add(workflows.ActorTTL))
}
