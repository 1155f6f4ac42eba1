package workflows

// UpdateRecord remembers one accepted update.
type UpdateRecord struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	TaskID string `json:"taskId,omitempty"`
}

// maxUpdates bounds the remembered update ids; a client retries within minutes, long
// before 200 further updates have reached the same case.
const maxUpdates = 200

// updateMemory is the most recent accepted update ids (CaseState.Updates), so a retried
// update (same id) is answered with the current view instead of acting twice, also
// after continue-as-new. It is plain data: JSON carries it as a list of UpdateRecord.
type updateMemory []UpdateRecord

// find returns the record of an accepted update id, or nil.
func (m updateMemory) find(id string) *UpdateRecord {
	if id == "" {
		return nil
	}
	for i := range m {
		if m[i].ID == id {
			return &m[i]
		}
	}
	return nil
}

// add records an accepted update id, keeping the most recent maxUpdates.
func (m *updateMemory) add(r UpdateRecord) {
	if r.ID == "" {
		return
	}
	*m = append(*m, r)
	if n := len(*m) - maxUpdates; n > 0 {
		*m = append(updateMemory(nil), (*m)[n:]...)
	}
}
