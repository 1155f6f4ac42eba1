package law

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Unit is the unit of a Duration.
type Unit string

// The duration units.
const (
	Second     Unit = "s"
	Minute     Unit = "m"
	Hour       Unit = "h"
	Day        Unit = "d"
	Week       Unit = "w"
	WorkingDay Unit = "wd"
)

// Duration is a term as a process designer writes it: a count and a unit. Calendar
// units (d, w) and working days (wd) are counted on the definition's calendar, so a
// Duration is not a time.Duration. It is written as "6w" in JSON.
type Duration struct {
	N    int
	Unit Unit
}

// unitWords maps every accepted spelling to its unit.
var unitWords = map[string]Unit{
	"s": Second, "sec": Second, "seconde": Second, "seconden": Second,
	"m": Minute, "min": Minute, "minuut": Minute, "minuten": Minute,
	"h": Hour, "u": Hour, "uur": Hour, "uren": Hour,
	"d": Day, "dag": Day, "dagen": Day,
	"w": Week, "week": Week, "weken": Week,
	"wd": WorkingDay, "werkdag": WorkingDay, "werkdagen": WorkingDay,
}

// maxDurationCount bounds N so that adding a duration never overflows time arithmetic.
const maxDurationCount = 100000

// ParseDuration reads "6w", "42d", "30wd", "6 weken" or "10 werkdagen".
func ParseDuration(s string) (Duration, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	// Built only on failure: decoding a case's definition parses many durations.
	hint := func() error {
		return fmt.Errorf("%q is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)", s)
	}
	if i == 0 || i > 6 {
		return Duration{}, hint()
	}
	n, err := strconv.Atoi(t[:i])
	if err != nil {
		return Duration{}, hint()
	}
	u, ok := unitWords[strings.TrimSpace(t[i:])]
	if !ok {
		return Duration{}, hint()
	}
	if n <= 0 || n > maxDurationCount {
		return Duration{}, fmt.Errorf("%q must be a count from 1 to %d, e.g. 1%s", s, maxDurationCount, u)
	}
	return Duration{N: n, Unit: u}, nil
}

// String writes the canonical form, e.g. "6w".
func (d Duration) String() string {
	if d.N == 0 {
		return ""
	}
	return strconv.Itoa(d.N) + string(d.Unit)
}

// IsZero reports whether the duration is unset.
func (d Duration) IsZero() bool { return d.N == 0 }

// Fixed returns the length of a duration in clock units (s, m, h) and false for
// calendar units, whose length depends on the calendar and the start.
func (d Duration) Fixed() (time.Duration, bool) {
	switch d.Unit {
	case Second:
		return time.Duration(d.N) * time.Second, true
	case Minute:
		return time.Duration(d.N) * time.Minute, true
	case Hour:
		return time.Duration(d.N) * time.Hour, true
	}
	return 0, false
}

// Approx returns a rough length (a working day as a day, a week as 7 days), for ordering
// durations of different units, e.g. the rungs of an escalation ladder.
func (d Duration) Approx() time.Duration {
	if f, ok := d.Fixed(); ok {
		return f
	}
	day := 24 * time.Hour
	switch d.Unit {
	case Week:
		return time.Duration(d.N) * 7 * day
	case WorkingDay:
		return time.Duration(d.N) * 7 * day / 5
	}
	return time.Duration(d.N) * day
}

// MarshalJSON writes the canonical string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads the canonical string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Duration{}
		return nil
	}
	p, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
