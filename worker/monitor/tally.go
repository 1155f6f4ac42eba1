package monitor

import (
	"fmt"
	"slices"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
)

// tally counts figures by key and keeps the cases behind each.
type tally struct {
	n     map[string]int
	cases map[string][]string
	days  map[string][]int
}

func newTally() *tally {
	return &tally{n: map[string]int{}, cases: map[string][]string{}, days: map[string][]int{}}
}

// add counts one under key for case id; a case is listed once per key.
func (t *tally) add(key, id string) {
	t.n[key]++
	if l := t.cases[key]; len(l) == 0 || l[len(l)-1] != id {
		t.cases[key] = append(l, id)
	}
}

// took adds a duration in days under key for case id.
func (t *tally) took(key, id string, days int) {
	t.add(key, id)
	t.days[key] = append(t.days[key], days)
}

func (t *tally) fig(key string) Figure { return Figure{Key: key, N: t.n[key]} }

// spread is the percentiles of the days under key.
func (t *tally) spread(key string) Spread {
	d := slices.Clone(t.days[key])
	slices.Sort(d)
	return Spread{Key: key, N: len(d), Median: rank(d, 50), P80: rank(d, 80), P95: rank(d, 95)}
}

// rank is the p-th percentile of sorted values by nearest rank; 0 for none.
func rank(sorted []int, p int) int {
	if len(sorted) == 0 {
		return 0
	}
	i := (p*len(sorted) + 99) / 100 // ceil(p/100 * n)
	return sorted[max(i, 1)-1]
}

// keysWith are the keys with prefix, sorted.
func (t *tally) keysWith(prefix string) []string {
	var out []string
	for k := range t.n {
		if len(k) > len(prefix) && k[:len(prefix)] == prefix {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// days counts calendar days from a's date to b's date in the Netherlands.
func days(a, b time.Time) int {
	return int(civil(b).Sub(civil(a)) / (24 * time.Hour))
}

func civil(t time.Time) time.Time {
	y, m, d := t.In(law.Amsterdam()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// lastDay is the last day of a term: a deadline at midnight ends the day before.
func lastDay(due time.Time) time.Time {
	t := due.In(law.Amsterdam())
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Add(-time.Minute)
	}
	return t
}

// workingDaysLeft counts the working days after now's day up to and including the
// term's last day, with the calendar of definitions/law.
func workingDaysLeft(calendar string, now, due time.Time) int {
	n := 0
	end := civil(lastDay(due))
	for d := civil(now).AddDate(0, 0, 1); !d.After(end); d = d.AddDate(0, 0, 1) {
		// d is a civil date at UTC midnight; noon in Amsterdam is the same date.
		if law.IsWorkingDay(calendar, time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, law.Amsterdam())) {
			n++
		}
	}
	return n
}

// isoWeek names t's ISO week in the Netherlands: "2026-W49".
func isoWeek(t time.Time) string {
	y, w := t.In(law.Amsterdam()).ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}
