package workflows

import (
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// listMemoChange is the workflow.GetVersion change id of the memo that carries a task
// list's whole row (caseRun.listMemo): from listMemoRows on, each TaskSummary holds the
// task's escalation level, extension and stopped clock as its TaskView shows them, and
// the memo MemoResident holds the resident's name, so the web's lists read the memo of
// one visibility query instead of querying every case. Cases recorded before publish
// the memo they always did: their histories hold no marker and replay unchanged.
const listMemoChange = "list-memo"

// listMemoRows is the version of listMemoChange whose memo carries the rows.
const listMemoRows workflow.Version = 1

// ResidentName is the resident's name in the case data, as the definition names its
// field (resident.name), or "" when the definition names none or the data lacks it.
// Personal data: it goes only into encrypted payloads (the memo MemoResident, views),
// never into a search attribute, a workflow id or a log.
func ResidentName(def *definitions.Definition, data map[string]any) string {
	if def == nil || def.Resident == nil {
		return ""
	}
	s, _ := data[def.Resident.Name].(string)
	return s
}

// clockStopped: this task's clock stands still, as the case is suspended (opschorting)
// or a hersteltermijn holds it; the view and the memo show it alike.
func (t *Task) clockStopped() bool { return !t.FrozenAt.IsZero() }
