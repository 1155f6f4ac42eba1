package law

import (
	"strings"
	"testing"
)

// TestArticlesAreWhole: every article of the catalogue is found by each of its
// citations, and by no other article's; it has a source on wetten.overheid.nl and
// counts from a known event.
func TestArticlesAreWhole(t *testing.T) {
	owner := map[string]string{}
	for _, a := range Articles() {
		if !strings.HasPrefix(a.Source, "https://wetten.overheid.nl/jci1.3:c:BWBR") {
			t.Errorf("%s: source %q is not a jci link on wetten.overheid.nl", a.Cite, a.Source)
		}
		switch a.From {
		case FromMelding, FromAanvraag, FromVerzoek, FromBekendmaking, FromEindeBezwaartermijn:
		default:
			t.Errorf("%s: counts from %q", a.Cite, a.From)
		}
		if a.What == "" {
			t.Errorf("%s: says not what must happen", a.Cite)
		}
		for _, c := range append([]string{a.Cite}, a.Also...) {
			if o, dup := owner[citeKey(c)]; dup {
				t.Errorf("%q is cited by %s and by %s", c, o, a.Cite)
			}
			owner[citeKey(c)] = a.Cite
			if got, ok := Cited(c); !ok || got.Cite != a.Cite {
				t.Errorf("Cited(%q) = %q, %v; want %s", c, got.Cite, ok, a.Cite)
			}
		}
	}
}

// TestCitedTerms: the terms as the law sets them, found however a citation is spaced
// or cased, and nothing guessed for a citation the catalogue does not hold.
func TestCitedTerms(t *testing.T) {
	tests := []struct {
		cite                    string
		term                    string
		from                    Start
		suspendable, extendable bool
	}{
		{"Wmo 2015 art. 2.3.2", "6w", FromMelding, false, false},
		{"wmo 2015  artikel 2.3.2 lid 1", "6w", FromMelding, false, false},
		{"Wmo 2015 art. 2.3.2 lid 2", "7d", FromMelding, false, false},
		{"Wmo 2015 art. 2.3.5", "2w", FromAanvraag, true, true},
		{"Awb 4:13 (Jeugdwet)", "8w", FromAanvraag, true, true},
		{"Awb 4:13 (Participatiewet)", "8w", FromAanvraag, true, true},
		{" Awb 4:13 ", "8w", FromAanvraag, true, true},
		{"Awb 4:14", "", FromAanvraag, false, false},
		{"Awb 4:15", "", FromAanvraag, false, false},
		{"Awb 6:7", "6w", FromBekendmaking, false, false},
		{"Awb 7:10", "6w", FromEindeBezwaartermijn, true, true},
		{"Awb 7:10 lid 1 (adviescommissie)", "12w", FromEindeBezwaartermijn, true, true},
		{"Awb 7:10 lid 3", "", FromEindeBezwaartermijn, false, false},
		{"Wgs art. 4a", "4w", FromVerzoek, false, false},
		{"Wgs art. 4a lid 2", "3wd", FromVerzoek, false, false},
	}
	for _, tt := range tests {
		a, ok := Cited(tt.cite)
		if !ok {
			t.Errorf("%q: not in the catalogue", tt.cite)
			continue
		}
		if a.Term.String() != tt.term || a.From != tt.from || a.Suspendable != tt.suspendable || a.Extendable != tt.extendable {
			t.Errorf("%q: %s from %s, suspendable %v, extendable %v; want %s from %s, %v, %v",
				tt.cite, a.Term, a.From, a.Suspendable, a.Extendable, tt.term, tt.from, tt.suspendable, tt.extendable)
		}
	}
	for _, c := range []string{"Wmo 2015 art. 2.3.3", "Awb 4:13 (Jeugdwet", "Wmo art. 2.3.2", "Verordening art. 3", ""} {
		if a, ok := Cited(c); ok {
			t.Errorf("Cited(%q) guessed %s", c, a.Cite)
		}
	}
	Articles()[0].Cite = "changed"
	if Articles()[0].Cite == "changed" {
		t.Error("Articles hands out the catalogue itself")
	}
}

func TestSameLength(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"6w", "42d", true}, {"6w", "6w", true}, {"1w", "5wd", false}, {"7d", "7wd", false},
		{"2w", "336h", false}, {"8w", "2w", false},
	}
	for _, tt := range tests {
		a, _ := ParseDuration(tt.a)
		b, _ := ParseDuration(tt.b)
		if got := SameLength(a, b); got != tt.same {
			t.Errorf("SameLength(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}
