package words

import (
	"strconv"
	"strings"
	"time"
)

// formatArg renders one argument with its formatter.
func formatArg(format, v string, l Lang) string {
	switch format {
	case "duration":
		return Duration(v, l)
	case "list":
		return List(strings.Split(v, ","), l)
	case "or": // "a or b or c": a choice, each named as one
		if l == NL {
			return strings.Join(strings.Split(v, ","), " of ")
		}
		return strings.Join(strings.Split(v, ","), " or ")
	case "date":
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return Date(t, l)
		}
		return v
	case "quote":
		if l == NL {
			return "„" + v + "”"
		}
		return strconv.Quote(v)
	}
	return v
}

// unitWords are the singular and plural of each duration unit.
var unitWords = map[string]map[Lang][2]string{
	"s":  {NL: {"seconde", "seconden"}, EN: {"second", "seconds"}},
	"m":  {NL: {"minuut", "minuten"}, EN: {"minute", "minutes"}},
	"h":  {NL: {"uur", "uur"}, EN: {"hour", "hours"}},
	"d":  {NL: {"dag", "dagen"}, EN: {"day", "days"}},
	"w":  {NL: {"week", "weken"}, EN: {"week", "weeks"}},
	"wd": {NL: {"werkdag", "werkdagen"}, EN: {"working day", "working days"}},
}

// Duration reads a term written as wijkflow writes it ("2w", "10wd", "3d") as people
// say it: "2 weken", "10 werkdagen", "3 dagen" (or in English). Text that is no such
// term is returned as it is.
func Duration(v string, l Lang) string {
	v = strings.TrimSpace(v)
	i := 0
	for i < len(v) && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(v[:i])
	w, ok := unitWords[v[i:]]
	if i == 0 || err != nil || !ok {
		return v
	}
	names := w[l]
	if names[0] == "" {
		names = w[EN]
	}
	switch n {
	case 0: // "0 dagen" is not how anyone says it
		if l == NL {
			return "minder dan een " + names[0]
		}
		return "less than a " + names[0]
	case 1:
		return "1 " + names[0]
	}
	return strconv.Itoa(n) + " " + names[1]
}

// List joins items as a sentence does: "a, b en c" (or "a, b and c").
func List(items []string, l Lang) string {
	var xs []string
	for _, x := range items {
		if x = strings.TrimSpace(x); x != "" {
			xs = append(xs, x)
		}
	}
	and := " and "
	if l == NL {
		and = " en "
	}
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + and + xs[len(xs)-1]
}

// monthNames are the months as a date is written in each language.
var monthNames = map[Lang][12]string{
	NL: {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
		"oktober", "november", "december"},
	EN: {"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"},
}

// Date writes the day of t, in t's own zone, as people write it: "13 april 2026" (or
// "13 April 2026"). A message carries a day as "2026-04-13" and says it with {x:date}.
func Date(t time.Time, l Lang) string {
	names, ok := monthNames[l]
	if !ok {
		names = monthNames[EN]
	}
	return strconv.Itoa(t.Day()) + " " + names[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
