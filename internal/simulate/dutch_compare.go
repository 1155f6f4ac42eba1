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
	names, oldCases, newCases := byCase(old, new)
	say := func(c words.Code, args ...string) string { return words.Msg(c, args...).NL() }
	write := func(text, first, rest string) {
		for _, l := range Wrap(text, first, rest) {
			fmt.Fprintln(w, l)
		}
	}
	differ := 0
	for _, name := range names {
		or, okO := oldCases[name]
		nr, okN := newCases[name]
		switch {
		case !okO:
			write(say(words.SimOnlyNew, "case", name), "", "  ")
			differ++
			continue
		case !okN:
			write(say(words.SimOnlyOld, "case", name), "", "  ")
			differ++
			continue
		}
		ob, nb := or.BlockIn(words.NL), nr.BlockIn(words.NL)
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
			write(say(words.SimChanged, "case", name, "what", what), "", "  ")
			write(say(words.SimOld)+" "+orNone(part.old), "  ", "       ")
			write(say(words.SimNew)+" "+orNone(part.new), "  ", "       ")
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
