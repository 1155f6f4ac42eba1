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
	say := func(c words.Code, args ...string) string { return words.Msg(c, args...).NL() }
	write := func(text, first, rest string) {
		for _, l := range Wrap(text, first, rest) {
			fmt.Fprintln(w, l)
		}
	}
	differ, total := compareCases(old, new, func(o, n Result) []part {
		ob, nb := o.BlockIn(words.NL), n.BlockIn(words.NL)
		// Each part is named as the report's heading names it, in lower case.
		what := func(c words.Code) string { return strings.ToLower(strings.TrimSuffix(say(c), ":")) }
		return []part{
			{what(words.SimPath), strings.Join(ob.Path, " → "), strings.Join(nb.Path, " → ")},
			{what(words.SimTerms), strings.Join(ob.Terms, "; "), strings.Join(nb.Terms, "; ")},
			{what(words.SimNotes), strings.Join(ob.Notes, "; "), strings.Join(nb.Notes, "; ")},
			{what(words.SimEnd), ob.End, nb.End},
		}
	}, func(name string, inNew bool) {
		if inNew {
			write(say(words.SimOnlyNew, "case", name), "", "  ")
		} else {
			write(say(words.SimOnlyOld, "case", name), "", "  ")
		}
	}, func(name string, p part) {
		write(say(words.SimChanged, "case", name, "what", p.what), "", "  ")
		write(say(words.SimOld)+" "+orNone(p.old), "  ", "       ")
		write(say(words.SimNew)+" "+orNone(p.new), "  ", "       ")
	})
	fmt.Fprintln(w, say(words.SimDiffer, "n", strconv.Itoa(differ), "total", strconv.Itoa(total)))
	return differ
}

func orNone(s string) string {
	if s == "" {
		return words.Msg(words.SimNone).NL()
	}
	return s
}
