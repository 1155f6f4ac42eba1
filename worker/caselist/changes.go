package caselist

import "time"

// change is a case as this process changed it, and when.
type change struct {
	at  time.Time
	c   *Case
	seq uint64 // the change's place in its log, to tell it from a later one of the case
}

// changeLog is one gemeente's changes: the last of each case, and every change in the
// order it came, so that dropping the old ones costs what is dropped. It went through
// every case's change on every new one before: at 40 cases a second and a minute's
// changes kept, some 12,000 entries a change, under the lock every list read takes.
type changeLog struct {
	last  map[string]change // case id → its last change
	order []change          // oldest first, from head on; a case's earlier changes stay here until dropped
	head  int
	seq   uint64
	// gen counts the changes of what a list lays over the scan (a change added, a case's
	// last change dropped), so that a list made at one gen serves until the next.
	gen int
}

func newChangeLog() *changeLog { return &changeLog{last: map[string]change{}} }

// add records c as changed at now.
func (l *changeLog) add(now time.Time, c *Case) {
	l.seq++
	ch := change{at: now, c: c, seq: l.seq}
	l.last[c.ID] = ch
	l.order = append(l.order, ch)
	l.gen++
}

// dropWhile drops the oldest changes while old says so of their time. Changes come in
// time order (the clock of one process), so it stops at the first one to keep.
func (l *changeLog) dropWhile(old func(at time.Time) bool) {
	for l.head < len(l.order) && old(l.order[l.head].at) {
		ch := l.order[l.head]
		if last, ok := l.last[ch.c.ID]; ok && last.seq == ch.seq {
			delete(l.last, ch.c.ID)
			l.gen++
		}
		l.order[l.head] = change{} // let the case go
		l.head++
	}
	// Move the kept ones to the front once the dropped are the larger part: each entry
	// is moved at most once for every one dropped before it.
	if l.head > len(l.order)/2 {
		n := copy(l.order, l.order[l.head:])
		clear(l.order[n:])
		l.order, l.head = l.order[:n], 0
	}
}
