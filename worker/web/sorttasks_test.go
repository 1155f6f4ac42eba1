package web

import (
	"slices"
	"testing"
	"time"
)

// TestSortTasksAsTheAPI: rows joined from views fall where GET /tasks?order=urgency
// puts them: past the term first, then the nearest deadline, the longest open, ids;
// tasks without a deadline last.
func TestSortTasksAsTheAPI(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	ptr := func(t time.Time) *time.Time { return &t }
	rows := []inboxTask{
		{CaseID: "case-n", ID: "t1", Opened: day("2026-01-01")},
		{CaseID: "case-b", ID: "t1", Opened: day("2026-02-01"), Deadline: ptr(day("2026-03-01"))},
		{CaseID: "case-l", ID: "t1", Opened: day("2026-01-20"), Deadline: ptr(day("2026-02-01")), Overdue: true},
		{CaseID: "case-a", ID: "t2", Opened: day("2026-01-15"), Deadline: ptr(day("2026-03-01"))},
		{CaseID: "case-a", ID: "t1", Opened: day("2026-01-15"), Deadline: ptr(day("2026-03-01"))},
		{CaseID: "case-m", ID: "t1", Opened: day("2025-12-01")},
	}
	sortTasks(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.CaseID+"/"+r.ID)
	}
	want := []string{"case-l/t1", "case-a/t1", "case-a/t2", "case-b/t1", "case-m/t1", "case-n/t1"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
