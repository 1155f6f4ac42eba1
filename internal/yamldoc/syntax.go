package yamldoc

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// indentationProblem finds the first line whose indentation cannot be right: a tab in
// it, a line deeper than the line before although that line already has its value, or a
// line that goes back to a level no line above opened. Block scalars (| and >) and flow
// collections spread over lines ({ … }, [ … ]) are skipped, as their lines may be
// indented freely.
func indentationProblem(src []byte) (Pos, words.Message, bool) {
	levels := []int{0}      // the indentation of the open blocks, innermost last
	kinds := []byte{0}      // per level: 'm' keys of a mapping, 's' items of a list, 'c' a list at its key's level, 0 not yet known
	opens := false          // the last content line ends with "key:" and expects a block
	opensAt := 0            // the indentation of that key
	scalar := -1            // inside a block scalar: the indentation of its key line
	flow := 0               // depth of a flow collection still open
	items := -1             // the indentation of list items just left (for the message)
	closed := map[int]Pos{} // per indentation: the line that last ended a block there, at its key
	lastAt := map[int]int{} // per indentation: the last line written there
	for i, raw := range bytes.Split(src, []byte("\n")) {
		line := strings.TrimRight(string(raw), "\r")
		n := i + 1
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if scalar >= 0 {
			if indent > scalar {
				continue
			}
			scalar = -1
		}
		if t := strings.IndexByte(line[:indent], '\t'); t >= 0 {
			return Pos{n, t + 1}, words.Msg(words.ProblemYAMLTab), true
		}
		if flow > 0 {
			flow += flowDepth(trimmed)
			continue
		}
		if strings.HasPrefix(trimmed, "---") || strings.HasPrefix(trimmed, "...") {
			continue
		}
		top := levels[len(levels)-1]
		switch {
		case indent > top && !opens:
			return Pos{n, indent + 1}, words.Msg(words.ProblemYAMLDeeper, "indent", itoa(indent), "top", itoa(top)), true
		case indent > top:
			levels, kinds = append(levels, indent), append(kinds, 0)
		case indent < top:
			items = -1
			for len(levels) > 1 && levels[len(levels)-1] > indent {
				if kinds[len(kinds)-1] == 's' && items < 0 {
					items = levels[len(levels)-1]
				}
				closed[levels[len(levels)-1]] = Pos{n, indent + 1}
				levels, kinds = levels[:len(levels)-1], kinds[:len(kinds)-1]
			}
			if levels[len(levels)-1] != indent {
				// A block ended here by the last key of the level now open: that key,
				// not this line, is probably what is indented too little.
				if at, ok := closed[indent]; ok && lastAt[levels[len(levels)-1]] == at.Line {
					return at, words.Msg(words.ProblemYAMLKeyDedented, "indent", itoa(at.Col-1), "want", itoa(indent), "line", itoa(n)), true
				}
				return Pos{n, indent + 1}, levelsMessage(indent, levels, top), true
			}
		}
		lastAt[indent] = n
		item := strings.HasPrefix(trimmed, "- ") || trimmed == "-"
		switch k := &kinds[len(kinds)-1]; {
		case item && *k == 'm' && !(opens && opensAt == indent):
			// A list item among the keys of a mapping: yaml.v3 says "did not find
			// expected key" at the start of the whole block, often far above.
			if items > indent {
				return Pos{n, indent + 1}, words.Msg(words.ProblemYAMLItemAmongKeysAt, "indent", itoa(indent), "items", itoa(items)), true
			}
			return Pos{n, indent + 1}, words.Msg(words.ProblemYAMLItemAmongKeys, "indent", itoa(indent)), true
		case item && *k == 'm':
			*k = 'c' // a list written under its key at the key's indentation ("next:\n- goto: a")
		case item && *k == 0:
			*k = 's'
		case !item && *k == 's':
			// A key among the items of a list: the key of an item indented too little.
			return Pos{n, indent + 1}, words.Msg(words.ProblemYAMLKeyAmongItems, "indent", itoa(indent), "want", itoa(indent+2)), true
		case !item:
			*k = 'm'
		}
		content := trimmed
		for strings.HasPrefix(content, "- ") || content == "-" {
			// A list item: its mapping's keys are at the indentation after "- ".
			rest := strings.TrimLeft(strings.TrimPrefix(content, "-"), " ")
			indent += len(content) - len(rest)
			levels, kinds = append(levels, indent), append(kinds, 0)
			content = rest
		}
		value := lineValue(content)
		if strings.Contains(value, ": ") || opensBlock(value) {
			if !strings.HasPrefix(content, "{") && !strings.HasPrefix(content, "[") {
				kinds[len(kinds)-1] = 'm'
			}
		}
		opens, opensAt = content == "" || opensBlock(value), indent
		switch {
		case strings.HasSuffix(value, "|") || strings.HasSuffix(value, ">") ||
			strings.Contains(value, ": |") || strings.Contains(value, ": >"):
			scalar = indent
		default:
			flow = flowDepth(content)
		}
	}
	return Pos{}, words.Message{}, false
}

// opensBlock reports whether a line's value leaves its key's value to the lines below:
// "key:", also with an anchor or tag after it ("form: &intake", "data: !!map").
func opensBlock(value string) bool {
	for {
		i := strings.LastIndexByte(value, ' ')
		last := value[i+1:]
		if !strings.HasPrefix(last, "&") && !strings.HasPrefix(last, "!") {
			return strings.HasSuffix(value, ":")
		}
		if i < 0 {
			return true // an anchor or tag alone, after "- "
		}
		value = strings.TrimRight(value[:i], " ")
	}
}

// lineValue is a content line without its comment and trailing spaces (a "#" inside
// quotes is kept; good enough to see how the line ends).
func lineValue(s string) string {
	inSingle, inDouble := false, false
	for i, c := range s {
		switch {
		case c == '\'' && !inDouble:
			inSingle = !inSingle
		case c == '"' && !inSingle:
			inDouble = !inDouble
		case c == '#' && !inSingle && !inDouble && (i == 0 || s[i-1] == ' '):
			return strings.TrimRight(s[:i], " ")
		}
	}
	return strings.TrimRight(s, " ")
}

// flowDepth counts the flow brackets a line leaves open, outside quotes.
func flowDepth(s string) int {
	d := 0
	inSingle, inDouble := false, false
	for _, c := range lineValue(s) {
		switch {
		case c == '\'' && !inDouble:
			inSingle = !inSingle
		case c == '"' && !inSingle:
			inDouble = !inDouble
		case inSingle || inDouble:
		case c == '{' || c == '[':
			d++
		case c == '}' || c == ']':
			d--
		}
	}
	if d < 0 {
		return 0
	}
	return d
}

// levelsMessage says a line went back to no level: the open levels and the one it
// left are where it could have been.
func levelsMessage(indent int, levels []int, left int) words.Message {
	var ls []string
	seen := map[int]bool{}
	for _, l := range append(append([]int(nil), levels...), left) {
		if !seen[l] {
			seen[l] = true
			ls = append(ls, itoa(l))
		}
	}
	if len(ls) == 1 {
		return words.Msg(words.ProblemYAMLNoLevel, "indent", itoa(indent), "last", ls[0])
	}
	return words.Msg(words.ProblemYAMLNoLevels, "indent", itoa(indent),
		"levels", strings.Join(ls[:len(ls)-1], ", "), "last", ls[len(ls)-1])
}

func itoa(n int) string { return strconv.Itoa(n) }
