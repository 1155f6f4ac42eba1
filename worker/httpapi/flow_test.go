package httpapi

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// TestDalfsenPath runs a case through the shipped dalfsen wijkteam process over HTTP only:
// signal → melding → persoonlijk plan → keukentafelgesprek → plan → evaluatie → end.
func TestDalfsenPath(t *testing.T) {
	e, v := newEnvWithCase(t)
	if v.Status != workflows.StatusOpen || v.Team != "dalfsen" || v.DefinitionVersion == "" {
		t.Fatalf("new case: %+v", v)
	}

	// The inbox shows the melding with its form, once visibility has caught up.
	var inbox TaskList
	e.eventually("the melding in the inbox", func() bool {
		e.must(200, "coach", "GET", "/tasks", nil).decode(t, &inbox)
		return slices.ContainsFunc(inbox.Tasks, func(tk TaskItem) bool { return tk.CaseID == v.ID })
	})
	item := inbox.Tasks[slices.IndexFunc(inbox.Tasks, func(tk TaskItem) bool { return tk.CaseID == v.ID })]
	if item.Step != "melding" || item.Role != "wijkcoach" || item.Team != "dalfsen" || len(item.Form) != 4 || item.Form[0].Name != "urgentie" {
		t.Fatalf("inbox task: %+v", item)
	}

	steps := []struct {
		step string
		data map[string]any
	}{
		{"melding", map[string]any{"urgentie": "regulier", "veiligheidsrisico": "geen", "ontvangst_bevestigd": true}},
		{"persoonlijk-plan", map[string]any{"persoonlijk_plan": "inwoner_ziet_af"}},
		{"keukentafelgesprek", map[string]any{"verslag": "Gesprek gevoerd.", "eigen_kracht_toereikend": false, "veiligheidsrisico": "geen", "verslag_verstrekt": true}},
		// An evaluation date of today makes the wait step pass at once.
		{"plan", map[string]any{"doelen": "Doelen.", "evaluatiedatum": time.Now().In(amsterdam).Format(time.DateOnly), "aanvraag_maatwerk": false}},
		{"evaluatie", map[string]any{"doelen_behaald": "ja", "veiligheidsrisico": "geen", "specialistische_jeugdhulp_nodig": false}},
	}
	var lastPath string
	var lastBody []byte
	for _, s := range steps {
		e.eventually("an open "+s.step+" task", func() bool {
			v = e.view("coach", v.ID)
			return slices.ContainsFunc(v.Tasks, func(tk workflows.TaskView) bool { return tk.Step == s.step })
		})
		tk := task(t, v, s.step)
		base := fmt.Sprintf("/cases/%s/tasks/%s/", v.ID, tk.ID)
		e.must(200, "coach", "POST", base+"claim", nil).decode(t, &v)
		if got := task(t, v, s.step).Assignee; got != "u-coach" {
			t.Fatalf("%s: assignee after claim = %q", s.step, got)
		}
		r := e.must(200, "coach", "POST", base+"complete", map[string]any{"data": s.data}, "Idempotency-Key", "done-"+tk.ID)
		r.decode(t, &v)
		lastPath, lastBody = base+"complete", r.body
	}
	// A retry of the last completion after the case closed still gets its answer; a
	// new completion is told the task is not open.
	final := steps[len(steps)-1].data
	if r := e.do("coach", "POST", lastPath, map[string]any{"data": final}, "Idempotency-Key", "done-evaluatie-1"); r.status != 200 || string(r.body) != string(lastBody) {
		t.Errorf("retry after close: %d %s\nwant 200 %s", r.status, r.body, lastBody)
	}
	if r := e.do("coach", "POST", lastPath, map[string]any{"data": final}); r.status != 409 {
		t.Errorf("new completion after close: %d %s", r.status, r.body)
	}
	if v.Status != workflows.StatusClosed || v.Result != "afgerond" {
		t.Fatalf("after the evaluation: status %q result %q, trail %+v", v.Status, v.Result, v.Trail)
	}
	if got := e.view("coach", v.ID); got.Status != workflows.StatusClosed {
		t.Errorf("GET after close: status %q", got.Status)
	}
	var closed caseList
	e.eventually("the case in the closed list", func() bool {
		e.must(200, "coach", "GET", "/cases?status=closed", nil).decode(t, &closed)
		return len(closed.Cases) == 1 && closed.Cases[0].ID == v.ID && closed.Cases[0].Status == workflows.StatusClosed
	})
}
