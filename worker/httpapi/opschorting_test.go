package httpapi

import (
	"fmt"
	"testing"

	"github.com/wijkflow/wijkflow/workflows"
)

// TestOpschortingEndsWithTheAwaitedTask: over HTTP, completing the keukentafelgesprek
// while the case is suspended ends the opschorting (in the trail), so the next step
// does not wait suspended; a worker without an open task may not suspend, a worker of
// another team may not resume.
func TestOpschortingEndsWithTheAwaitedTask(t *testing.T) {
	e := newEnv(t)
	v := e.atKeukentafelgesprek()
	id := v.ID
	ktg := task(t, v, "keukentafelgesprek")

	e.must(403, "jeugd", "POST", "/cases/"+id+"/suspend", map[string]any{"reason": "wacht op stukken"}) // no open task of theirs
	e.must(200, "coach", "POST", "/cases/"+id+"/suspend", map[string]any{"reason": "wacht op stukken"}).decode(t, &v)
	if !v.Suspended || v.SuspendedBy != "u-coach" || !task(t, v, "keukentafelgesprek").ClockStopped {
		t.Fatalf("after suspend: suspended %v by %q", v.Suspended, v.SuspendedBy)
	}
	e.must(403, "coach-lemelerveld", "POST", "/cases/"+id+"/resume", "") // another team

	e.must(200, "coach", "POST", fmt.Sprintf("/cases/%s/tasks/%s/complete", id, ktg.ID), map[string]any{"data": map[string]any{
		"verslag": "…", "eigen_kracht_toereikend": false, "veiligheidsrisico": "geen", "verslag_verstrekt": true,
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
	if resumed == nil || resumed.Actor != "u-coach" {
		t.Errorf("no resumed entry by the completing worker: %+v", v.Trail)
	}
	for _, tk := range v.Tasks {
		if tk.ClockStopped {
			t.Errorf("task %s opened with a stopped clock", tk.ID)
		}
	}
	e.must(409, "coach", "POST", "/cases/"+id+"/resume", "")
}
