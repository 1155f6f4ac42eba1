package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// maxMigration bounds the cases one migration call moves; a larger move is several calls.
const maxMigration = 500

// migrateRequest moves chosen open cases of one process to another of its versions.
type migrateRequest struct {
	Process string `json:"process"`
	// From selects every open case on this version when Cases is empty.
	From string `json:"from,omitempty"`
	// To is the target version; default the current one.
	To     string   `json:"to,omitempty"`
	Cases  []string `json:"cases,omitempty"`
	DryRun bool     `json:"dryRun,omitempty"`
}

// migrationResult is the outcome for one case.
type migrationResult struct {
	CaseID string `json:"caseId"`
	From   string `json:"from,omitempty"`
	To     string `json:"to"`
	// OK: the move is safe (dry run) or was made.
	OK       bool                 `json:"ok"`
	Migrated bool                 `json:"migrated"`
	Reason   string               `json:"reason,omitempty"`
	Tasks    []workflows.TaskMove `json:"tasks,omitempty"`
}

// migrate moves cases of the caller's gemeente to another version of their process, or
// with dryRun says per case what would happen. For a beheerder or a lead; each case's
// workflow checks again who may move it (a lead only in their own teams) and whether
// the move is safe, and refuses otherwise. The answer is 200 with one result per case.
func (a *api) migrate(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	if !a.isAdmin(u) {
		return errorf(http.StatusForbidden, "only a %s or a teamleider (the lead role) may migrate cases", AdminRole)
	}
	var req migrateRequest
	if err := decodeBody(w, r, &req, false); err != nil {
		return err
	}
	set := a.defs()
	var problems []workflows.FieldError
	cur := set.Lookup(u.Gemeente, req.Process)
	if cur == nil {
		problems = append(problems, problem("process", words.Msg(words.RuleNotAProcess, "gemeente", u.Gemeente)))
	}
	if req.To == "" && cur != nil {
		req.To = cur.Version
	}
	to := set.ByVersion(req.To)
	if cur != nil && (to == nil || to.Gemeente != cur.Gemeente || to.Process != cur.Process) {
		problems = append(problems, problem("to", words.Msg(words.RuleNotAVersion, "process", req.Process)))
	}
	switch {
	case len(req.Cases) == 0 && req.From == "":
		problems = append(problems, problem("cases", words.Msg(words.RuleWhichCases)))
	case len(req.Cases) > maxMigration:
		problems = append(problems, problem("cases", words.Msg(words.RuleTooManyCases, "max", strconv.Itoa(maxMigration))))
	}
	for _, id := range req.Cases {
		if !caseIDRE.MatchString(id) {
			problems = append(problems, problem("cases", words.Msg(words.RuleNotACaseID, "value", id)))
		}
	}
	if len(problems) > 0 {
		return invalid(problems)
	}
	ids := req.Cases
	if len(ids) == 0 {
		var err error
		if ids, err = a.openCaseIDs(r.Context(), u.Gemeente, req.Process, req.From); err != nil {
			return err
		}
	}
	wreq := workflows.MigrateRequest{Actor: actor(u), To: *to}
	for _, d := range set.CurrentOf(to.Gemeente) {
		if d.Process != to.Process {
			wreq.Related = append(wreq.Related, *d)
		}
	}
	key := r.Header.Get("Idempotency-Key")
	if key != "" && !validKey(key) {
		return errorf(http.StatusBadRequest, "Idempotency-Key must be 1 to 200 visible ASCII characters")
	}
	out := []migrationResult{}
	moved := 0
	for _, id := range ids {
		res, err := a.migrateOne(r.Context(), u, id, wreq, req.DryRun, key)
		if err != nil {
			return err
		}
		if res.Migrated {
			moved++
		}
		out = append(out, res)
	}
	writeJSON(w, http.StatusOK, map[string]any{"dryRun": req.DryRun, "to": to.Version, "migrated": moved, "cases": out})
	return nil
}

// migrateOne asks one case for its plan (dry run) or sends it the migrate update. A
// refusal is a result, not an error; only Temporal failing is an error.
func (a *api) migrateOne(ctx context.Context, u *auth.User, id string, req workflows.MigrateRequest, dryRun bool, key string) (migrationResult, error) {
	res := migrationResult{CaseID: id, To: req.To.Version}
	if err := a.checkCase(ctx, u, id); err != nil {
		var nf *serviceerror.NotFound
		if e := toError(err); errors.As(err, &nf) || e.Status == http.StatusNotFound {
			res.Reason = "no such case in gemeente " + u.Gemeente
			return res, nil
		}
		return res, err
	}
	// The plan answers the dry run and fills in the result; the update checks it again.
	v, err := a.cfg.Client.QueryWorkflow(ctx, id, "", workflows.QueryMigration, req)
	if err != nil {
		return res, err
	}
	var plan workflows.MigrationPlan
	if err := v.Get(&plan); err != nil {
		return res, err
	}
	res.From, res.OK, res.Reason, res.Tasks = plan.From, plan.OK, plan.Reason, plan.Tasks
	if plan.From == req.To.Version {
		// Moved before (by a retry of this call, or another one): nothing to do.
		res.OK, res.Reason, res.Tasks = true, "already runs on this version", nil
		return res, nil
	}
	if dryRun || !plan.OK {
		return res, nil
	}
	if key == "" {
		key = strings.ToLower(randomKey())
	}
	updateID := strings.Join([]string{workflows.UpdateMigrate, req.To.Version, u.ID, key}, "/")
	signed, err := a.sign(req, workflows.UpdateMigrate, id, updateID)
	if err != nil {
		return res, err
	}
	h, err := a.cfg.Client.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		WorkflowID:   id,
		UpdateID:     updateID,
		UpdateName:   workflows.UpdateMigrate,
		Args:         []any{signed},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	var view workflows.CaseView
	if err == nil {
		err = h.Get(ctx, &view)
	}
	var nf *serviceerror.NotFound
	res.OK = false
	switch e := toError(err); {
	case err == nil:
		res.OK, res.Migrated = true, true
		a.changed(&view)
		return res, nil
	case errors.As(err, &nf):
		res.Reason = "the case is closed"
	case e.Status == http.StatusConflict || e.Status == http.StatusForbidden || e.Status == http.StatusUnprocessableEntity:
		res.Reason = e.Message
	default:
		return res, err
	}
	return res, nil
}

// openCaseIDs lists the open cases of a process on one version, at most maxMigration.
func (a *api) openCaseIDs(ctx context.Context, gemeente, process, version string) ([]string, error) {
	q := caseQuery(gemeente)
	q.eq(workflows.SAProcess.GetName(), process)
	q.eq(workflows.SADefinitionVersion.GetName(), version)
	q.raw(`ExecutionStatus = "Running"`)
	var ids []string
	p := page{size: maxMigration}
	for {
		es, next, err := a.list(ctx, q, p)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			if len(ids) < maxMigration {
				ids = append(ids, e.GetExecution().GetWorkflowId())
			}
		}
		if len(next) == 0 || len(ids) >= maxMigration {
			return ids, nil
		}
		p.token = next
	}
}
