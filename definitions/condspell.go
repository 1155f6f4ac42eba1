package definitions

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/wijkflow/wijkflow/internal/words"
)

// wordOperators are the operators a designer writes as in a spreadsheet or SQL, and
// what CEL calls them. CEL's parser only says "mismatched input 'and'"; a condition
// that does not parse is searched for these so the message says what to write.
var wordOperators = map[string]string{"and": "&&", "or": "||", "not": "!", "=": "=="}

// spelledOperators says, for a condition that does not parse, every word operator (and,
// or, not) and every single = outside quoted text, each at its column (1-based, in
// characters as CEL counts them); none when the condition has none.
func spelledOperators(expr string) []words.Message {
	var ms []words.Message
	rs := []rune(expr)
	say := func(i int, written string) {
		ms = append(ms, words.Msg(words.ProblemConditionWordOperator,
			"col", strconv.Itoa(i+1), "written", written, "op", wordOperators[strings.ToLower(written)]))
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '"' || r == '\'':
			i = endOfQuote(rs, i)
		case r == '=':
			if i+1 < len(rs) && rs[i+1] == '=' {
				i++
				continue
			}
			if i > 0 && strings.ContainsRune("=!<>", rs[i-1]) {
				continue
			}
			say(i, "=")
		case unicode.IsLetter(r) || r == '_':
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_') {
				j++
			}
			w := string(rs[i:j])
			if _, ok := wordOperators[strings.ToLower(w)]; ok && (i == 0 || rs[i-1] != '.') {
				say(i, w)
			}
			i = j - 1
		}
	}
	return ms
}

// endOfQuote is the index of the quote that closes the one at start (a backslash
// escapes the next character), or the last index when it is not closed.
func endOfQuote(rs []rune, start int) int {
	for i := start + 1; i < len(rs); i++ {
		switch rs[i] {
		case '\\':
			i++
		case rs[start]:
			return i
		}
	}
	return len(rs) - 1
}
