package law

import (
	"encoding/binary"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/nl"
)

// Terms are counted on the definition's calendar, in Dutch time.
//
//   - s, m, h add exactly that much time to the start.
//   - d, w add calendar days. The term ends at the end of the last day (00:00 of the next
//     day, Europe/Amsterdam): a melding on Monday with a term of 6w may be answered until
//     the Monday six weeks later, midnight.
//   - wd counts working days after the day of the start (the start day itself never
//     counts, as with every term); the term ends at the end of the last working day.
//   - The day of the event never counts (Atw art. 1, Awb 6:8 and the practice of Awb
//     4:13): a term starts on the day after it, also for an event at 00:00 or a date
//     without a time (a melding "received 2026-04-13" starts its term on 14 April).
//   - A term that runs on from another term's end (a verlenging, Awb 4:14) counts from
//     the day after that term's last day: DueAfterTerm. A verlenging of 2w on a term
//     ending at the end of 14 December ends at the end of 28 December.
//   - After opschorting (Awb 4:15) the rest of a term is counted again in whole days
//     from the day of the resume, with the Atw shift: Resume (terms.go).
//
// Calendars:
//
//   - "nl" (also ""): a working day is not a Saturday, Sunday or algemeen erkende
//     feestdag of the Algemene termijnenwet (Atw) art. 3: Nieuwjaarsdag, tweede Paasdag,
//     Hemelvaartsdag, tweede Pinksterdag, eerste en tweede Kerstdag, Koningsdag (27 April,
//     26 April when the 27th is a Sunday) and Bevrijdingsdag (5 May, every year). Goede
//     Vrijdag is not on the Atw list, although the holiday library lists it. Easter and
//     Whit Sunday are Sundays anyway. Koningsdag is counted as it has been kept since 2014;
//     earlier years hold no deadlines of running cases.
//     A d or w term follows the Atw as well: art. 1, a term whose last day is a Saturday,
//     Sunday or feestdag runs to the end of the next working day; art. 2, a term of at
//     least three days holds at least two working days, or is extended until it does.
//   - "weekdays": a working day is Monday to Friday; d and w terms are not moved.
//
// An unknown calendar name (the loader rejects it) counts as "nl".

// amsterdam is Europe/Amsterdam built from its rule rather than read from the host's
// time zone database, so a deadline computed while a workflow replays on another worker
// (or after the host's tzdata is updated) is the same instant. The rule is the EU's since
// 1996: CET, summer time (CEST) from the last Sunday of March 02:00 to the last Sunday of
// October 03:00. Earlier dates are not deadlines of running cases.
var amsterdam = mustRuleLocation("Europe/Amsterdam", "CET-1CEST,M3.5.0,M10.5.0/3")

// Amsterdam returns Europe/Amsterdam as wijkflow counts terms in it: built from the EU
// rule above, the one zone for dates in data, terms and views in every package.
func Amsterdam() *time.Location { return amsterdam }

// mustRuleLocation builds a location from a POSIX TZ rule by wrapping it in a minimal
// TZif (RFC 8536, version 2) with no transitions: the rule then covers all time.
func mustRuleLocation(name, rule string) *time.Location {
	abbrev := []byte("CET\x00CEST\x00")
	header := func(b []byte) []byte {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		// isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
		for _, n := range []uint32{0, 0, 0, 0, 2, uint32(len(abbrev))} {
			b = binary.BigEndian.AppendUint32(b, n)
		}
		return b
	}
	body := func(b []byte) []byte {
		b = binary.BigEndian.AppendUint32(b, 3600) // CET: UTC+1, standard time
		b = append(b, 0, 0)
		b = binary.BigEndian.AppendUint32(b, 7200) // CEST: UTC+2, summer time
		b = append(b, 1, 4)
		return append(b, abbrev...)
	}
	var data []byte
	data = body(header(data)) // version 1 block, skipped by readers of version 2
	data = body(header(data))
	data = append(data, '\n')
	data = append(data, rule...)
	data = append(data, '\n')
	loc, err := time.LoadLocationFromTZData(name, data)
	if err != nil {
		panic("calendar: " + err.Error()) // a programming error: the data is constant
	}
	return loc
}

// atwHolidays are the algemeen erkende feestdagen of Atw art. 3 (see above).
var atwHolidays = []*cal.Holiday{
	nl.Nieuwjaar, nl.TweedePaasdag, nl.Koningsdag, nl.BevrijdingsDag, nl.Hemelvaart,
	nl.TweedePinksterDag, nl.EersteKerstdag, nl.TweedeKerstdag,
}

// holidayCache holds the feestdagen per year: a working-day count of many weeks asks for
// the same year again and again. Access is guarded, as timers of many cases are
// computed at once.
var holidayCache struct {
	sync.Mutex
	years map[int]map[civilDate]bool
}

// civilDate is a day on the calendar, without a time or a zone.
type civilDate struct {
	year  int
	month time.Month
	day   int
}

// holidaysOf returns the Atw feestdagen of a year.
func holidaysOf(year int) map[civilDate]bool {
	holidayCache.Lock()
	defer holidayCache.Unlock()
	if h, ok := holidayCache.years[year]; ok {
		return h
	}
	h := map[civilDate]bool{}
	for _, hol := range atwHolidays {
		// observed is the day it is kept (Koningsdag on Saturday 26 April when the 27th
		// is a Sunday); for the others it is the day itself. The library builds these
		// dates at midnight in its default zone; only the calendar date is used.
		_, observed := hol.Calc(year)
		if observed.IsZero() {
			continue
		}
		y, m, d := observed.Date()
		h[civilDate{y, m, d}] = true
	}
	if holidayCache.years == nil || len(holidayCache.years) > 400 {
		holidayCache.years = map[int]map[civilDate]bool{}
	}
	holidayCache.years[year] = h
	return h
}

// isFeestdag reports whether the civil date (in Amsterdam) is an Atw feestdag.
func isFeestdag(d civilDate) bool { return holidaysOf(d.year)[d] }

// dayOf is the civil date of t in Amsterdam.
func dayOf(t time.Time) civilDate {
	y, m, d := t.In(amsterdam).Date()
	return civilDate{y, m, d}
}

// next returns the following day.
func (d civilDate) next() civilDate {
	y, m, dd := time.Date(d.year, d.month, d.day+1, 12, 0, 0, 0, time.UTC).Date()
	return civilDate{y, m, dd}
}

// addDays returns the date n days later.
func (d civilDate) addDays(n int) civilDate {
	y, m, dd := time.Date(d.year, d.month, d.day+n, 12, 0, 0, 0, time.UTC).Date()
	return civilDate{y, m, dd}
}

// weekday is the day of the week of the date.
func (d civilDate) weekday() time.Weekday {
	return time.Date(d.year, d.month, d.day, 12, 0, 0, 0, time.UTC).Weekday()
}

// start is the first instant of the date: 00:00 in Amsterdam.
func (d civilDate) start() time.Time {
	return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, amsterdam)
}

// end is the first instant after the date: 00:00 of the next day in Amsterdam.
func (d civilDate) end() time.Time {
	return time.Date(d.year, d.month, d.day+1, 0, 0, 0, 0, amsterdam)
}

// workingDay reports whether the date is a working day on the calendar.
func workingDay(calendar string, d civilDate) bool {
	if wd := d.weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	if calendar == "weekdays" {
		return true
	}
	return !isFeestdag(d)
}

// IsWorkingDay reports whether the day of t (in Amsterdam) is a working day on the
// calendar ("nl", "" or "weekdays").
func IsWorkingDay(calendar string, t time.Time) bool {
	return workingDay(calendar, dayOf(t))
}

// workingDaysBetween counts the working days after from, up to and including to; it
// stops counting at two, which is all Atw art. 2 asks.
func workingDaysBetween(calendar string, from, to civilDate) int {
	n := 0
	for d := from.next(); n < 2; d = d.next() {
		if workingDay(calendar, d) {
			n++
		}
		if d == to {
			break
		}
	}
	return n
}
