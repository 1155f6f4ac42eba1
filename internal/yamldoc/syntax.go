package yamldoc

import (
	"bytes"
	"fmt"
	"strings"
)

// indentationProblem finds the first line whose indentation cannot be right: a tab in
// it, a line deeper than the line before although that line already has its value, or a
// line that goes back to a level no line above opened. Block scalars (| and >) and flow
// collections spread over lines ({ … }, [ … ]) are skipped, as their lines may be
// indented freely.
func indentationProblem(src []byte) (Pos, string, bool) {
	levels := []int{0} // the indentation of the open blocks, innermost last
	kinds := []byte{0} // per level: 'm' keys of a mapping, 's' items of a list, 'c' a list at its key's level, 0 not yet known
	opens := false     // the last content line ends with "key:" and expects a block
	opensAt := 0       // the indentation of that key
	scalar := -1       // inside a block scalar: the indentation of its key line
	flow := 0          // depth of a flow collection still open
	items := -1        // the indentation of list items just left (for the message)
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
			return Pos{n, t + 1}, "a tab indents this line; YAML indents with spaces only: replace the tab by spaces", true
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
			return Pos{n, indent + 1}, fmt.Sprintf("this line is indented %d spaces, deeper than the line before, which has its value already; indent it %d spaces like that line, or end the line before with the key alone (key:)", indent, top), true
		case indent > top:
			levels, kinds = append(levels, indent), append(kinds, 0)
		case indent < top:
			items = -1
			for len(levels) > 1 && levels[len(levels)-1] > indent {
				if kinds[len(kinds)-1] == 's' && items < 0 {
					items = levels[len(levels)-1]
				}
				levels, kinds = levels[:len(levels)-1], kinds[:len(kinds)-1]
			}
			if levels[len(levels)-1] != indent {
				return Pos{n, indent + 1}, fmt.Sprintf("this line is indented %d spaces, but the keys it could belong with are at %s; indent it like the key above it that it belongs with",
					indent, levelWords(levels, top)), true
			}
		}
		item := strings.HasPrefix(trimmed, "- ") || trimmed == "-"
		switch k := &kinds[len(kinds)-1]; {
		case item && *k == 'm' && !(opens && opensAt == indent):
			// A list item among the keys of a mapping: yaml.v3 says "did not find
			// expected key" at the start of the whole block, often far above.
			fix := "indent it under the key whose list it is"
			if items > indent {
				fix = fmt.Sprintf("indent it %d spaces, like the items before it", items)
			}
			return Pos{n, indent + 1}, fmt.Sprintf("this list item is indented %d spaces, like the keys around it, so it belongs to no key; %s", indent, fix), true
		case item && *k == 'm':
			*k = 'c' // a list written under its key at the key's indentation ("next:\n- goto: a")
		case item && *k == 0:
			*k = 's'
		case !item && *k == 's':
			// A key among the items of a list: the key of an item indented too little.
			return Pos{n, indent + 1}, fmt.Sprintf("this key is indented %d spaces, like the list items around it (the dashes), so it belongs to no item; indent it %d spaces, like the keys of the item above it", indent, indent+2), true
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
		if strings.Contains(value, ": ") || strings.HasSuffix(value, ":") {
			if !strings.HasPrefix(content, "{") && !strings.HasPrefix(content, "[") {
				kinds[len(kinds)-1] = 'm'
			}
		}
		opens, opensAt = content == "" || strings.HasSuffix(value, ":"), indent
		switch {
		case strings.HasSuffix(value, "|") || strings.HasSuffix(value, ">") ||
			strings.Contains(value, ": |") || strings.Contains(value, ": >"):
			scalar = indent
		default:
			flow = flowDepth(content)
		}
	}
	return Pos{}, "", false
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

// levelWords lists the indentations a line could have had: the open levels and the
// one it left.
func levelWords(levels []int, left int) string {
	var words []string
	seen := map[int]bool{}
	for _, l := range append(append([]int(nil), levels...), left) {
		if !seen[l] {
			seen[l] = true
			words = append(words, fmt.Sprint(l))
		}
	}
	if len(words) == 1 {
		return words[0] + " spaces"
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1] + " spaces"
}
