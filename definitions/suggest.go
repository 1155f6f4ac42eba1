package definitions

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"
)

// suggester finds the closest known name for a misspelt one. It carries a budget of
// distance computations so that a hostile file with thousands of unknown names among
// thousands of steps cannot make validation quadratic; when the budget is spent the
// messages simply lose their "did you mean".
type suggester struct {
	budget int
}

// suggestBudget bounds the letter comparisons spent on suggestions per file.
const suggestBudget = 20_000_000

func newSuggester() *suggester { return &suggester{budget: suggestBudget} }

// closest returns the candidate nearest to name, or "" when none is near enough.
func (s *suggester) closest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	lname := strings.ToLower(name)
	limit := max(1, (len(lname)+2)/3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		if c == name {
			continue
		}
		lc := strings.ToLower(c)
		if d := len(lc) - len(lname); d > limit || -d > limit {
			continue
		}
		cost := (len(lc) + 1) * (len(lname) + 1)
		if s.budget < cost {
			return best
		}
		s.budget -= cost
		if d := distance(lname, lc); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// didYouMean returns "; did you mean \"x\"?" or, when nothing is close and the list is
// short, "; what: a, b, c", so the message says what to write instead. An empty what
// leaves the list out.
func (s *suggester) didYouMean(name string, candidates []string, what string) string {
	if c := s.closest(name, candidates); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	if what != "" && len(candidates) > 0 && len(candidates) <= 10 {
		return "; " + what + ": " + strings.Join(candidates, ", ")
	}
	return ""
}

// hint is didYouMean as a message of the catalogue: a close candidate, or else, when
// list is a code, the candidates under it as {names}, or nothing.
func (s *suggester) hint(name string, candidates []string, list words.Code) words.Message {
	if c := s.closest(name, candidates); c != "" {
		return words.Msg(words.ProblemDidYouMean, "name", strconv.Quote(c))
	}
	if list != "" && len(candidates) > 0 && len(candidates) <= 10 {
		return words.Msg(list, "names", strings.Join(candidates, ", "))
	}
	return words.Message{}
}

// distance is the optimal string alignment distance (Levenshtein plus transpositions of
// neighbours), the usual measure for typing mistakes such as "plna" for "plan".
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
