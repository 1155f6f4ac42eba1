package httpapi

import (
	"fmt"
	"math"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

func caseIDs(l caseList) []string {
	var ids []string
	for _, c := range l.Cases {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	return ids
}

func sorted(ids ...string) []string { slices.Sort(ids); return ids }

// TestListCases: each caller sees the cases of their gemeente and teams (a lead: the whole
// gemeente), filtered by step and stalled, paged.
func TestListCases(t *testing.T) {
	e := newEnv(t)
	a := e.newCase("coach")
	b := e.newCase("coach-nieuwleusen")
	var c struct{ ID string }
	e.must(201, "dordrecht", "POST", "/cases", map[string]any{"gemeente": "dordrecht", "process": "wijkteam",
		"data": map[string]any{"bron": "school", "veiligheidsrisico": "geen", "gezin_met_kinderen": false}}).decode(t, &c)

	list := func(token, query string) []string {
		var l caseList
		e.must(200, token, "GET", "/cases"+query, nil).decode(t, &l)
		return caseIDs(l)
	}
	// Wait until visibility holds all three, seen by the widest caller of each gemeente.
	e.eventually("both dalfsen cases listed", func() bool { return len(list("lead", "")) == 2 })
	e.eventually("the dordrecht case listed", func() bool { return len(list("dordrecht", "")) == 1 })

	tests := []struct {
		token, query string
		want         []string
	}{
		{"coach", "", []string{a.ID}},
		{"coach-nieuwleusen", "", []string{b.ID}},
		{"lead", "", sorted(a.ID, b.ID)},
		{"dordrecht", "", []string{c.ID}},
		{"coach", "?step=melding", []string{a.ID}},
		{"coach", "?step=plan", nil},
		{"coach", "?stalled=true", nil},
		{"coach", "?stalled=false&status=open", []string{a.ID}},
		{"coach", "?status=closed", nil},
	}
	for _, tc := range tests {
		t.Run(tc.token+tc.query, func(t *testing.T) {
			if got := list(tc.token, tc.query); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}

	var l caseList
	e.must(200, "lead", "GET", "/cases", nil).decode(t, &l)
	for _, cs := range l.Cases {
		if cs.Gemeente != "dalfsen" || cs.Process != "wijkteam" || cs.Status != "open" || cs.DefinitionVersion == "" ||
			!slices.Contains(cs.ActiveSteps, "melding") || len(cs.Tasks) != 1 || cs.Tasks[0].Step != "melding" {
			t.Errorf("summary %+v", cs)
		}
	}
}

// TestPaging walks the pages of a list until nextPageToken runs out.
func TestPaging(t *testing.T) {
	e := newEnv(t)
	var want []string
	for range 5 {
		want = append(want, e.newCase("coach").ID)
	}
	slices.Sort(want)
	e.eventually("five cases listed", func() bool {
		var l caseList
		e.must(200, "coach", "GET", "/cases?pageSize=1000", nil).decode(t, &l)
		return len(l.Cases) == 5
	})
	var got []string
	token, pages := "", 0
	for {
		var l caseList
		e.must(200, "coach", "GET", "/cases?pageSize=2&pageToken="+token, nil).decode(t, &l)
		pages++
		if len(l.Cases) > 2 {
			t.Fatalf("page of %d cases", len(l.Cases))
		}
		got = append(got, caseIDs(l)...)
		if l.NextPageToken == "" || pages > 5 {
			break
		}
		token = l.NextPageToken
	}
	slices.Sort(got)
	if !slices.Equal(got, want) || pages < 3 {
		t.Errorf("%d pages with %v, want %v", pages, got, want)
	}
}

// TestListTasks: the inbox holds the tasks of the caller's teams and roles, with forms;
// a lead sees every task of their team; ?assignee=me narrows to claimed tasks.
func TestListTasks(t *testing.T) {
	e := newEnv(t)
	a := e.newCase("coach")
	e.newCase("coach-nieuwleusen")
	inbox := func(token, query string) []string {
		var l TaskList
		e.must(200, token, "GET", "/tasks"+query, nil).decode(t, &l)
		var out []string
		for _, tk := range l.Tasks {
			out = append(out, tk.CaseID+"/"+tk.ID)
			if len(tk.Form) == 0 || tk.Title == "" || tk.Role == "" || tk.Deadline == nil {
				t.Errorf("task without what a client needs: %+v", tk)
			}
		}
		return out
	}
	mine := a.ID + "/" + task(t, a, "melding").ID
	e.eventually("the melding in the coach's inbox", func() bool { return len(inbox("coach", "")) == 1 })
	e.eventually("the other team's melding", func() bool { return len(inbox("coach-nieuwleusen", "")) == 1 })

	tests := []struct {
		token, query string
		want         []string
	}{
		{"coach", "", []string{mine}},
		{"lead", "", []string{mine}},
		{"jeugd", "", nil},
		{"dordrecht", "", nil},
		{"coach", "?assignee=me", nil},
	}
	for _, tc := range tests {
		t.Run(tc.token+tc.query, func(t *testing.T) {
			if got := inbox(tc.token, tc.query); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}

	e.must(200, "coach", "POST", fmt.Sprintf("/cases/%s/tasks/%s/claim", a.ID, task(t, a, "melding").ID), nil)
	e.eventually("the claimed task under assignee=me", func() bool { return slices.Equal(inbox("coach", "?assignee=me"), []string{mine}) })
	if got := inbox("lead", "?assignee=me"); got != nil {
		t.Errorf("lead's assignee=me: %v", got)
	}
}

// TestTasksOfAnOlderVersion: a case on a definition version the API no longer holds
// still lists its tasks with their form, asked of that case alone.
func TestTasksOfAnOlderVersion(t *testing.T) {
	e, v := newEnvWithCase(t)
	var newer []*definitions.Definition
	for _, d := range testutil.Shipped(t) {
		c := *d
		c.Version = "sha256:newer-" + d.Process
		newer = append(newer, &c)
	}
	later := e.otherAPI(newer)
	var l TaskList
	later.eventually("the task listed", func() bool {
		later.must(200, "coach", "GET", "/tasks", nil).decode(t, &l)
		return len(l.Tasks) == 1
	})
	tk := l.Tasks[0]
	if tk.CaseID != v.ID || tk.DefinitionVersion != v.DefinitionVersion || len(tk.Form) != 4 || tk.Form[0].Name != "urgentie" {
		t.Errorf("task %+v", tk)
	}
}

// TestTasksShowOwnChangesAtOnce: the task list comes from the gemeente's shared list of
// open cases, which is refreshed from visibility now and then; what this API changed
// itself shows at once — a new case's first task, and after a completion the next task
// and not the completed one — while another API process sees it once its list is
// refreshed.
func TestTasksShowOwnChangesAtOnce(t *testing.T) {
	e := newEnv(t)
	tasks := func(e *env) []string {
		var l TaskList
		e.must(200, "coach", "GET", "/tasks", nil).decode(t, &l)
		var out []string
		for _, tk := range l.Tasks {
			out = append(out, tk.CaseID+"/"+tk.Step)
			if tk.Resident == nil || tk.Stalled {
				t.Errorf("task %s/%s: resident %v, stalled %v; want a (possibly empty) name, not stalled", tk.CaseID, tk.Step, tk.Resident, tk.Stalled)
			}
		}
		return out
	}
	tasks(e) // the first list: no cases yet
	v := e.newCase("coach")
	if got := tasks(e); !slices.Equal(got, []string{v.ID + "/melding"}) {
		t.Fatalf("right after the create: %v; want its melding", got)
	}
	e.must(200, "coach", "POST", completePathOf(t, v, "melding"), meldingData())
	if got := tasks(e); slices.Contains(got, v.ID+"/melding") || len(got) == 0 {
		t.Fatalf("right after completing the melding: %v; want the next task only", got)
	}
	want := tasks(e)

	other := e.otherAPI(e.api.cfg.Definitions)
	var l TaskList
	other.eventually("the other API process lists the same tasks", func() bool {
		other.must(200, "coach", "GET", "/tasks", nil).decode(t, &l)
		var got []string
		for _, tk := range l.Tasks {
			got = append(got, tk.CaseID+"/"+tk.Step)
		}
		return slices.Equal(got, want)
	})
	// There from the case's memo: the resident's name (the intake gives none: "").
	for _, tk := range l.Tasks {
		if tk.Resident == nil || *tk.Resident != "" {
			t.Errorf("task %s/%s from visibility: resident %v; want the memo's empty name", tk.CaseID, tk.Step, tk.Resident)
		}
	}
}

// otherAPI is a second API process on e's server and keys serving defs: its own shared
// lists, none of e's changes laid over them. It stops when the test ends.
func (e *env) otherAPI(defs []*definitions.Definition) *env {
	e.t.Helper()
	a, err := newAPI(Config{Common: Common{Client: e.client, Namespace: e.ns, Definitions: defs, Auth: e.api.cfg.Auth},
		ActorKeys: e.api.cfg.ActorKeys, DataConverter: e.api.cfg.DataConverter})
	if err != nil {
		e.t.Fatal(err)
	}
	srv := httptest.NewServer(a.handler())
	e.t.Cleanup(srv.Close)
	return &env{t: e.t, url: srv.URL + prefix}
}

// TestTasksPages: GET /tasks pages through the shared list by its position tokens, newest
// case first, each case once; a page token of another list (a checksummed token that
// holds no position, as the visibility tokens this call handed out before) is a 400.
// pageThrough reads the coach's pages of path (pageSize=1) to the last, and answers the
// case of each page's one task; more than n pages fail the test.
func pageThrough(t *testing.T, e *env, path string, n int) []string {
	t.Helper()
	var seen []string
	next := path
	for pages := 0; ; pages++ {
		if pages > n {
			t.Fatalf("more than %d pages of %s: %v", n, path, seen)
		}
		var l TaskList
		e.must(200, "coach", "GET", next, nil).decode(t, &l)
		if len(l.Tasks) != 1 {
			t.Fatalf("page %d of %s holds %d tasks; want one", pages+1, path, len(l.Tasks))
		}
		seen = append(seen, l.Tasks[0].CaseID)
		if l.NextPageToken == "" {
			return seen
		}
		next = path + "&pageToken=" + l.NextPageToken
	}
}

func TestTasksPages(t *testing.T) {
	e := newEnv(t)
	var made []string
	for range 3 {
		made = append(made, e.newCase("coach").ID)
	}
	seen := pageThrough(t, e, "/tasks?pageSize=1", 3)
	if want := []string{made[2], made[1], made[0]}; !slices.Equal(seen, want) {
		t.Errorf("pages gave %v; want the newest case first, each once: %v", seen, want)
	}
	e.must(400, "coach", "GET", "/tasks?pageToken="+encodeToken([]byte("a visibility token")), nil)
}

// TestTasksByUrgency: order=urgency lists the tasks the most urgent first over every
// page (three cases of one term: the oldest's ends first), pageSize tasks a page, each
// once; a token of the other order, or an unknown order, is a 400.
func TestTasksByUrgency(t *testing.T) {
	e := newEnv(t)
	var made []string
	for range 3 {
		made = append(made, e.newCase("coach").ID)
	}
	if seen := pageThrough(t, e, "/tasks?order=urgency&pageSize=1", 3); !slices.Equal(seen, made) {
		t.Errorf("pages gave %v; want the oldest term first, each once: %v", seen, made)
	}
	var all TaskList
	e.must(200, "coach", "GET", "/tasks?order=urgency", nil).decode(t, &all)
	if len(all.Tasks) != 3 || all.NextPageToken != "" {
		t.Errorf("one page of the default size: %d tasks, token %q", len(all.Tasks), all.NextPageToken)
	}
	var newest TaskList
	e.must(200, "coach", "GET", "/tasks?pageSize=1", nil).decode(t, &newest)
	e.must(400, "coach", "GET", "/tasks?order=urgency&pageToken="+newest.NextPageToken, nil)
	e.must(400, "coach", "GET", "/tasks?order=deadline", nil)
}

func TestUrgencyOrder(t *testing.T) {
	at := func(s string) int64 { d, _ := time.Parse(time.DateOnly, s); return d.UnixNano() }
	keys := []UrgencyKey{
		{deadline: math.MaxInt64, opened: at("2026-01-01"), caseID: "case-n"},
		{deadline: at("2026-03-01"), opened: at("2026-02-01"), caseID: "case-b"},
		{late: true, deadline: at("2026-02-01"), opened: at("2026-01-20"), caseID: "case-l"},
		{deadline: at("2026-03-01"), opened: at("2026-01-15"), caseID: "case-a"},
	}
	slices.SortFunc(keys, UrgencyKey.Compare)
	var got []string
	for _, k := range keys {
		got = append(got, k.caseID)
		back, err := urgencyAfter(k.token())
		if err != nil || *back != k {
			t.Errorf("token of %+v reads back as %+v, %v", k, back, err)
		}
	}
	if want := []string{"case-l", "case-a", "case-b", "case-n"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v (late, then deadline, then longest open, no deadline last)", got, want)
	}
	good := keys[0].token()
	for name, bad := range map[string][]byte{
		"short": good[:10], "another order": append([]byte{'p'}, good[1:]...), "a flag of 2": append([]byte{'u', 2}, good[2:]...),
		"no separator": good[:len(good)-len(keys[0].taskID)-1],
	} {
		if k, err := urgencyAfter(bad); err == nil {
			t.Errorf("%s token read as %+v", name, k)
		}
	}
}
