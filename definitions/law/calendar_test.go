package law

import (
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the reference zone for TestAmsterdamMatchesTZDatabase on any host
)

// amsTime parses a time written with its offset, e.g. "2026-12-29T00:00:00+01:00", and
// fractions of a second if any (time.Parse reads them after the seconds).
func amsTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestDue(t *testing.T) {
	tests := []dueCase{
		// d and w: to the end of the last day.
		{"6w Wmo onderzoek", "nl", "2026-11-02T10:00:00+01:00", "6w", "2026-12-15T00:00:00+01:00"},
		{"default calendar is nl", "", "2026-12-11T09:00:00+01:00", "2w", "2026-12-29T00:00:00+01:00"},
		{"ends on Kerst, moves past the weekend", "nl", "2026-12-11T09:00:00+01:00", "2w", "2026-12-29T00:00:00+01:00"},
		{"ends on Nieuwjaar, across the year", "nl", "2026-12-25T09:00:00+01:00", "1w", "2027-01-05T00:00:00+01:00"},
		{"Goede Vrijdag is a working day (Atw)", "nl", "2027-03-19T09:00:00+01:00", "7d", "2027-03-27T00:00:00+01:00"},
		{"ends on tweede Paasdag, Atw art. 2", "nl", "2027-03-26T09:00:00+01:00", "3d", "2027-04-01T00:00:00+02:00"},
		{"Kerst weekend, Atw art. 2 adds a day", "nl", "2027-12-24T09:00:00+01:00", "3 dagen", "2027-12-29T00:00:00+01:00"},
		{"ends on Hemelvaart", "nl", "2026-05-07T09:00:00+02:00", "1w", "2026-05-16T00:00:00+02:00"},
		{"ends on tweede Pinksterdag", "nl", "2026-05-11T09:00:00+02:00", "2 weken", "2026-05-27T00:00:00+02:00"},
		{"ends on Koningsdag", "nl", "2026-04-20T09:00:00+02:00", "1w", "2026-04-29T00:00:00+02:00"},
		{"Koningsdag on Saturday 26 April (27th a Sunday)", "nl", "2031-04-20T09:00:00+02:00", "6d", "2031-04-29T00:00:00+02:00"},
		{"ends on Bevrijdingsdag", "nl", "2026-04-28T09:00:00+02:00", "1w", "2026-05-07T00:00:00+02:00"},
		{"weekdays calendar does not move Kerst", "weekdays", "2026-12-11T09:00:00+01:00", "2w", "2026-12-26T00:00:00+01:00"},
		{"weekdays calendar does not move a Saturday", "weekdays", "2026-11-07T09:00:00+01:00", "1w", "2026-11-15T00:00:00+01:00"},
		{"spring DST inside the term", "weekdays", "2026-03-28T12:00:00+01:00", "1d", "2026-03-30T00:00:00+02:00"},
		{"spring DST, Sunday moves to Monday", "nl", "2026-03-28T12:00:00+01:00", "1d", "2026-03-31T00:00:00+02:00"},
		{"autumn DST inside the term", "weekdays", "2026-10-24T12:00:00+02:00", "1d", "2026-10-26T00:00:00+01:00"},
		{"start day is the day in Amsterdam, not UTC", "nl", "2026-11-01T23:30:00Z", "1d", "2026-11-04T00:00:00+01:00"},
		// wd: working days after the start day.
		{"3wd over Kerst", "nl", "2026-12-24T14:00:00+01:00", "3wd", "2026-12-31T00:00:00+01:00"},
		{"5wd over Nieuwjaar", "nl", "2026-12-28T09:00:00+01:00", "5 werkdagen", "2027-01-06T00:00:00+01:00"},
		{"2wd over Pasen", "nl", "2026-04-02T09:00:00+02:00", "2wd", "2026-04-08T00:00:00+02:00"},
		{"1wd over Hemelvaart", "nl", "2026-05-13T09:00:00+02:00", "1wd", "2026-05-16T00:00:00+02:00"},
		{"1wd over Koningsdag", "nl", "2026-04-24T09:00:00+02:00", "1wd", "2026-04-29T00:00:00+02:00"},
		{"3wd over Kerst, weekdays calendar", "weekdays", "2026-12-24T14:00:00+01:00", "3wd", "2026-12-30T00:00:00+01:00"},
		{"1wd from a Sunday", "nl", "2026-11-01T11:00:00+01:00", "1wd", "2026-11-03T00:00:00+01:00"},
		{"30wd: six weeks without feestdagen", "nl", "2026-11-02T09:00:00+01:00", "30wd", "2026-12-15T00:00:00+01:00"},
		// 00:00 is an event on that day like any other: its day does not count.
		{"date-only melding, 1d", "nl", "2026-11-02T00:00:00+01:00", "1d", "2026-11-04T00:00:00+01:00"},
		{"midnight event after the DST switch", "weekdays", "2026-03-30T00:00:00+02:00", "1d", "2026-04-01T00:00:00+02:00"},
		// s, m, h: exact.
		{"24h across spring DST is 24 real hours", "nl", "2026-03-28T12:00:00+01:00", "24h", "2026-03-29T13:00:00+02:00"},
		{"30m", "nl", "2026-12-25T23:45:00+01:00", "30m", "2026-12-26T00:15:00+01:00"},
		{"90s", "nl", "2026-11-25T12:00:00Z", "90s", "2026-11-25T12:01:30Z"},
	}
	runDueTests(t, Due, tests)
}

// TestDueAfterTerm: a term that runs on from another term's end (verlenging).
func TestDueAfterTerm(t *testing.T) {
	tests := []dueCase{
		// 00:00 is the end of the day before: a term runs on from another term's end.
		{"2w verlenging of a term ending 14 December", "nl", "2026-12-15T00:00:00+01:00", "2w", "2026-12-29T00:00:00+01:00"},
		{"5wd on from a term ending on a Friday", "nl", "2026-11-07T00:00:00+01:00", "5wd", "2026-11-14T00:00:00+01:00"},
		{"a second after midnight is the new day", "nl", "2026-12-15T00:00:01+01:00", "2w", "2026-12-30T00:00:00+01:00"},
		{"midnight start after the DST switch", "weekdays", "2026-03-30T00:00:00+02:00", "1d", "2026-03-31T00:00:00+02:00"},
		{"a term ending mid-day counts from the next day", "nl", "2026-12-15T10:00:00+01:00", "2w", "2026-12-30T00:00:00+01:00"},
		{"hours move exactly", "nl", "2026-12-15T00:00:00+01:00", "5h", "2026-12-15T05:00:00+01:00"},
	}
	runDueTests(t, DueAfterTerm, tests)
}

// dueCase is a term from start (RFC 3339) and where it must end.
type dueCase struct {
	name     string
	calendar string
	start    string
	dur      string
	want     string
}

// runDueTests runs a table of terms through due.
func runDueTests(t *testing.T, due func(string, time.Time, Duration) time.Time, tests []dueCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDuration(tt.dur)
			if err != nil {
				t.Fatal(err)
			}
			got := due(tt.calendar, amsTime(t, tt.start), d)
			want := amsTime(t, tt.want)
			if !got.Equal(want) {
				t.Errorf("Due(%q, %s, %s) = %s, want %s", tt.calendar, tt.start, tt.dur,
					got.In(amsterdam).Format(time.RFC3339), tt.want)
			}
		})
	}
}

func TestIsWorkingDay(t *testing.T) {
	tests := []struct {
		day      string
		nl, wdys bool
	}{
		{"2026-11-25T12:00:00+01:00", true, true},   // an ordinary Wednesday
		{"2026-11-28T12:00:00+01:00", false, false}, // Saturday
		{"2026-11-29T12:00:00+01:00", false, false}, // Sunday
		{"2027-01-01T12:00:00+01:00", false, true},  // Nieuwjaarsdag
		{"2026-04-03T12:00:00+02:00", true, true},   // Goede Vrijdag: not in the Atw
		{"2026-04-06T12:00:00+02:00", false, true},  // tweede Paasdag
		{"2026-04-27T12:00:00+02:00", false, true},  // Koningsdag
		{"2025-04-28T12:00:00+02:00", true, true},   // Monday after a Sunday 27 April
		{"2026-05-05T12:00:00+02:00", false, true},  // Bevrijdingsdag
		{"2026-05-14T12:00:00+02:00", false, true},  // Hemelvaartsdag
		{"2026-05-25T12:00:00+02:00", false, true},  // tweede Pinksterdag
		{"2026-12-25T12:00:00+01:00", false, true},  // eerste Kerstdag
		{"2027-12-27T12:00:00+01:00", true, true},   // Monday after Kerst on a weekend
		{"2026-12-24T23:30:00Z", false, true},       // 00:30 on Kerst in Amsterdam
		{"2026-12-25T22:59:59Z", false, true},       // 23:59:59 on Kerst
		{"2026-12-25T23:00:00Z", false, false},      // 00:00 on tweede Kerstdag, a Saturday
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			at := amsTime(t, tt.day)
			if got := IsWorkingDay("nl", at); got != tt.nl {
				t.Errorf("IsWorkingDay(nl) = %v, want %v", got, tt.nl)
			}
			if got := IsWorkingDay("", at); got != tt.nl {
				t.Errorf("IsWorkingDay(\"\") = %v, want %v", got, tt.nl)
			}
			if got := IsWorkingDay("weekdays", at); got != tt.wdys {
				t.Errorf("IsWorkingDay(weekdays) = %v, want %v", got, tt.wdys)
			}
		})
	}
}

// TestAmsterdamMatchesTZDatabase checks the rule-built zone against the tz database for
// every hour of 1997–2037.
func TestAmsterdamMatchesTZDatabase(t *testing.T) {
	ref, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2038, 1, 1, 0, 0, 0, 0, time.UTC)
	for at := time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC); at.Before(end); at = at.Add(time.Hour) {
		gotName, gotOff := at.In(amsterdam).Zone()
		wantName, wantOff := at.In(ref).Zone()
		if gotName != wantName || gotOff != wantOff {
			t.Fatalf("at %s: zone %s%+d, tz database says %s%+d", at, gotName, gotOff, wantName, wantOff)
		}
	}
}

func TestDueLongTermsEnd(t *testing.T) {
	start := amsTime(t, "2026-11-25T12:00:00+01:00")
	for _, s := range []string{"100000wd", "100000w", "100000d"} {
		t.Run(s, func(t *testing.T) {
			d, err := ParseDuration(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := Due("nl", start, d); !got.After(start.AddDate(100, 0, 0)) {
				t.Errorf("Due(%s) = %s, want centuries later", s, got)
			}
		})
	}
}

func TestDueConcurrent(t *testing.T) {
	// Many workflows compute timers at once; under -race this guards the holiday cache.
	start := amsTime(t, "2026-12-24T14:00:00+01:00")
	want := amsTime(t, "2026-12-31T00:00:00+01:00")
	var wg sync.WaitGroup
	errs := make(chan time.Time, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := Due("nl", start, Duration{N: 3, Unit: WorkingDay}); !got.Equal(want) {
				errs <- got
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("Due = %s, want %s", got, want)
	}
}

func BenchmarkDue30wd(b *testing.B) {
	start := time.Date(2026, 11, 25, 12, 0, 0, 0, amsterdam)
	d := Duration{N: 30, Unit: WorkingDay}
	for b.Loop() {
		Due("nl", start, d)
	}
}
