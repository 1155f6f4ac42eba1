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
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tCHANGED\tOLD\tNEW")
	differ, total := compareCases(old, new, func(o, n Result) []part {
		op, od, oe, oend := o.Cells()
		np, nd, ne, nend := n.Cells()
		return []part{{"path", op, np}, {"deadlines", od, nd}, {"escalations", oe, ne}, {"end", oend, nend}}
	}, func(name string, inNew bool) {
		if inNew {
			fmt.Fprintf(tw, "%s\tcase\t-\tonly in the new version\n", name)
		} else {
			fmt.Fprintf(tw, "%s\tcase\tonly in the old version\t-\n", name)
		}
	}, func(name string, p part) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, p.what, p.old, p.new)
	})
	tw.Flush()
	fmt.Fprintf(w, "%d of %d cases differ\n", differ, total)
	return differ
}

// part is one aspect of a case's result (its path, terms, end, …) as each version has it.
type part struct{ what, old, new string }

// compareCases walks the cases of two runs in byCase's order and reports every
// difference: a case only one version has (only), or a part whose old and new text
// differ (changed). It returns how many cases differ, and how many there are.
func compareCases(old, new []Result, parts func(o, n Result) []part,
	only func(name string, inNew bool), changed func(name string, p part)) (differ, total int) {
	names, o, n := byCase(old, new)
	for _, name := range names {
		or, okO := o[name]
		nr, okN := n[name]
		if !okO || !okN {
			only(name, okN)
			differ++
			continue
		}
		same := true
		for _, p := range parts(or, nr) {
			if p.old != p.new {
				changed(name, p)
				same = false
			}
		}
		if !same {
			differ++
		}
	}
	return differ, len(names)
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
