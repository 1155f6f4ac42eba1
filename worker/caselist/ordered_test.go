package caselist

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"
)

// entry is what a test orders: one per case, the most escalated first.
type entry struct {
	c   *Case
	esc int64
}

// TestOrderedRedoesOnlyTheChangedCases: after this process changed cases, the order of
// the list laid over the scan is the one a full sort gives, while only the changed
// cases' entries were made again: a case moved up, a closed one gone, a new one in.
func TestOrderedRedoesOnlyTheChangedCases(t *testing.T) {
	v := &visibility{}
	var ids []string
	for i := range 10 {
		ids = append(ids, fmt.Sprintf("c%d", i))
	}
	v.set(ids...)
	cs, clk := newCases(v, 4)
	made := 0
	entries := func(dst []entry, c *Case) []entry { made++; return append(dst, entry{c: c, esc: c.Escalation}) }
	order := func(a, b entry) int { return cmp.Or(cmp.Compare(b.esc, a.esc), cmp.Compare(a.c.ID, b.c.ID)) }
	ordered := func(l *List) []string {
		var out []string
		for _, e := range Ordered(l, "esc", entries, func(e entry) *Case { return e.c }, order) {
			out = append(out, fmt.Sprintf("%s:%d", e.c.ID, e.esc))
		}
		return out
	}
	full := func(l *List) []string { // what a sort of every case gives
		var all []entry
		for _, c := range l.Cases {
			all = entries(all, c)
		}
		slices.SortFunc(all, order)
		var out []string
		for _, e := range all {
			out = append(out, fmt.Sprintf("%s:%d", e.c.ID, e.esc))
		}
		return out
	}

	scanned := open(t, cs)
	if got := ordered(scanned); made != 10 || got[0] != "c0:0" {
		t.Fatalf("scanned list: %d entries made, order %v", made, got)
	}
	if ordered(scanned); made != 10 {
		t.Errorf("asked again: %d entries made, want none more", made-10)
	}

	clk.add(time.Second)
	started := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	cs.Changed(&Case{ID: "c3", Gemeente: "testdorp", Started: started.Add(-3 * time.Minute), Escalation: 5})
	cs.Changed(&Case{ID: "c7", Gemeente: "testdorp", closed: true})
	cs.Changed(&Case{ID: "nieuw", Gemeente: "testdorp", Started: started.Add(time.Minute), Escalation: 2})
	overlaid := open(t, cs)
	made = 0
	got := ordered(overlaid)
	if made != 2 {
		t.Errorf("%d entries made for the list with three changes; want 2 (c3 and nieuw; c7 closed)", made)
	}
	want := full(overlaid)
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v (a full sort)", got, want)
	}
	if got[0] != "c3:5" || got[1] != "nieuw:2" || slices.Contains(got, "c7:0") || len(got) != 10 {
		t.Errorf("order %v: want c3 first, nieuw second, c7 gone, 10 cases", got)
	}
}
