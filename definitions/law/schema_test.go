package law

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestSchemaDurationPattern checks that the schema's pattern accepts exactly the strings
// ParseDuration reads as durations (the range check stays with the loader).
func TestSchemaDurationPattern(t *testing.T) {
	re := regexp.MustCompile(durationPattern())
	inputs := []string{"6w", "42d", "30wd", "6 weken", "10 werkdagen", "1 werkdag", "3 dagen", "2 uur",
		"2u", "15 min", "90s", " 6W ", "6 Weken", "0d", "100001wd", "", "abc", "6", "w", "6 maanden",
		"-3d", "1.5w", "1234567d", "6w2d", "6 wekenx"}
	for w := range unitWords {
		inputs = append(inputs, "3"+w, "3 "+strings.ToUpper(w))
	}
	sort.Strings(inputs)
	for _, in := range inputs {
		t.Run(in, func(t *testing.T) {
			_, err := ParseDuration(in)
			parses := err == nil || !strings.Contains(err.Error(), "is not a duration")
			if re.MatchString(in) != parses {
				t.Errorf("pattern matches %q: %v; ParseDuration reads it: %v", in, re.MatchString(in), parses)
			}
		})
	}
}
