package caselist

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestChangeLogDropsOnlyTheOld: dropping a case's old change keeps its later one, and
// the log holds no more than twice what it keeps, however many changes went through.
func TestChangeLogDropsOnlyTheOld(t *testing.T) {
	l := newChangeLog()
	t0 := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	a1, b, a2 := &Case{ID: "a"}, &Case{ID: "b"}, &Case{ID: "a"}
	l.add(t0, a1)
	l.add(t0.Add(time.Second), b)
	l.add(t0.Add(2*time.Second), a2)
	before := func(cut time.Time) func(time.Time) bool { return func(at time.Time) bool { return at.Before(cut) } }

	// drop drops the changes before cut and answers by how much the list's generation
	// moved: a list laid over the scan must change only when a case's last change goes.
	drop := func(cut time.Time) int { gen := l.gen; l.dropWhile(before(cut)); return l.gen - gen }

	if n := drop(t0.Add(time.Second)); n != 0 {
		t.Errorf("dropping a's first change moved the generation by %d; a changed again since", n)
	}
	if got := l.last["a"].c; got != a2 {
		t.Errorf("a's last change is %p, want the later one %p", got, a2)
	}
	if n := drop(t0.Add(2 * time.Second)); n != 1 || l.last["b"].c != nil {
		t.Errorf("generation moved by %d, b still there: %v; want b dropped", n, l.last["b"].c != nil)
	}
	if n := drop(t0.Add(time.Hour)); n != 1 || len(l.last) != 0 {
		t.Errorf("generation moved by %d, %d left; want everything dropped", n, len(l.last))
	}

	// A steady stream: a change a second, the last minute kept.
	for i := range 10000 {
		now := t0.Add(time.Duration(i) * time.Second)
		l.dropWhile(func(at time.Time) bool { return now.Sub(at) > time.Minute })
		l.add(now, &Case{ID: fmt.Sprintf("c%d", i%500)})
		if len(l.order)-l.head != 61 && i >= 61 {
			t.Fatalf("change %d: %d kept, want the 61 of the last minute", i, len(l.order)-l.head)
		}
		if len(l.order) > 2*61+1 {
			t.Fatalf("change %d: the log holds %d entries for 61 kept", i, len(l.order))
		}
	}
	if len(l.last) != 61 {
		t.Errorf("%d cases' last changes, want 61", len(l.last))
	}
}

// TestOverlayMergesItsChanges: a list with many changes laid over it holds each case
// once, newest first, the closed ones gone, as a sort of them all would.
func TestOverlayMergesItsChanges(t *testing.T) {
	v := &visibility{}
	var ids []string
	for i := range 10 {
		ids = append(ids, fmt.Sprintf("c%d", i))
	}
	v.set(ids...)
	cs, clk := newCases(v, 4)
	open(t, cs)
	clk.add(time.Second)
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for i, id := range []string{"c2", "c5", "c9"} { // the same cases, now started at other times
		cs.Changed(&Case{ID: id, Gemeente: "testdorp", Started: at.Add(time.Duration(i*4-5) * time.Minute)})
	}
	for i := range 3 {
		cs.Changed(&Case{ID: fmt.Sprintf("nieuw%d", i), Gemeente: "testdorp", Started: at.Add(time.Duration(i) * time.Hour)})
	}
	cs.Changed(&Case{ID: "c7", Gemeente: "testdorp", closed: true})
	l := open(t, cs)
	want := slices.Clone(l.Cases)
	slices.SortFunc(want, newestFirst)
	var got []string
	seen := map[string]bool{}
	for i, c := range l.Cases {
		got = append(got, c.ID)
		if seen[c.ID] || c.ID == "c7" || c != want[i] {
			t.Fatalf("cases %v: %s twice, closed or out of order", got, c.ID)
		}
		seen[c.ID] = true
	}
	if len(got) != 12 || got[0] != "nieuw2" {
		t.Errorf("cases %v: want 12, nieuw2 first", got)
	}
}
