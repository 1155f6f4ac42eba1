package httpapi

import (
	"context"
	"net/http"
	"time"

	"go.temporal.io/api/workflowservice/v1"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/registry"
	"github.com/wijkflow/wijkflow/workflows"
)

// definitionInfo describes one process version for a client: enough to render the
// intake form of a new signal, and to see which versions still run.
type definitionInfo struct {
	Gemeente  string            `json:"gemeente"`
	Process   string            `json:"process"`
	Title     string            `json:"title"`
	Label     string            `json:"label,omitempty"`
	Version   string            `json:"version"`
	Current   bool              `json:"current"`
	Published *time.Time        `json:"published,omitempty"`
	OpenCases int64             `json:"openCases"`
	Teams     []string          `json:"teams"`
	Roles     map[string]string `json:"roles"`
	Lead      string            `json:"lead,omitempty"`
	Intake    definitions.Form  `json:"intake"`
}

// listDefinitions answers every published version of every process, current ones
// first within a process: process definitions are public policy, not case data, and the
// counts of open cases per version carry no personal data. ?gemeente= narrows the list.
func (a *api) listDefinitions(w http.ResponseWriter, r *http.Request, _ *auth.User) error {
	q := r.URL.Query()
	if err := checkParams(q, "gemeente"); err != nil {
		return err
	}
	g := q.Get("gemeente")
	set := a.defs()
	out := []definitionInfo{}
	for _, v := range set.Versions() {
		d := v.Definition
		if g != "" && d.Gemeente != g {
			continue
		}
		n, err := a.openCasesOn(r.Context(), d.Version)
		if err != nil {
			return err
		}
		intake := d.Intake
		if intake == nil {
			intake = definitions.Form{}
		}
		info := definitionInfo{
			Gemeente: d.Gemeente, Process: d.Process, Title: d.Title, Label: d.Label,
			Version: d.Version, Current: set.IsCurrent(d), OpenCases: n,
			Teams: d.Teams, Roles: d.Roles, Lead: d.Lead, Intake: intake,
		}
		if !v.Published.IsZero() {
			p := v.Published.UTC()
			info.Published = &p
		}
		out = append(out, info)
	}
	writeJSON(w, http.StatusOK, map[string]any{"definitions": out, "set": set.Hash(), "lastReload": a.reg.Last()})
	return nil
}

// openCasesOn counts the running cases of one definition version (one visibility count).
func (a *api) openCasesOn(ctx context.Context, version string) (int64, error) {
	q := &query{"WorkflowType = " + quote(workflows.CaseWorkflowName)}
	q.eq(workflows.SADefinitionVersion.GetName(), version)
	q.raw(`ExecutionStatus = "Running"`)
	resp, err := a.cfg.Client.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{
		Namespace: a.cfg.Namespace,
		Query:     q.String(),
	})
	if err != nil {
		return 0, err
	}
	return resp.GetCount(), nil
}

// reloadDefinitions reads the definitions folder again and publishes it when it is
// sound (200 with what changed); otherwise the served versions stay and the answer is
// 422 with one error per problem, file:line:col first. For a beheerder or the lead of
// any process.
func (a *api) reloadDefinitions(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	if !a.isAdmin(u) {
		return errorf(http.StatusForbidden, "only a %s or a teamleider (the lead role) may publish definitions", AdminRole)
	}
	res := a.reg.Reload()
	if !res.OK {
		writeJSON(w, http.StatusUnprocessableEntity, reloadRefused(res))
		return nil
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// reloadRefused is the 422 answer of a refused reload, in the API's error shape.
func reloadRefused(res registry.Result) map[string]any {
	errs := make([]workflows.FieldError, len(res.Issues))
	for i, is := range res.Issues {
		errs[i] = workflows.FieldError{Field: "definitions", Message: is}
	}
	return map[string]any{
		"error":  "the definitions were not published; the previous versions stay",
		"errors": errs,
		"set":    res.Set,
		"at":     res.At,
	}
}

// AdminRole is the role (functioneel beheerder) that may publish definitions and
// migrate cases of its gemeente, beside the lead role of a process.
const AdminRole = workflows.AdminRole

// isAdmin reports whether u may publish definitions: a beheerder, or a lead.
func (a *api) isAdmin(u *auth.User) bool { return u.HasRole(AdminRole) || a.isLead(u) }
