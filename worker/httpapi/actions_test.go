package httpapi

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// TestSuspendResumeExtendAssign drives the case-level actions over HTTP, at the aanvraag:
// its term may be suspended (Awb 4:15) and extended (Awb 4:14), the onderzoek's not.
func TestSuspendResumeExtendAssign(t *testing.T) {
	e := newEnv(t)
	v := e.atAanvraag()
	id := v.ID
	avr := task(t, v, "aanvraag")
	if !avr.Suspendable || avr.Deadline == nil {
		t.Fatalf("aanvraag: %+v", avr)
	}

	e.must(200, "wmo", "POST", "/cases/"+id+"/suspend", map[string]any{"reason": "wacht op stukken"}).decode(t, &v)
	if !v.Suspended {
		t.Fatalf("not suspended after suspend: %+v", v)
	}
	e.must(409, "wmo", "POST", "/cases/"+id+"/suspend", map[string]any{"reason": "nog eens"})
	e.must(200, "wmo", "POST", "/cases/"+id+"/resume", "").decode(t, &v)
	if v.Suspended {
		t.Fatal("still suspended after resume")
	}

	// Copy the deadline: decoding into v again reuses the pointers that avr shares.
	before := *task(t, e.view("wmo", id), "aanvraag").Deadline
	e.must(200, "wmo", "POST", "/cases/"+id+"/extend", map[string]any{"taskId": avr.ID, "reason": "complexe situatie", "by": "2w"}).decode(t, &v)
	after := task(t, e.view("wmo", id), "aanvraag")
	if !after.Extended || after.Deadline == nil {
		t.Fatalf("extend: before %v, after %+v", before, after)
	}
	// Two calendar weeks later, give or take the Algemene termijnenwet's shift past a
	// weekend or holiday.
	if moved := after.Deadline.Sub(before); moved < 14*24*time.Hour || moved > 18*24*time.Hour {
		t.Errorf("extend by 2w moved the deadline from %v to %v", before, after.Deadline)
	}
	e.must(409, "wmo", "POST", "/cases/"+id+"/extend", map[string]any{"taskId": avr.ID, "reason": "nog eens", "by": "1w"})

	// A lead assigns within their team; a worker may not assign to someone else.
	path := fmt.Sprintf("/cases/%s/tasks/%s/assign", id, avr.ID)
	var assigned, unassigned workflows.CaseView
	e.must(200, "lead", "POST", path, map[string]any{"assignee": "u-wmo"}).decode(t, &assigned)
	if a := task(t, assigned, "aanvraag").Assignee; a != "u-wmo" {
		t.Errorf("assignee %q after assign", a)
	}
	e.must(403, "coach-nieuwleusen", "POST", path, map[string]any{"assignee": "u-coach-n"})
	e.must(200, "lead", "POST", path, map[string]any{"assignee": ""}).decode(t, &unassigned)
	if a := task(t, unassigned, "aanvraag").Assignee; a != "" {
		t.Errorf("assignee %q after unassign", a)
	}
}

// TestAudit: state-changing calls leave one audit line each, with user, action, case,
// task and status, and never the form data.
func TestAudit(t *testing.T) {
	e, v := newEnvWithCase(t)
	tk, path := completePath(t, v, "melding")
	e.must(403, "jeugd", "POST", path, meldingData())
	e.must(200, "coach", "POST", path, meldingData())
	e.must(200, "coach", "GET", "/cases/"+v.ID, nil)

	var audit []string
	for _, line := range strings.Split(strings.TrimSpace(e.logs.String()), "\n") {
		if strings.Contains(line, `"event":"audit"`) {
			audit = append(audit, line)
		}
	}
	want := []string{
		`"action":"create","user":"u-coach","gemeente":"dalfsen","case":"` + v.ID + `","status":201`,
		`"action":"complete","user":"u-jeugd","gemeente":"dalfsen","case":"` + v.ID + `","task":"` + tk + `","reason":"Forbidden","status":403`,
		`"action":"complete","user":"u-coach","gemeente":"dalfsen","case":"` + v.ID + `","task":"` + tk + `","status":200`,
	}
	if len(audit) != len(want) {
		t.Fatalf("%d audit lines, want %d:\n%s", len(audit), len(want), strings.Join(audit, "\n"))
	}
	for i, w := range want {
		if !strings.Contains(audit[i], w) {
			t.Errorf("audit line %d:\n%s\nwant it to hold\n%s", i, audit[i], w)
		}
	}
	for _, secret := range []string{"huisarts", "regulier", "ontvangst_bevestigd", "Bearer", `"coach"`} {
		if strings.Contains(e.logs.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

// TestPublicAndDefinitions: health and the spec need no token; definitions list every
// gemeente's processes with their versions and intake forms.
func TestPublicAndDefinitions(t *testing.T) {
	e := newEnv(t)
	if r := e.must(200, "", "GET", "/healthz", nil); strings.TrimSpace(string(r.body)) != `{"status":"ok"}` {
		t.Errorf("healthz: %s", r.body)
	}
	if r := e.must(200, "", "GET", "/openapi.yaml", nil); string(r.body) != string(spec) || r.header.Get("Content-Type") != "application/yaml" {
		t.Errorf("spec served as %q, %d bytes", r.header.Get("Content-Type"), len(r.body))
	}
	e.must(401, "", "GET", "/definitions", nil)
	var all struct{ Definitions []definitionInfo }
	e.must(200, "coach", "GET", "/definitions", nil).decode(t, &all)
	var dalfsen *definitionInfo
	gemeenten := map[string]bool{}
	for i, d := range all.Definitions {
		gemeenten[d.Gemeente] = true
		if d.Gemeente == "dalfsen" && d.Process == "wijkteam" {
			dalfsen = &all.Definitions[i]
		}
	}
	if dalfsen == nil || !dalfsen.Current || !strings.HasPrefix(dalfsen.Version, "sha256:") || len(dalfsen.Intake) != len(e.api.defs().Lookup("dalfsen", "wijkteam").Intake) || dalfsen.Lead != "teamleider" {
		t.Fatalf("dalfsen wijkteam: %+v", dalfsen)
	}
	if !gemeenten["dordrecht"] {
		t.Errorf("gemeenten %v, want dordrecht too", gemeenten)
	}
	var one struct{ Definitions []definitionInfo }
	e.must(200, "coach", "GET", "/definitions?gemeente=dordrecht", nil).decode(t, &one)
	for _, d := range one.Definitions {
		if d.Gemeente != "dordrecht" {
			t.Errorf("?gemeente=dordrecht listed %s/%s", d.Gemeente, d.Process)
		}
	}
}

// TestOpschortingEndsWithTheAwaitedTask: over HTTP, completing the aanvraag while the
// case is suspended ends the opschorting (in the trail), so the next step
// does not wait suspended; a worker without an open task may not suspend, a worker of
// another team may not resume.
func TestOpschortingEndsWithTheAwaitedTask(t *testing.T) {
	e := newEnv(t)
	v := e.atAanvraag()
	id := v.ID
	avr := task(t, v, "aanvraag")

	e.must(403, "jeugd", "POST", "/cases/"+id+"/suspend", map[string]any{"reason": "wacht op stukken"}) // no open task of theirs
	e.must(200, "wmo", "POST", "/cases/"+id+"/suspend", map[string]any{"reason": "wacht op stukken"}).decode(t, &v)
	if !v.Suspended || v.SuspendedBy != "u-wmo" || !task(t, v, "aanvraag").ClockStopped {
		t.Fatalf("after suspend: suspended %v by %q", v.Suspended, v.SuspendedBy)
	}
	e.must(403, "coach-lemelerveld", "POST", "/cases/"+id+"/resume", "") // another team

	e.must(200, "wmo", "POST", fmt.Sprintf("/cases/%s/tasks/%s/complete", id, avr.ID), map[string]any{"data": map[string]any{
		"besluit": "toegekend", "voorzieningen": []string{"begeleiding"}, "beschikking_verzonden": true,
	}}).decode(t, &v)
	if v.Suspended || v.SuspendedSince != nil {
		t.Fatalf("still suspended after the awaited task: %+v", v.Tasks)
	}
	var resumed *workflows.TrailEntry
	for i := range v.Trail {
		if v.Trail[i].Event == "resumed" {
			resumed = &v.Trail[i]
		}
	}
	if resumed == nil || resumed.Actor != "u-wmo" {
		t.Errorf("no resumed entry by the completing worker: %+v", v.Trail)
	}
	for _, tk := range v.Tasks {
		if tk.ClockStopped {
			t.Errorf("task %s opened with a stopped clock", tk.ID)
		}
	}
	e.must(409, "lead", "POST", "/cases/"+id+"/resume", "") // the case waits in the bezwaartermijn: no task open
}
