package law

import (
	"sort"
	"strings"
	"unicode"

	"github.com/invopop/jsonschema"
)

// JSONSchema describes a duration as the string a designer writes: a count and a unit,
// s m h d w wd or a Dutch word, e.g. "6w", "30wd", "6 weken", "10 werkdagen".
func (Duration) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type: "string",
		Description: "A term: a count and a unit, e.g. 6w, 42d, 30wd, \"6 weken\", \"10 werkdagen\". " +
			"Units: s, m, h, d (days), w (weeks), wd (working days on the calendar).",
		Pattern:  durationPattern(),
		Examples: []any{"3wd", "6w", "42d", "6 weken", "10 werkdagen"},
	}
}

// durationPattern is a regular expression (ECMA-262, as JSON Schema uses) for what
// ParseDuration accepts; it has no case-insensitive flag, so letters are spelt [wW].
func durationPattern() string {
	words := make([]string, 0, len(unitWords))
	for w := range unitWords {
		words = append(words, w)
	}
	// Longest first, so "weken" is tried before "w"; then alphabetically, for a stable file.
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) > len(words[j])
		}
		return words[i] < words[j]
	})
	for i, w := range words {
		var b strings.Builder
		for _, r := range w {
			b.WriteString("[" + string(r) + string(unicode.ToUpper(r)) + "]")
		}
		words[i] = b.String()
	}
	return `^\s*[0-9]{1,6}\s*(` + strings.Join(words, "|") + `)\s*$`
}
