package workflows

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/definitions"
)

// TestShippedPathsReachEveryStep runs many cases of every shipped definition in the
// SDK's test environment (time skips), a team lead filling in every form with data
// drawn at random (fixed seeds) and sometimes letting tasks wait for weeks, and checks
// that together they enter every step of every definition, end at every end step, and
// hand off at every provider step: no path of a shipped process strands its case.
func TestShippedPathsReachEveryStep(t *testing.T) {
	defs := shippedAll(t)
	entered := map[string]map[string]bool{} // gemeente/process → steps entered
	handedOff := map[string]bool{}          // gemeente/process/step of hand-offs sent
	for _, d := range defs {
		var related []definitions.Definition
		for _, o := range defs {
			if o.Gemeente == d.Gemeente && o.Process != d.Process {
				related = append(related, *o)
			}
		}
		// Forty runs each; more (up to 120) while a step is still unentered, so that a
		// rare route (a huisarts signal that the POH sends to the adult GGZ) is found
		// without making every definition slower.
		for run := 0; run < 40 || (run < 120 && !allEntered(d, entered)); run++ {
			x := &explorer{t: t, rng: rand.New(rand.NewPCG(uint64(run), 8)), defs: defs, entered: entered}
			x.patience = []float64{0.9, 0.5, 0.1, 0.03}[run%4]
			if run >= 40 {
				x.patience = 0.9 // looking for a rare route: answer promptly
			}
			x.run(*d, related, handedOff)
		}
	}
	steps := 0
	for _, d := range defs {
		steps += len(d.Steps)
	}
	t.Logf("%d definitions, %d steps, %d provider steps handed off", len(defs), steps, len(handedOff))
	for _, d := range defs {
		key := d.Gemeente + "/" + d.Process
		var missing []string
		for _, s := range d.Steps {
			if !entered[key][s.ID] {
				missing = append(missing, s.ID)
			}
			if s.Provider != "" && !handedOff[key+"/"+s.ID] && entered[key][s.ID] {
				t.Errorf("%s: provider step %s was entered but never handed off", key, s.ID)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s: no case entered %s", key, strings.Join(missing, ", "))
		}
	}
}

// allEntered reports whether some case entered every step of d.
func allEntered(d *definitions.Definition, entered map[string]map[string]bool) bool {
	for _, s := range d.Steps {
		if !entered[d.Gemeente+"/"+d.Process][s.ID] {
			return false
		}
	}
	return true
}

// rootID is the explored case's id; its workflow id is the test environment's own.
const rootID = "case-x"

// explorer drives one case (and its child cases) through the test environment.
type explorer struct {
	t        *testing.T
	rng      *rand.Rand
	defs     []*definitions.Definition
	entered  map[string]map[string]bool
	patience float64 // chance that an open task is completed on a given day
	h        *harness
	seq      int
}

func (x *explorer) run(d definitions.Definition, related []definitions.Definition, handedOff map[string]bool) {
	x.h = newHarness(x.t)
	in := CaseInput{CaseID: rootID, Definition: d, Related: related, Team: d.Teams[0], Data: x.data(d.Intake, testStart)}
	days := 0
	var tick func()
	tick = func() {
		days++
		if days > 500 {
			x.h.stop()
			return
		}
		x.visit(rootID)
		x.h.at(24*time.Hour, tick)
	}
	x.h.at(time.Hour, tick)
	x.h.run(in)
	for _, ho := range x.h.handoffs {
		handedOff[ho.Gemeente+"/"+ho.Process+"/"+ho.Step] = true
	}
	x.record(rootID) // the root's trail after it ended
}

// visit records the steps a case and its children entered, and completes some of their
// open tasks.
func (x *explorer) visit(id string) {
	v, ok := x.view(id)
	if !ok {
		return
	}
	x.note(v)
	for _, ch := range v.Children {
		x.visit(ch)
	}
	if v.Status != StatusOpen {
		return
	}
	d := x.def(v.Gemeente, v.Process)
	for _, tk := range v.Tasks {
		if x.rng.Float64() > x.patience {
			continue
		}
		x.seq++
		req := CompleteRequest{Actor: x.lead(d, v.Team), TaskID: tk.ID, Data: x.data(tk.Form, x.h.env.Now())}
		if id == rootID {
			x.h.update(UpdateComplete, fmt.Sprintf("x-%d", x.seq), req)
			continue
		}
		_ = x.h.env.UpdateWorkflowByID(id, UpdateComplete, fmt.Sprintf("x-%d", x.seq), &outcomeCallback{}, req)
	}
	// An event from outside (a bezwaar, a reply) comes less often than an answer.
	for _, ev := range v.Events {
		if x.rng.Float64() > x.patience/4 {
			continue
		}
		x.seq++
		req := EventRequest{Actor: x.lead(d, v.Team), Event: ev, Data: x.data(eventForm(d, ev), x.h.env.Now())}
		if id == rootID {
			x.h.update(UpdateEvent, fmt.Sprintf("x-%d", x.seq), req)
			continue
		}
		_ = x.h.env.UpdateWorkflowByID(id, UpdateEvent, fmt.Sprintf("x-%d", x.seq), &outcomeCallback{}, req)
	}
}

// eventForm is the form of the wait step that waits for event ev.
func eventForm(d *definitions.Definition, ev string) definitions.Form {
	for _, s := range d.Steps {
		if s.Event == ev {
			return s.Form
		}
	}
	return nil
}

func (x *explorer) record(id string) {
	if v, ok := x.view(id); ok {
		x.note(v)
	}
}

func (x *explorer) view(id string) (CaseView, bool) {
	query := x.h.env.QueryWorkflow
	if id != rootID {
		query = func(q string, args ...any) (converter.EncodedValue, error) {
			return x.h.env.QueryWorkflowByID(id, q, args...)
		}
	}
	val, err := query(QueryCase)
	if err != nil {
		return CaseView{}, false
	}
	var v CaseView
	return v, val.Get(&v) == nil
}

func (x *explorer) note(v CaseView) {
	key := v.Gemeente + "/" + v.Process
	if x.entered[key] == nil {
		x.entered[key] = map[string]bool{}
	}
	for _, e := range v.Trail {
		switch e.Event {
		case "step-entered":
			x.entered[key][e.Step] = true
		case "stuck", "handoff-failed", "condition-error":
			x.t.Errorf("%s: case got %s at %s: %s", key, e.Event, e.Step, e.Detail)
		}
	}
}

func (x *explorer) def(gemeente, process string) *definitions.Definition {
	for _, d := range x.defs {
		if d.Gemeente == gemeente && d.Process == process {
			return d
		}
	}
	x.t.Fatalf("no definition %s/%s", gemeente, process)
	return nil
}

// lead is the team's lead, with every role of the process: may act on every task.
func (x *explorer) lead(d *definitions.Definition, team string) Actor {
	roles := make([]string, 0, len(d.Roles))
	for r := range d.Roles {
		roles = append(roles, r)
	}
	slices.Sort(roles)
	return Actor{UserID: "u-x", Gemeente: d.Gemeente, Teams: []string{team}, Roles: roles}
}

// data draws a value for every required field of a form and for some optional ones.
func (x *explorer) data(form definitions.Form, now time.Time) map[string]any {
	out := map[string]any{}
	for _, f := range form {
		if !f.Required && x.rng.IntN(3) == 0 {
			continue
		}
		switch f.Type {
		case definitions.FieldBool:
			out[f.Name] = x.rng.IntN(2) == 0
		case definitions.FieldChoice:
			out[f.Name] = f.Options[x.rng.IntN(len(f.Options))]
		case definitions.FieldChoices:
			var pick []any
			for _, o := range f.Options {
				if x.rng.IntN(2) == 0 {
					pick = append(pick, o)
				}
			}
			if len(pick) == 0 {
				pick = []any{f.Options[0]}
			}
			out[f.Name] = pick
		case definitions.FieldNumber:
			out[f.Name] = float64([]int{0, 3, 12, 17, 18, 30, 67}[x.rng.IntN(7)])
		case definitions.FieldDate:
			out[f.Name] = now.In(amsterdam).AddDate(0, 0, x.rng.IntN(60)-20).Format(time.DateOnly)
		default:
			out[f.Name] = "verslag van het gesprek met de inwoner"
			if strings.Contains(f.Rules, "bsn") {
				out[f.Name] = "111222333" // passes the elfproef
			}
		}
	}
	return out
}
