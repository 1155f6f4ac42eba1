package law

import "time"

// Due returns the instant a term of d ends when the event that starts it happened at
// start, counted on the calendar as described at the top of calendar.go: the day of
// the event does not count, whatever the time of day (a date without a time is 00:00
// of that day). It reads no clock: a workflow may call it.
func Due(calendar string, start time.Time, d Duration) time.Time {
	if f, ok := d.Fixed(); ok {
		return start.Add(f)
	}
	return dueAfterDay(calendar, dayOf(start), d, start)
}

// DueAfterTerm returns the end of a term of d that runs on from the end of another term
// (verlenging, Awb 4:14): end is that term's end as Due writes it, 00:00 after its last
// day, and the new term counts from the day after that last day. An end that is not at
// 00:00 counts as an event on its own day, as in Due.
//
// Cases started before the Awb counting (workflow version "awb-terms" 1) count every
// term this way; a date-only melding then counted its own day.
func DueAfterTerm(calendar string, end time.Time, d Duration) time.Time {
	if f, ok := d.Fixed(); ok {
		return end.Add(f)
	}
	return dueAfterDay(calendar, lastDayOf(end), d, end)
}

// lastDayOf is the day a term ending at t ends: the day before when t is 00:00 in
// Amsterdam (the end of a day), else the day of t.
func lastDayOf(t time.Time) civilDate {
	day := dayOf(t)
	if t.In(amsterdam).Equal(day.start()) {
		return day.addDays(-1)
	}
	return day
}

// LastDay is the last day of a term that ends at t, as a date ("2026-04-28"), for
// people: a term that ends at 00:00 ends with the day before.
func LastDay(t time.Time) string {
	d := lastDayOf(t)
	return time.Date(d.year, d.month, d.day, 12, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// dueAfterDay counts a calendar term of d from the day after first (see calendar.go);
// start is returned for a zero or unknown duration.
func dueAfterDay(calendar string, first civilDate, d Duration, start time.Time) time.Time {
	switch d.Unit {
	case WorkingDay:
		day := first
		for n := 0; n < d.N; {
			day = day.next()
			if workingDay(calendar, day) {
				n++
			}
		}
		return day.end()
	case Week, Day:
		days := d.N
		if d.Unit == Week {
			days *= 7
		}
		return atwEnd(calendar, first, first.addDays(days), days).end()
	}
	// A zero or unknown duration ends where it starts.
	return start
}

// atwEnd applies the Algemene termijnenwet to a term of days that runs from the day
// after first to last: art. 1, a term whose last day is a Saturday, Sunday or feestdag
// runs to the end of the next working day; art. 2, a term of at least three days holds
// at least two working days, or is extended until it does. The "weekdays" calendar does
// not move terms.
func atwEnd(calendar string, first, last civilDate, days int) civilDate {
	if calendar == "weekdays" {
		return last
	}
	for !workingDay(calendar, last) {
		last = last.next()
	}
	if days >= 3 {
		for workingDaysBetween(calendar, first, last) < 2 {
			last = last.next()
		}
	}
	return last
}

// Nominal is the end of a term of d from start before the Algemene termijnenwet moves
// it (art. 1 and 2): for d and w the end of the day the days run out; otherwise Due.
// Resume counts the rest of a term from it, so a suspension does not add the days the
// Atw added to the old end.
func Nominal(calendar string, start time.Time, d Duration) time.Time {
	switch d.Unit {
	case Day, Week:
		days := d.N
		if d.Unit == Week {
			days *= 7
		}
		return dayOf(start).addDays(days).end()
	}
	return Due(calendar, start, d)
}

// ResumeNominal is Resume counted from the term's nominal end (see Nominal): the rest
// of a d or w term is the days from the day of the suspension to its nominal last day,
// counted again from the day of the resume, and only then moved by the Atw. It returns
// the new end and the new nominal end. A zero nominal counts from due, as Resume.
func ResumeNominal(calendar string, unit Unit, due, nominal, suspended, resumed time.Time) (time.Time, time.Time) {
	if nominal.IsZero() || (unit != Day && unit != Week) {
		d := Resume(calendar, unit, due, suspended, resumed)
		if nominal.IsZero() {
			return d, time.Time{}
		}
		return d, d
	}
	s, r := dayOf(suspended), dayOf(resumed)
	rest := daysBetween(s, lastDayOf(nominal))
	if rest < 0 {
		rest = 0
	}
	last := r.addDays(rest)
	return atwEnd(calendar, r, last, rest).end(), last.end()
}

// Resume returns where a pending moment of a clock lands after opschorting (Awb 4:15):
// the term was suspended from the day after suspended up to and including the day of
// resumed, so the rest of the term that remained on the day of the suspension is
// counted again from the day after the resume. unit is the unit of the term that set
// due:
//
//   - d, w: the remaining calendar days count again from the day after the resume, and
//     the Atw shift applies anew (art. 1; art. 2 for a rest of three days or more);
//   - wd: the remaining working days count again after the day of the resume;
//   - s, m, h (and an unknown unit): due moves by exactly the time the clock stood still.
//
// A term always ends at the end of a day in Europe/Amsterdam, so a resume at any time of
// day gives the same deadline as one at 09:00: no seconds or nanoseconds creep in. A
// suspension and a resume on the same day leave the term as it was.
func Resume(calendar string, unit Unit, due, suspended, resumed time.Time) time.Time {
	s, r := dayOf(suspended), dayOf(resumed)
	switch unit {
	case Day, Week:
		rest := daysBetween(s, lastDayOf(due))
		if rest < 0 {
			rest = 0
		}
		return atwEnd(calendar, r, r.addDays(rest), rest).end()
	case WorkingDay:
		rest := 0
		for d, last := s.next(), lastDayOf(due); !last.before(d); d = d.next() {
			if workingDay(calendar, d) {
				rest++
			}
		}
		if rest == 0 { // the term ended on the day of the suspension: it ends on that of the resume
			day := r
			for !workingDay(calendar, day) {
				day = day.next()
			}
			return day.end()
		}
		return dueAfterDay(calendar, r, Duration{N: rest, Unit: WorkingDay}, resumed)
	}
	return due.Add(resumed.Sub(suspended))
}

// daysBetween is the number of days from a to b (negative when b is earlier).
func daysBetween(a, b civilDate) int {
	ta := time.Date(a.year, a.month, a.day, 12, 0, 0, 0, time.UTC)
	tb := time.Date(b.year, b.month, b.day, 12, 0, 0, 0, time.UTC)
	return int(tb.Sub(ta).Hours() / 24)
}

// before reports whether d is a day before e.
func (d civilDate) before(e civilDate) bool {
	if d.year != e.year {
		return d.year < e.year
	}
	if d.month != e.month {
		return d.month < e.month
	}
	return d.day < e.day
}
