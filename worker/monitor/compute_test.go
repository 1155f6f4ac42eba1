package monitor

import (
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/workflows"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, law.Amsterdam())
	if err != nil {
		panic(err)
	}
	return t
}

// legal is a Wmo term of a case from received to due, ended (zero: open).
func legal(task, due, ended string) workflows.TermFact {
	tf := workflows.TermFact{Task: workflows.FactID(task), Step: "onderzoek", Kind: workflows.TermLegal,
		Article: "Wmo 2015 art. 2.3.2 lid 1", Due: day(due)}
	if ended != "" {
		tf.Ended = day(ended)
	}
	return tf
}

func TestComputeCountsEveryFigure(t *testing.T) {
	now := day("2026-12-22 12:00") // a Tuesday before Christmas
	closed := func(id, recv, end string, terms ...workflows.TermFact) Case {
		return Case{ID: id, Team: "noord", Start: day(recv), Close: day(end), Facts: &workflows.Facts{
			Gemeente: "dalfsen", Team: "noord", Received: day(recv), Closed: day(end), Result: "afgerond", Terms: terms,
			Steps: []workflows.StepFact{{Step: "onderzoek", Entered: day(recv), Left: day(end)}}}}
	}
	open := func(id, recv string, terms ...workflows.TermFact) Case {
		return Case{ID: id, Team: "noord", Start: day(recv), Facts: &workflows.Facts{Gemeente: "dalfsen", Team: "noord",
			Received: day(recv), Terms: terms, Tasks: []workflows.TaskFact{{Task: "onderzoek-1", Step: "onderzoek", Roles: []workflows.FactID{"wijkcoach"}, Opened: day(recv)}}}}
	}
	late := closed("late", "2026-10-01 09:00", "2026-11-16 10:00", legal("onderzoek-1", "2026-11-12 00:00", "2026-11-16 10:00"))
	late.Facts.Suspensions, late.Facts.SuspendedDays = 1, 5
	late.Facts.Terms[0].SuspendedDays = 5
	ext := closed("verlengd", "2026-11-02 09:00", "2026-12-01 09:00", legal("onderzoek-1", "2026-12-28 00:00", "2026-12-01 09:00"))
	ext.Facts.Extensions, ext.Facts.Terms[0].Extended = 1, true
	cases := []Case{
		closed("optijd", "2026-11-02 09:00", "2026-11-20 16:00", legal("onderzoek-1", "2026-12-14 00:00", "2026-11-20 16:00")),
		late, ext,
		// 23, 24, 28, 29, 30 December: five working days (25 and 26 are Christmas).
		open("risico", "2026-11-20 09:00", legal("onderzoek-1", "2026-12-31 00:00", "")),
		// Six working days: not at risk.
		open("ruim", "2026-11-20 09:00", legal("onderzoek-1", "2027-01-01 00:00", "")),
		{ID: "oud", Start: day("2026-11-03 09:00")}, // no facts record
	}
	got := Compute(Period{Gemeente: "dalfsen", From: day("2026-11-01 00:00"), To: day("2026-12-23 00:00")}, cases, now)
	f := got.Figures
	check := func(name string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", name, got, want)
		}
	}
	check("open", f.Open.N, 3)
	check("closed", f.Closed.N, 3)
	check("without facts", f.WithoutFacts.N, 1)
	// 18, 46 and 29 days from the receipt.
	check("doorlooptijd n", f.Doorlooptijd.N, 3)
	check("doorlooptijd median", f.Doorlooptijd.Median, 29)
	check("doorlooptijd p80", f.Doorlooptijd.P80, 46)
	check("doorlooptijd p95", f.Doorlooptijd.P95, 46)
	if len(f.Terms) != 1 {
		t.Fatalf("terms = %+v", f.Terms)
	}
	r := f.Terms[0]
	check("met", r.Met.N, 2)
	check("missed", r.Missed.N, 1)
	// Last day 11 November, done on the 16th.
	check("missed by", r.MissedDays.Median, 5)
	check("at risk", r.AtRisk.N, 1)
	check("open late", r.OpenLate.N, 0)
	check("suspended terms", r.Suspended.N, 1)
	check("extended terms", r.Extended.N, 1)
	check("suspensions", f.Suspensions.N, 1)
	check("suspended days", f.Suspensions.Days, 5)
	check("extensions", f.Extensions.N, 1)
	if ids := got.CasesOf(r.AtRisk.Key); len(ids) != 1 || ids[0] != "risico" {
		t.Errorf("cases at risk = %v", ids)
	}
	if ids := got.CasesOf(r.Missed.Key); len(ids) != 1 || ids[0] != "late" {
		t.Errorf("cases missed = %v", ids)
	}
	check("results afgerond", f.Results[0].N, 3)
	check("team cases", f.Teams[0].Cases.N, 2)
	check("role tasks", f.Roles[0].Tasks.N, 2)
	if f.Oldest == nil || f.Oldest.Days != 32 {
		t.Errorf("oldest = %+v", f.Oldest)
	}
}

func TestWorkingDaysLeftSkipsHolidays(t *testing.T) {
	for _, c := range []struct {
		now, due string
		want     int
	}{
		{"2026-12-03 12:00", "2026-12-11 00:00", 5}, // Fri 4, Mon 7 .. Thu 10
		{"2026-12-03 12:00", "2026-12-12 00:00", 6},
		{"2026-12-22 12:00", "2026-12-31 00:00", 5}, // Christmas is no working day
	} {
		if got := workingDaysLeft("nl", day(c.now), day(c.due)); got != c.want {
			t.Errorf("%s to %s = %d, want %d", c.now, c.due, got, c.want)
		}
	}
}
