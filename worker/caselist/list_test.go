package caselist

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/workflows"
)

// visibility stands in for Temporal's list call in these tests of the refresh policy
// (the lists against a real server are tested through the task API and the web app):
// it pages over the cases it holds and counts its calls; a call may be held until
// released, to see what callers get while a scan runs.
type visibility struct {
	mu    sync.Mutex
	ids   []string // newest first
	calls atomic.Int32
	fail  error
	hold  chan struct{} // when set, every call waits for it
}

func (v *visibility) set(ids ...string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.ids = ids
}

func (v *visibility) ListWorkflow(ctx context.Context, r *workflowservice.ListWorkflowExecutionsRequest) (*workflowservice.ListWorkflowExecutionsResponse, error) {
	v.calls.Add(1)
	v.mu.Lock()
	hold, fail, ids := v.hold, v.fail, v.ids
	v.mu.Unlock()
	if hold != nil {
		<-hold
	}
	if fail != nil {
		return nil, fail
	}
	from := 0
	if len(r.NextPageToken) > 0 {
		fmt.Sscan(string(r.NextPageToken), &from)
	}
	to := min(len(ids), from+int(r.PageSize))
	resp := &workflowservice.ListWorkflowExecutionsResponse{}
	for i, id := range ids[from:to] {
		resp.Executions = append(resp.Executions, execution(id, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(from+i)*time.Minute)))
	}
	if to < len(ids) {
		resp.NextPageToken = []byte(fmt.Sprint(to))
	}
	return resp, nil
}

// execution is a listed case of team noord with one open task.
func execution(id string, started time.Time) *workflowpb.WorkflowExecutionInfo {
	dc := converter.GetDefaultDataConverter()
	sa := func(v any) *commonpb.Payload { p, _ := dc.ToPayload(v); return p }
	tasks, _ := dc.ToPayload([]workflows.TaskSummary{{ID: "t1", Step: "gesprek", Team: "noord", Roles: []string{"coach"}}})
	name, _ := dc.ToPayload("naam van " + id)
	return &workflowpb.WorkflowExecutionInfo{
		Execution: &commonpb.WorkflowExecution{WorkflowId: id},
		StartTime: timestamppb.New(started),
		SearchAttributes: &commonpb.SearchAttributes{IndexedFields: map[string]*commonpb.Payload{
			workflows.SAGemeente.GetName(): sa("testdorp"), workflows.SATeam.GetName(): sa("noord"),
			workflows.SAStep.GetName(): sa([]string{"gesprek"}), workflows.SAStalled.GetName(): sa(false),
		}},
		Memo: &commonpb.Memo{Fields: map[string]*commonpb.Payload{workflows.MemoTasks: tasks, workflows.MemoResident: name}},
	}
}

// clock is a test's time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newCases(v *visibility, pageSize int) (*Cases, *clock) {
	clk := &clock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	cs := New(Options{Client: v, PageSize: pageSize})
	cs.now = clk.now
	return cs, clk
}

func ids(l *List) []string {
	var out []string
	for _, c := range l.Cases {
		out = append(out, c.ID)
	}
	return out
}

func open(t *testing.T, cs *Cases) *List {
	t.Helper()
	l, err := cs.Open(context.Background(), "testdorp")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestOneScanServesEveryList: fifty lists asked at once cost one scan (a call per page),
// and read the memo: tasks and the resident's name.
func TestOneScanServesEveryList(t *testing.T) {
	v := &visibility{}
	v.set("c1", "c2", "c3", "c4", "c5")
	cs, _ := newCases(v, 2)
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if l, err := cs.Open(context.Background(), "testdorp"); err != nil || len(l.Cases) != 5 {
				t.Errorf("list: %v, %v", l, err)
			}
		})
	}
	wg.Wait()
	if n := v.calls.Load(); n != 3 {
		t.Errorf("%d visibility calls for 5 cases at 2 a page; want 3", n)
	}
	c := open(t, cs).Cases[0]
	if name, ok := c.Resident(); c.ID != "c1" || !ok || name != "naam van c1" || len(c.Tasks()) != 1 || c.Team != "noord" {
		t.Errorf("first case %s: resident %q %v, tasks %v, team %q", c.ID, name, ok, c.Tasks(), c.Team)
	}
}

// TestOldListServesWhileScanning: once the interval has passed, a list answers at once
// from the last scan while a new scan runs; the next list shows the new one. The
// interval is a second per page of the last scan.
func TestOldListServesWhileScanning(t *testing.T) {
	v := &visibility{}
	v.set("c1", "c2", "c3")
	cs, clk := newCases(v, 1) // three pages: a three-second interval
	open(t, cs)
	v.set("c0", "c1", "c2", "c3")
	clk.add(2 * time.Second)
	if got := ids(open(t, cs)); len(got) != 3 || v.calls.Load() != 3 {
		t.Fatalf("within the interval: %v after %d calls; want the first list, no new call", got, v.calls.Load())
	}
	hold := make(chan struct{})
	v.mu.Lock()
	v.hold = hold
	v.mu.Unlock()
	clk.add(time.Second + time.Millisecond)
	if got := ids(open(t, cs)); len(got) != 3 {
		t.Fatalf("while the new scan is held: %v; want the last list at once", got)
	}
	close(hold)
	testutil.Eventually(t, 5*time.Second, func() error {
		if got := ids(open(t, cs)); len(got) != 4 || got[0] != "c0" {
			return fmt.Errorf("list %v", got)
		}
		return nil
	})
}

// TestTooOldListWaits: a list older than the maximum age is not served; the caller waits
// for the new scan. A failed scan leaves the last list serving until then.
func TestTooOldListWaits(t *testing.T) {
	v := &visibility{}
	v.set("c1")
	cs, clk := newCases(v, 10)
	open(t, cs)
	v.mu.Lock()
	v.fail = errors.New("visibility unavailable")
	v.mu.Unlock()
	clk.add(2 * time.Second)
	if got := ids(open(t, cs)); len(got) != 1 {
		t.Fatalf("scan failing: %v; want the last list", got)
	}
	testutil.Eventually(t, 5*time.Second, func() error {
		cs.mu.Lock()
		defer cs.mu.Unlock()
		if cs.byG["testdorp"].running != nil {
			return errors.New("the failing scan still runs")
		}
		return nil
	})
	clk.add(2 * time.Minute)
	if _, err := cs.Open(context.Background(), "testdorp"); err == nil {
		t.Fatal("a list two minutes old served while scans fail; want the scan's error")
	}
	v.mu.Lock()
	v.fail = nil
	v.ids = []string{"c2", "c1"}
	v.mu.Unlock()
	if got := ids(open(t, cs)); len(got) != 2 {
		t.Fatalf("after the failure: %v", got)
	}
}

// TestOwnChangesShowAtOnce: a case this process changed shows its new state in every
// list at once, a new case too, a closed one is gone; once a scan begun after the change
// had time to hold it, the scan is what shows.
func TestOwnChangesShowAtOnce(t *testing.T) {
	v := &visibility{}
	v.set("c1", "c2")
	cs, clk := newCases(v, 10)
	open(t, cs)
	clk.add(100 * time.Millisecond)
	newer := &Case{ID: "c9", Gemeente: "testdorp", Team: "zuid", Started: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}
	changed := &Case{ID: "c2", Gemeente: "testdorp", Team: "zuid", Started: time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)}
	closed := &Case{ID: "c1", Gemeente: "testdorp", closed: true}
	for _, c := range []*Case{newer, changed, closed} {
		cs.Changed(c)
	}
	l := open(t, cs)
	if got := ids(l); fmt.Sprint(got) != "[c9 c2]" || l.Cases[1].Team != "zuid" {
		t.Fatalf("with own changes: %v (c2 in team %q); want [c9 c2] with c2 in zuid", got, l.Cases[1].Team)
	}
	// Visibility has them now; a scan begun within the lag still shows the changes,
	// a later one only what visibility says.
	v.set("c9", "c2")
	clk.add(time.Second)
	open(t, cs)
	testutil.Eventually(t, 5*time.Second, func() error {
		if n := v.calls.Load(); n < 2 {
			return fmt.Errorf("%d scans", n)
		}
		cs.mu.Lock()
		defer cs.mu.Unlock()
		if cs.byG["testdorp"].last.At.Before(clk.now()) {
			return errors.New("the new scan has not landed")
		}
		return nil
	})
	if l := open(t, cs); l.Cases[1].Team != "zuid" {
		t.Fatalf("a scan within the lag lost the change: %v", l.Cases[1])
	}
	clk.add(3 * time.Second)
	open(t, cs)
	testutil.Eventually(t, 5*time.Second, func() error {
		cs.mu.Lock()
		defer cs.mu.Unlock()
		if n := len(cs.changes["testdorp"].last); n != 0 {
			return fmt.Errorf("%d changes still laid over the list", n)
		}
		return nil
	})
	if l := open(t, cs); l.Cases[1].Team != "noord" {
		t.Fatalf("after a later scan the list shows %q for c2; want visibility's noord", l.Cases[1].Team)
	}
}

// TestChangesOfAGemeenteNobodyListsDoNotPileUp: an API used without lists keeps only the
// changes a list could still need.
func TestChangesOfAGemeenteNobodyListsDoNotPileUp(t *testing.T) {
	cs, clk := newCases(&visibility{}, 10)
	for i := range 100 {
		cs.Changed(&Case{ID: fmt.Sprintf("c%d", i), Gemeente: "testdorp"})
		clk.add(time.Second)
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	// A minute's maximum age and two seconds' lag: the last 62 changes.
	if n := len(cs.changes["testdorp"].last); n != 63 {
		t.Errorf("%d changes kept after 100 over 100 seconds; want the 63 of the last 62 seconds", n)
	}
}

// BenchmarkListMemory reports the heap one list holds per open case, memos read (each
// case here has one open task and a resident's name, as a four-task case has):
//
//	go test ./worker/caselist -run '^$' -bench ListMemory -benchtime 1x
func BenchmarkListMemory(b *testing.B) {
	const n = 10000
	v := &visibility{}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("case-%026d", i)
	}
	v.set(ids...)
	var perCase float64
	for range b.N {
		before := testutil.LiveHeap()
		cs := New(Options{Client: v})
		l, err := cs.Open(context.Background(), "testdorp")
		if err != nil || len(l.Cases) != n {
			b.Fatalf("%d cases, %v", len(l.Cases), err)
		}
		for _, c := range l.Cases {
			c.Tasks()
			c.Resident()
		}
		// The stand-in keeps no executions: what stays live is the list.
		perCase = float64(testutil.LiveHeap()-before) / n
		runtime.KeepAlive(cs)
	}
	b.ReportMetric(perCase/1024, "KB/case")
}

// TestOneListWhileNothingChanged: Open answers the same list, and its memos, until a
// change of this process lays a case over it; Memo computes once per list and key.
func TestOneListWhileNothingChanged(t *testing.T) {
	v := &visibility{}
	v.set("c1", "c2")
	cs, _ := newCases(v, 10)
	first := open(t, cs)
	if again := open(t, cs); again != first {
		t.Fatal("a second Open without a change answered another list")
	}
	n := 0
	count := func() any { n++; return n }
	if a, b := first.Memo("k", count), first.Memo("k", count); a != 1 || b != 1 || first.Memo("other", count) != 2 {
		t.Errorf("memos %v %v: want one computation per key", a, b)
	}
	cs.Changed(&Case{ID: "c3", Gemeente: "testdorp", Started: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)})
	changed := open(t, cs)
	if changed == first || len(changed.Cases) != 3 || changed.Memo("k", count) != 3 {
		t.Errorf("after a change: the same list %v, %d cases; want a new list with c3 and its own memos", changed == first, len(changed.Cases))
	}
	if open(t, cs) != changed {
		t.Error("a second Open after the change answered another list")
	}
}

// BenchmarkChanged is the cost of recording one change while a minute of changes is
// kept (200 a second: 40 cases a second, five changes each; nobody lists):
//
//	go test ./worker/caselist -run '^$' -bench Changed
func BenchmarkChanged(b *testing.B) {
	cs, clk := newCases(&visibility{}, 1000)
	const perSecond = 200
	ids := make([]string, 5000)
	for i := range ids {
		ids[i] = fmt.Sprintf("case-%026d", i)
	}
	i := 0
	change := func() {
		cs.Changed(&Case{ID: ids[i%len(ids)], Gemeente: "testdorp"})
		clk.add(time.Second / perSecond)
		i++
	}
	for range 62 * perSecond {
		change()
	}
	for b.Loop() {
		change()
	}
}

// BenchmarkOverlay is the cost of the list a reader gets right after a change, with
// 2,000 changes laid over 10,000 scanned cases (ten seconds of a busy API between two
// scans):
//
//	go test ./worker/caselist -run '^$' -bench Overlay
func BenchmarkOverlay(b *testing.B) {
	v := &visibility{}
	ids := make([]string, 10000)
	for i := range ids {
		ids[i] = fmt.Sprintf("case-%026d", i)
	}
	v.set(ids...)
	cs, clk := newCases(v, 1000)
	if _, err := cs.Open(context.Background(), "testdorp"); err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := range 2000 {
		cs.Changed(&Case{ID: ids[(i*7)%len(ids)], Gemeente: "testdorp", Started: at.Add(-time.Duration(i) * time.Second)})
	}
	clk.add(time.Second)
	for b.Loop() {
		cs.Changed(&Case{ID: ids[0], Gemeente: "testdorp", Started: at})
		if _, err := cs.Open(context.Background(), "testdorp"); err != nil {
			b.Fatal(err)
		}
	}
}
