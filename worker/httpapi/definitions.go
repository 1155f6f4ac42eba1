package httpapi

import (
	"net/http"
	"slices"
	"strings"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
)

// definitionInfo describes one process version for a client: enough to render the
// intake form of a new signal.
type definitionInfo struct {
	Gemeente string            `json:"gemeente"`
	Process  string            `json:"process"`
	Title    string            `json:"title"`
	Label    string            `json:"label,omitempty"`
	Version  string            `json:"version"`
	Current  bool              `json:"current"`
	Teams    []string          `json:"teams"`
	Roles    map[string]string `json:"roles"`
	Lead     string            `json:"lead,omitempty"`
	Intake   definitions.Form  `json:"intake"`
}

// listDefinitions answers every loaded definition, of all gemeenten: process
// definitions are public policy, not case data. ?gemeente= narrows the list.
func (a *api) listDefinitions(w http.ResponseWriter, r *http.Request, _ *auth.User) error {
	q := r.URL.Query()
	if err := checkParams(q, "gemeente"); err != nil {
		return err
	}
	g := q.Get("gemeente")
	out := []definitionInfo{}
	for _, d := range a.cfg.Definitions {
		if g != "" && d.Gemeente != g {
			continue
		}
		intake := d.Intake
		if intake == nil {
			intake = definitions.Form{}
		}
		out = append(out, definitionInfo{
			Gemeente: d.Gemeente, Process: d.Process, Title: d.Title, Label: d.Label,
			Version: d.Version, Current: a.current[d.Gemeente+"/"+d.Process] == d,
			Teams: d.Teams, Roles: d.Roles, Lead: d.Lead, Intake: intake,
		})
	}
	slices.SortStableFunc(out, func(x, y definitionInfo) int {
		if c := strings.Compare(x.Gemeente, y.Gemeente); c != 0 {
			return c
		}
		return strings.Compare(x.Process, y.Process)
	})
	writeJSON(w, http.StatusOK, map[string]any{"definitions": out})
	return nil
}
