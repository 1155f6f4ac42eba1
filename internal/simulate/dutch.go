package simulate

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
)

// Width is the widest line the report writes: it reads in a terminal and a mail.
const Width = 100

// Block is one case of the report as lines of text, in one language: its name, the
// path, each term, what fired and the end. WriteReport prints it; --format json gives it.
type Block struct {
	Case     string   `json:"case"`
	Path     []string `json:"path"`
	Terms    []string `json:"terms"`
	Notes    []string `json:"notes"`
	End      string   `json:"end"`
	Problems []string `json:"problems,omitempty"`
}

// BlockIn renders a result in a language.
func (r Result) BlockIn(l words.Lang) Block {
	b := Block{Case: r.Case, Path: r.Path, Terms: []string{}, Notes: []string{}, End: r.Ending.In(l), Problems: r.Problems}
	for _, d := range r.Deadlines {
		b.Terms = append(b.Terms, d.Say().In(l))
	}
	for _, n := range r.Notes {
		b.Notes = append(b.Notes, words.Msg(words.SimNote, "after", n.After, "what", n.Say.In(l)).In(l))
	}
	return b
}

// Say is the deadline's state as a message: met, late by how many days (the task
// closed after its last day), late and not done, or still open.
func (d Deadline) Say() words.Message {
	// A term ends at the end of its last day: the day shown is the one before 00:00.
	last := d.Due.In(law.Amsterdam()).Add(-time.Nanosecond)
	due := last.Format(time.DateOnly)
	switch {
	case d.Met && d.Open:
		return words.Msg(words.SimTermOpen, "task", d.Task, "due", due)
	case d.Met:
		return words.Msg(words.SimTermMet, "task", d.Task, "due", due)
	case d.Closed.IsZero():
		return words.Msg(words.SimTermOver, "task", d.Task, "due", due)
	}
	days := int(d.Closed.Sub(d.Due).Hours()/24) + 1
	return words.Msg(words.SimTermLate, "task", d.Task, "due", due, "late", strconv.Itoa(days)+"d")
}

// WriteReport writes one block per case in Dutch, no line wider than Width, and returns
// how many problems there were (refused or unused answers, missed expectations).
func WriteReport(w io.Writer, results []Result) int {
	problems := 0
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		b := r.BlockIn(words.NL)
		writeBlock(w, b)
		problems += len(b.Problems)
	}
	return problems
}

func writeBlock(w io.Writer, b Block) {
	say := func(c words.Code) string { return words.Msg(c).NL() }
	for _, l := range Wrap(b.Case, "", "  ") {
		fmt.Fprintln(w, l)
	}
	list := func(head string, items []string) {
		fmt.Fprintln(w, "  "+head)
		if len(items) == 0 {
			items = []string{say(words.SimNone)}
		}
		for _, it := range items {
			for _, l := range Wrap(it, "    ", "      ") {
				fmt.Fprintln(w, l)
			}
		}
	}
	fmt.Fprintln(w, "  "+say(words.SimPath))
	for _, l := range Wrap(strings.Join(b.Path, " → "), "    ", "      ") {
		fmt.Fprintln(w, l)
	}
	list(say(words.SimTerms), b.Terms)
	list(say(words.SimNotes), b.Notes)
	list(say(words.SimEnd), []string{b.End})
	if len(b.Problems) > 0 {
		list(say(words.SimProblems), b.Problems)
	}
}

// Wrap breaks text at spaces into lines of at most Width columns: the first line starts
// with first, the others with rest. A word longer than a line stays whole.
func Wrap(text, first, rest string) []string {
	var lines []string
	line := first
	empty := true
	for _, word := range strings.Fields(text) {
		if !empty && len([]rune(line))+1+len([]rune(word)) > Width {
			lines = append(lines, line)
			line, empty = rest, true
		}
		if !empty {
			line += " "
		}
		line += word
		empty = false
	}
	return append(lines, line)
}
