package simulate

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// Cells are a result's columns as the table shows them.
func (r Result) Cells() (path, deadlines, escalations, end string) {
	path = strings.Join(r.Path, " → ")
	var ds []string
	for _, d := range r.Deadlines {
		ds = append(ds, d.String())
	}
	deadlines = orDash(strings.Join(ds, ", "))
	escalations = orDash(strings.Join(r.Escalations, "; "))
	return path, deadlines, escalations, r.End
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WriteTable writes one row per case: path taken, deadlines met or missed, escalations
// fired, the end; and after the table, the problems (refused or unused answers, missed
// expectations). It returns how many problems there were.
func WriteTable(w io.Writer, results []Result) int {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tPATH\tDEADLINES\tESCALATIONS\tEND")
	problems := 0
	for _, r := range results {
		path, ds, es, end := r.Cells()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Case, path, ds, es, end)
	}
	tw.Flush()
	for _, r := range results {
		for _, p := range r.Problems {
			fmt.Fprintf(w, "%s: %s\n", r.Case, p)
			problems++
		}
	}
	return problems
}

// WriteComparison writes, per case, what differs between the results of the old and the
// new version of a definition on the same scenarios; it returns how many cases differ.
func WriteComparison(w io.Writer, old, new []Result) int {
	names, o, n := byCase(old, new)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tCHANGED\tOLD\tNEW")
	differ := 0
	for _, name := range names {
		or, okO := o[name]
		nr, okN := n[name]
		switch {
		case !okO:
			fmt.Fprintf(tw, "%s\tcase\t-\tonly in the new version\n", name)
			differ++
			continue
		case !okN:
			fmt.Fprintf(tw, "%s\tcase\tonly in the old version\t-\n", name)
			differ++
			continue
		}
		op, od, oe, oend := or.Cells()
		np, nd, ne, nend := nr.Cells()
		same := true
		for _, c := range []struct{ what, a, b string }{
			{"path", op, np}, {"deadlines", od, nd}, {"escalations", oe, ne}, {"end", oend, nend},
		} {
			if c.a != c.b {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, c.what, c.a, c.b)
				same = false
			}
		}
		if !same {
			differ++
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "%d of %d cases differ\n", differ, len(names))
	return differ
}

// byCase indexes the results of two versions by case name, and lists the names: the new
// version's cases in order, then those only the old one has.
func byCase(old, new []Result) (names []string, o, n map[string]Result) {
	index := func(rs []Result) map[string]Result {
		m := map[string]Result{}
		for _, r := range rs {
			m[r.Case] = r
			if !slices.Contains(names, r.Case) {
				names = append(names, r.Case)
			}
		}
		return m
	}
	n = index(new)
	o = index(old)
	return names, o, n
}
