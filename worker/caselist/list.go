package caselist

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"

	"github.com/wijkflow/wijkflow/workflows"
)

// Lister is the part of the Temporal client a scan needs.
type Lister interface {
	ListWorkflow(context.Context, *workflowservice.ListWorkflowExecutionsRequest) (*workflowservice.ListWorkflowExecutionsResponse, error)
}

// Options configure the lists; New fills in the defaults noted per field.
type Options struct {
	Client    Lister
	Namespace string // default "default"
	// DataConverter decrypts the memos; default the SDK's (plain) converter.
	DataConverter converter.DataConverter
	// Fresh is the shortest refresh interval (default 1 s); the interval is one second
	// per page of the last scan when that is longer.
	Fresh time.Duration
	// PerPage is what each page of the last scan adds to the interval (default 1 s):
	// about one visibility call a second per process, whatever the list's length.
	PerPage time.Duration
	// MaxAge is the oldest a list may be and still serve while a new scan runs (default
	// a minute, and at least three intervals); older, the caller waits for the scan.
	MaxAge time.Duration
	// PageSize is the cases per visibility call (default 1,000: Temporal's default
	// frontend.visibilityMaxPageSize).
	PageSize int
	// Lag is how long a change may take to reach visibility (default 2 s): a change
	// this process made is laid over every list scanned before it was that old.
	Lag time.Duration
	// ScanTimeout bounds one scan (default a minute).
	ScanTimeout time.Duration
	Logger      zerolog.Logger
}

// Cases keeps the lists of every gemeente asked for; safe for concurrent use.
type Cases struct {
	o   Options
	now func() time.Time // time.Now; a test's clock

	mu      sync.Mutex
	byG     map[string]*perGemeente
	changes map[string]*changeLog // gemeente → the changes this process made
}

// perGemeente is one gemeente's last list and the scan running for it, if any.
type perGemeente struct {
	last    *List
	running *scan
	// view is last with the changes of the change log's generation gen laid over it
	// (overlay), kept so that Open answers one list while nothing changed.
	view *List
	of   *List
	gen  int
}

type scan struct {
	done  chan struct{}
	start time.Time
	list  *List
	err   error
}

// List is one gemeente's running cases, newest first.
type List struct {
	// At is when the scan began: the list holds every change visibility had then.
	At    time.Time
	Cases []*Case
	pages int

	memoMu sync.Mutex
	memo   map[string]*memoized
}

type memoized struct {
	once sync.Once
	v    any
}

// Memo is what compute makes of this list under key, computed once per list: Open
// answers the same list until a scan or a change of this process replaces it, so a
// reading of many users (an order of every task) costs once per list, not per request.
// compute must only read the list.
func (l *List) Memo(key string, compute func() any) any {
	l.memoMu.Lock()
	if l.memo == nil {
		l.memo = map[string]*memoized{}
	}
	m := l.memo[key]
	if m == nil {
		m = &memoized{}
		l.memo[key] = m
	}
	l.memoMu.Unlock()
	m.once.Do(func() { m.v = compute() })
	return m.v
}

// New returns the lists of o.Client's namespace.
func New(o Options) *Cases {
	if o.Namespace == "" {
		o.Namespace = "default"
	}
	if o.DataConverter == nil {
		o.DataConverter = converter.GetDefaultDataConverter()
	}
	o.Fresh = cmp.Or(o.Fresh, time.Second)
	o.PerPage = cmp.Or(o.PerPage, time.Second)
	o.MaxAge = cmp.Or(o.MaxAge, time.Minute)
	o.PageSize = cmp.Or(o.PageSize, 1000)
	o.Lag = cmp.Or(o.Lag, 2*time.Second)
	o.ScanTimeout = cmp.Or(o.ScanTimeout, time.Minute)
	return &Cases{o: o, now: time.Now, byG: map[string]*perGemeente{}, changes: map[string]*changeLog{}}
}

// interval is how long a list serves before a new scan starts.
func (cs *Cases) interval(l *List) time.Duration {
	return max(cs.o.Fresh, time.Duration(l.pages)*cs.o.PerPage)
}

// Open answers the gemeente's running cases: the last list with this process's own
// changes laid over it. It waits only when there is no list yet, or the last is older
// than the maximum age; otherwise a due scan runs in the background.
func (cs *Cases) Open(ctx context.Context, gemeente string) (*List, error) {
	now := cs.now()
	cs.mu.Lock()
	g := cs.byG[gemeente]
	if g == nil {
		g = &perGemeente{}
		cs.byG[gemeente] = g
	}
	var wait *scan
	if l := g.last; l == nil || now.Sub(l.At) > cs.maxAge(l) {
		wait = cs.startScan(gemeente, g, now)
	} else if now.Sub(l.At) >= cs.interval(l) {
		cs.startScan(gemeente, g, now)
	}
	cs.mu.Unlock()
	if wait != nil {
		select {
		case <-wait.done:
			if wait.err != nil {
				return nil, wait.err
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	gen := 0
	if log := cs.changes[gemeente]; log != nil {
		gen = log.gen
	}
	if g.view == nil || g.of != g.last || g.gen != gen {
		g.view, g.of, g.gen = cs.overlay(gemeente, g.last), g.last, gen
	}
	return g.view, nil
}

// startScan starts a scan of the gemeente unless one runs; cs.mu is held.
func (cs *Cases) startScan(gemeente string, g *perGemeente, now time.Time) *scan {
	if g.running != nil {
		return g.running
	}
	s := &scan{done: make(chan struct{}), start: now}
	g.running = s
	go func() {
		// Not a request's context: a caller that gives up must not fail the others.
		ctx, cancel := context.WithTimeout(context.Background(), cs.o.ScanTimeout)
		defer cancel()
		s.list, s.err = cs.scan(ctx, gemeente, s.start)
		cs.mu.Lock()
		g.running = nil
		if s.err == nil {
			g.last = s.list
			cs.forget(gemeente, s.list.At)
		} else {
			cs.o.Logger.Warn().Err(s.err).Str("gemeente", gemeente).Msg("lists: scan of the open cases failed; the last list serves until it is too old")
		}
		cs.mu.Unlock()
		close(s.done)
	}()
	return s
}

// scan lists the gemeente's running cases, a page per call.
func (cs *Cases) scan(ctx context.Context, gemeente string, at time.Time) (*List, error) {
	query := fmt.Sprintf(`WorkflowType = %q AND %s = %q AND ExecutionStatus = "Running"`,
		workflows.CaseWorkflowName, workflows.SAGemeente.GetName(), gemeente)
	l := &List{At: at}
	var token []byte
	for {
		resp, err := cs.o.Client.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: cs.o.Namespace, Query: query, PageSize: int32(cs.o.PageSize), NextPageToken: token,
		})
		if err != nil {
			return nil, err
		}
		l.pages++
		for _, e := range resp.GetExecutions() {
			l.Cases = append(l.Cases, fromExecution(e, cs.o.DataConverter))
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			break
		}
	}
	slices.SortFunc(l.Cases, newestFirst)
	// A case listed twice (it moved between pages while the scan ran) counts once.
	l.Cases = slices.CompactFunc(l.Cases, func(a, b *Case) bool { return a.ID == b.ID })
	return l, nil
}

// newestFirst orders cases by start, newest first, then by id.
func newestFirst(a, b *Case) int {
	if c := b.Started.Compare(a.Started); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// Changed records a case as this process just changed it: every list of its gemeente
// shows it so until a scan begun after the change had time to reach visibility. A case
// that closed leaves the lists.
func (cs *Cases) Changed(c *Case) {
	if c == nil || c.Gemeente == "" {
		return
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	now := cs.now()
	log := cs.changes[c.Gemeente]
	if log == nil {
		log = newChangeLog()
		cs.changes[c.Gemeente] = log
	}
	// A change older than the oldest list that may still serve plus the lag is in every
	// list served: drop it, so changes of a gemeente nobody lists do not pile up.
	oldest := cs.o.MaxAge
	if g := cs.byG[c.Gemeente]; g != nil && g.last != nil {
		oldest = cs.maxAge(g.last)
	}
	log.dropWhile(func(at time.Time) bool { return now.Sub(at) > oldest+cs.o.Lag })
	log.add(now, c)
}

// maxAge is the oldest l may be and still serve.
func (cs *Cases) maxAge(l *List) time.Duration { return max(cs.o.MaxAge, 3*cs.interval(l)) }

// forget drops the changes a list begun at `at` holds for sure; cs.mu is held.
func (cs *Cases) forget(gemeente string, at time.Time) {
	if log := cs.changes[gemeente]; log != nil {
		log.dropWhile(func(ch time.Time) bool { return !ch.After(at.Add(-cs.o.Lag)) })
	}
}

// overlay is l with the changes it may not hold yet; cs.mu is held.
func (cs *Cases) overlay(gemeente string, l *List) *List {
	var newer []*Case
	var last map[string]change
	if log := cs.changes[gemeente]; log != nil {
		last = log.last
	}
	for _, ch := range last {
		if ch.at.After(l.At.Add(-cs.o.Lag)) {
			newer = append(newer, ch.c)
		}
	}
	if len(newer) == 0 {
		return l
	}
	replaced := make(map[string]bool, len(newer))
	for _, c := range newer {
		replaced[c.ID] = true
	}
	out := &List{At: l.At, pages: l.pages}
	kept := make([]*Case, 0, len(l.Cases))
	for _, c := range l.Cases {
		if !replaced[c.ID] {
			kept = append(kept, c)
		}
	}
	open := make([]*Case, 0, len(newer))
	for _, c := range newer {
		if !c.closed {
			open = append(open, c)
		}
	}
	slices.SortFunc(open, newestFirst)
	// Merged, not inserted one by one: a busy minute lays thousands of changes over a
	// list of ten thousand cases.
	out.Cases = merge(kept, open, newestFirst)
	return out
}

// merge is a and b, each sorted by cmp, as one sorted slice.
func merge[T any](a, b []T, cmp func(x, y T) int) []T {
	if len(b) == 0 {
		return a
	}
	out := make([]T, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if cmp(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}
