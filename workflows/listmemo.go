package workflows

import "go.temporal.io/sdk/workflow"

// listMemoChange is the workflow.GetVersion change id of the memo that carries a task
// list's whole row (caseRun.listMemo): from listMemoRows on, each TaskSummary holds the
// task's escalation level, extension and stopped clock as its TaskView shows them, and
// the memo MemoResident the resident's name (Definition.ResidentName), so the lists
// read the memo of one visibility query instead of querying every case. Cases recorded
// before publish the memo they always did: their histories hold no marker and replay
// unchanged.
const listMemoChange = "list-memo"

// listMemoRows is the version of listMemoChange whose memo carries the rows.
const listMemoRows workflow.Version = 1

// clockStopped: this task's clock stands still, as the case is suspended (opschorting)
// or a hersteltermijn holds it; the view and the memo show it alike.
func (t *Task) clockStopped() bool { return !t.FrozenAt.IsZero() }
