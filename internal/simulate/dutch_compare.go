package simulate

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// WriteComparisonReport writes in Dutch, per case, what differs between the results of
// the old and the new version of a definition: the part, its old and its new text, no
// line wider than Width. It returns how many cases differ.
func WriteComparisonReport(w io.Writer, old, new []Result) int {
	o, n := map[string]Block{}, map[string]Block{}
	var names []string
	for _, set := range []struct {
		rs []Result
		m  map[string]Block
	}{{new, n}, {old, o}} {
		for _, r := range set.rs {
			if _, seen := o[r.Case]; !seen {
				if _, seen := n[r.Case]; !seen {
					names = append(names, r.Case)
				}
			}
			set.m[r.Case] = r.BlockIn(words.NL)
		}
	}
	say := func(c words.Code, args ...string) string { return words.Msg(c, args...).NL() }
	print := func(text, first, rest string) {
		for _, l := range Wrap(text, first, rest) {
			fmt.Fprintln(w, l)
		}
	}
	differ := 0
	for _, name := range names {
		ob, okO := o[name]
		nb, okN := n[name]
		switch {
		case !okO:
			print(say(words.SimOnlyNew, "case", name), "", "  ")
			differ++
			continue
		case !okN:
			print(say(words.SimOnlyOld, "case", name), "", "  ")
			differ++
			continue
		}
		same := true
		for _, part := range []struct {
			what     words.Code
			old, new string
		}{
			{words.SimPath, strings.Join(ob.Path, " → "), strings.Join(nb.Path, " → ")},
			{words.SimTerms, strings.Join(ob.Terms, "; "), strings.Join(nb.Terms, "; ")},
			{words.SimNotes, strings.Join(ob.Notes, "; "), strings.Join(nb.Notes, "; ")},
			{words.SimEnd, ob.End, nb.End},
		} {
			if part.old == part.new {
				continue
			}
			what := strings.ToLower(strings.TrimSuffix(say(part.what), ":"))
			print(say(words.SimChanged, "case", name, "what", what), "", "  ")
			print(say(words.SimOld)+" "+orNone(part.old), "  ", "       ")
			print(say(words.SimNew)+" "+orNone(part.new), "  ", "       ")
			same = false
		}
		if !same {
			differ++
		}
	}
	fmt.Fprintln(w, say(words.SimDiffer, "n", strconv.Itoa(differ), "total", strconv.Itoa(len(names))))
	return differ
}

func orNone(s string) string {
	if s == "" {
		return words.Msg(words.SimNone).NL()
	}
	return s
}
