package definitions

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"plan", "plan", 0},
		{"plna", "plan", 1}, // a transposition counts once
		{"pln", "plan", 1},
		{"wijkcaoch", "wijkcoach", 1},
		{"", "abc", 3},
		{"triëren", "trieren", 1}, // letters, not bytes
		{"melding", "afsluiten", 7},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := distance(tt.a, tt.b); got != tt.want {
				t.Errorf("distance = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	steps := []string{"melding", "keukentafelgesprek", "plan", "afsluiten"}
	tests := []struct {
		name, in string
		cands    []string
		what     string
		want     string
	}{
		{"close", "plna", steps, "steps are", `; did you mean "plan"?`},
		{"case differs", "Plan", steps, "steps are", `; did you mean "plan"?`},
		{"nothing close: list", "zzz", steps, "steps are", "; steps are: melding, keukentafelgesprek, plan, afsluiten"},
		{"nothing close, no list wanted", "zzz", steps, "", ""},
		{"too far for a short word", "to", []string{"goto"}, "", ""},
		{"the nearest wins", "afslutien", []string{"afsluiten", "afsluiting"}, "", `; did you mean "afsluiten"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newSuggester().didYouMean(tt.in, tt.cands, tt.what); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSuggesterBudget checks that a spent budget drops suggestions instead of taking
// time: a hostile file cannot make validation quadratic through "did you mean".
func TestSuggesterBudget(t *testing.T) {
	s := &suggester{budget: 10}
	if got := s.closest("plna", []string{"plan"}); got != "" {
		t.Errorf("closest with a spent budget = %q, want none", got)
	}
}
