package law

import (
	"testing"
	"time"
)

// TestDueDateOnlyAndTimestamp: a melding received as a date ("2026-04-13", 00:00 in
// Amsterdam) and one received at any time of that day start the same term, on the day
// after (Atw art. 1; Awb 4:13). The wants are the exact instants a term ends: 00:00
// after its last day.
func TestDueDateOnlyAndTimestamp(t *testing.T) {
	tests := []struct {
		name, day, dur, want string
	}{
		{"10wd across Koningsdag", "2026-04-13", "10wd", "2026-04-29T00:00:00+02:00"},                  // last day Tue 28-04
		{"2w ends on Koningsdag, Atw art. 1", "2026-04-13", "2w", "2026-04-29T00:00:00+02:00"},         // 27-04 → 28-04
		{"6w ends on tweede Pinksterdag", "2026-04-13", "6w", "2026-05-27T00:00:00+02:00"},             // 25-05 → 26-05
		{"1wd across Bevrijdingsdag", "2026-05-04", "1wd", "2026-05-07T00:00:00+02:00"},                // 05-05 skipped
		{"1w ends on Bevrijdingsdag", "2026-04-28", "1w", "2026-05-07T00:00:00+02:00"},                 // 05-05 → 06-05
		{"2wd across Hemelvaart", "2026-05-13", "2wd", "2026-05-19T00:00:00+02:00"},                    // 14-05 skipped
		{"1w after Hemelvaart week ends on a Friday", "2026-05-08", "1w", "2026-05-16T00:00:00+02:00"}, // 15-05, a Friday
		{"3wd across Kerst", "2026-12-23", "3wd", "2026-12-30T00:00:00+01:00"},                         // 24, 28, 29
		{"1w to Nieuwjaar, across the year end", "2026-12-25", "1w", "2027-01-05T00:00:00+01:00"},      // 01-01 → 04-01
		{"5d to a Saturday after Nieuwjaar", "2026-12-28", "5d", "2027-01-05T00:00:00+01:00"},          // 02-01 → 04-01
		{"5wd across Nieuwjaar", "2026-12-28", "5wd", "2027-01-06T00:00:00+01:00"},                     // 29 30 31 04 05
		{"Wgs art. 4a crisis: 3wd from Friday", "2026-04-24", "3wd", "2026-05-01T00:00:00+02:00"},      // 28 29 30
	}
	for _, tt := range tests {
		for _, clock := range []string{"00:00:00", "00:00:01", "09:30:00", "23:59:59"} {
			t.Run(tt.name+" "+clock, func(t *testing.T) {
				d, err := ParseDuration(tt.dur)
				if err != nil {
					t.Fatal(err)
				}
				start, err := time.ParseInLocation(time.DateTime, tt.day+" "+clock, amsterdam)
				if err != nil {
					t.Fatal(err)
				}
				got := Due("nl", start, d)
				if want := amsTime(t, tt.want); !got.Equal(want) {
					t.Errorf("Due(%s %s, %s) = %s, want %s", tt.day, clock, tt.dur, got.In(amsterdam).Format(time.RFC3339), tt.want)
				}
			})
		}
	}
}

// TestResume: after opschorting (Awb 4:15) the rest of a term counts again in whole
// days from the day after the resume, with the Atw shift, whatever the time of day of
// suspension and resume: the result is always 00:00 after a last day.
func TestResume(t *testing.T) {
	tests := []struct {
		name                   string
		calendar               string
		unit                   Unit
		due, suspended, resume string
		want                   string
	}{
		{"6w, ten days suspended", "nl", Week,
			"2026-05-27T00:00:00+02:00", "2026-04-20T14:00:00+02:00", "2026-04-30T09:13:17.123456789+02:00",
			"2026-06-06T00:00:00+02:00"}, // 36 days remained on 20-04; 30-04 + 36 = Fri 05-06
		{"same day: nothing moves", "nl", Week,
			"2026-05-27T00:00:00+02:00", "2026-04-20T09:00:00+02:00", "2026-04-20T17:00:00+02:00",
			"2026-05-27T00:00:00+02:00"},
		{"rest lands on eerste Kerstdag", "nl", Day,
			"2026-12-19T00:00:00+01:00", "2026-12-11T10:00:00+01:00", "2026-12-18T10:00:00+01:00",
			"2026-12-29T00:00:00+01:00"}, // 7 days: 25-12 → Mon 28-12
		{"rest of three days across Nieuwjaar, Atw art. 2", "nl", Day,
			"2027-01-01T00:00:00+01:00", "2026-12-28T10:00:00+01:00", "2026-12-29T10:00:00+01:00",
			"2027-01-05T00:00:00+01:00"}, // 01-01 → Mon 04-01
		{"weekdays calendar does not shift", "weekdays", Day,
			"2026-12-19T00:00:00+01:00", "2026-12-11T10:00:00+01:00", "2026-12-18T10:00:00+01:00",
			"2026-12-26T00:00:00+01:00"},
		{"10wd across Koningsdag and Bevrijdingsdag", "nl", WorkingDay,
			"2026-04-29T00:00:00+02:00", "2026-04-15T11:00:00+02:00", "2026-04-22T16:45:00.5+02:00",
			"2026-05-07T00:00:00+02:00"}, // 8 working days remained: 23 24 28 29 30 01 04 06
		{"wd term ending on the suspension day", "nl", WorkingDay,
			"2026-04-16T00:00:00+02:00", "2026-04-15T11:00:00+02:00", "2026-04-25T10:00:00+02:00",
			"2026-04-29T00:00:00+02:00"}, // resumed on a Saturday; Mon 27-04 is Koningsdag
		{"hours move exactly", "nl", Hour,
			"2026-04-15T20:00:00+02:00", "2026-04-15T11:00:00+02:00", "2026-04-15T12:30:00+02:00",
			"2026-04-15T21:30:00+02:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Resume(tt.calendar, tt.unit, amsTime(t, tt.due), amsTime(t, tt.suspended), amsTime(t, tt.resume))
			if want := amsTime(t, tt.want); !got.Equal(want) {
				t.Errorf("Resume = %s, want %s", got.In(amsterdam).Format(time.RFC3339Nano), tt.want)
			}
		})
	}
}

func TestLastDay(t *testing.T) {
	for in, want := range map[string]string{
		"2026-04-29T00:00:00+02:00": "2026-04-28",
		"2026-04-28T23:59:00+02:00": "2026-04-28",
		"2026-12-31T23:30:00Z":      "2027-01-01",
	} {
		if got := LastDay(amsTime(t, in)); got != want {
			t.Errorf("LastDay(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestResumeFromTheNominalEnd: the rest of a term after opschorting runs from its end
// before the Atw moved it, so the days the Atw added are not counted twice.
func TestResumeFromTheNominalEnd(t *testing.T) {
	start := amsTime(t, "2026-12-11T09:00:00+01:00")
	d := Duration{2, Week}
	due, nominal := Due("nl", start, d), Nominal("nl", start, d)
	if !due.Equal(amsTime(t, "2026-12-29T00:00:00+01:00")) || !nominal.Equal(amsTime(t, "2026-12-26T00:00:00+01:00")) {
		t.Fatalf("due %v, nominal %v", due, nominal) // nominal: Kerst, moved to Monday 28-12
	}
	// Suspended Monday 14-12, resumed Wednesday 16-12: two days; 25-12 + 2 = Sunday 27-12,
	// moved to Monday 28-12 (not 30-12, counting from the moved end).
	got, newNominal := ResumeNominal("nl", Week, due, nominal, amsTime(t, "2026-12-14T10:00:00+01:00"), amsTime(t, "2026-12-16T10:00:00+01:00"))
	if !got.Equal(amsTime(t, "2026-12-29T00:00:00+01:00")) || !newNominal.Equal(amsTime(t, "2026-12-28T00:00:00+01:00")) {
		t.Errorf("ResumeNominal = %v (nominal %v)", got.In(amsterdam), newNominal.In(amsterdam))
	}
	if old := Resume("nl", Week, due, amsTime(t, "2026-12-14T10:00:00+01:00"), amsTime(t, "2026-12-16T10:00:00+01:00")); !old.Equal(amsTime(t, "2026-12-31T00:00:00+01:00")) {
		t.Errorf("Resume from the moved end = %v", old.In(amsterdam))
	}
}
