package workflows

import (
	"reflect"
	"testing"
	"time"
)

// TestFactsHoldNoPersonalData walks the facts record's types: only ids and codes
// (FactID), times, counts and flags, in structs and slices. A plain string, a map or
// an interface could carry a name, free text or an answer, and would be published
// unencrypted (crypt.Public).
func TestFactsHoldNoPersonalData(t *testing.T) {
	allowed := map[reflect.Type]bool{
		reflect.TypeFor[FactID](): true, reflect.TypeFor[time.Time](): true,
		reflect.TypeFor[int](): true, reflect.TypeFor[bool](): true,
	}
	var walk func(path string, ty reflect.Type)
	walk = func(path string, ty reflect.Type) {
		switch {
		case allowed[ty]:
		case ty.Kind() == reflect.Slice || ty.Kind() == reflect.Pointer:
			walk(path+"[]", ty.Elem())
		case ty.Kind() == reflect.Struct && ty.PkgPath() == reflect.TypeFor[Facts]().PkgPath():
			for i := range ty.NumField() {
				f := ty.Field(i)
				walk(path+"."+f.Name, f.Type)
			}
		default:
			t.Errorf("%s is a %s: the facts hold only FactID, time.Time, int and bool", path, ty)
		}
	}
	walk("Facts", reflect.TypeFor[Facts]())
}

// factsDef has one legal term that opschorting stops.
const factsDef = `
gemeente: testgem
process: feiten
title: Feiten
teams: [noord]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}
lead: teamleider
start: onderzoek
steps:
  onderzoek:
    kind: task
    role: wijkcoach
    deadline: {within: 8w, from: case, law: "Awb 4:13 (Jeugdwet)"}
    norm: {within: 1w, from: case}
    suspendable: true
    form:
      ok: {type: bool, required: true}
    next: [{goto: klaar}]
  klaar: {kind: end, result: klaar}
`

// TestFactsFollowTheCase suspends a case for five days (Tuesday to Sunday) and
// completes its task: the published record has the opschorting in days, both terms
// met with their clocks' stop, the visits of its steps and the events, and was
// published a few times only.
func TestFactsFollowTheCase(t *testing.T) {
	h := newHarness(t)
	lead := worker("tl", "teamleider")
	day := 24 * time.Hour
	var before time.Time
	h.at(day, func() {
		before = h.facts.Terms[0].Due
		h.update(UpdateSuspend, "s", SuspendRequest{Actor: lead, Reason: "wacht op gegevens"})
	})
	h.at(6*day, func() { h.update(UpdateResume, "r", ResumeRequest{Actor: lead}) })
	h.at(9*day, func() {
		h.update(UpdateComplete, "c", CompleteRequest{Actor: worker("w", "wijkcoach"), TaskID: "onderzoek-1", Data: map[string]any{"ok": true}})
	})
	h.run(input(def(t, factsDef), nil))
	h.endsWith("klaar")
	f := h.facts
	if f.Suspensions != 1 || f.SuspendedDays != 5 || f.Result != "klaar" || !f.Closed.Equal(testStart.Add(9*day)) ||
		f.Gemeente != "testgem" || f.Process != "feiten" || f.Team != "noord" || !f.Received.Equal(testStart) {
		t.Errorf("facts: %+v", f)
	}
	if len(f.Terms) != 2 {
		t.Fatalf("terms: %+v", f.Terms)
	}
	legal, norm := f.Terms[0], f.Terms[1]
	if legal.Kind == TermNorm {
		legal, norm = norm, legal
	}
	if legal.Kind != TermLegal || legal.Article != "Awb 4:13 (Jeugdwet)" || legal.SuspendedDays != 5 ||
		!legal.Due.After(before) || !legal.Ended.Equal(f.Closed) || legal.Ended.After(legal.Due) {
		t.Errorf("legal term: %+v (due before the opschorting %v)", legal, before)
	}
	// The norm's clock stood still too: the week's rest (from the day of the
	// opschorting) counts again from the day after the resume (law.Resume).
	if norm.Kind != TermNorm || norm.SuspendedDays != 5 || !norm.Due.Equal(time.Date(2026, 3, 17, 0, 0, 0, 0, amsterdam)) || norm.Ended.After(norm.Due) {
		t.Errorf("norm: %+v", norm)
	}
	if len(f.Steps) != 2 || f.Steps[0].Step != "onderzoek" || !f.Steps[0].Left.Equal(f.Closed) || len(f.Events) == 0 || f.Tasks != nil {
		t.Errorf("steps %+v, %d events, tasks %+v", f.Steps, len(f.Events), f.Tasks)
	}
	// Opened with its terms, suspended, resumed, the norm passing does not count,
	// completed and closed in one go.
	if h.factsUpserts > 4 {
		t.Errorf("facts published %d times", h.factsUpserts)
	}
}
