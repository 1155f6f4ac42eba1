package law

import (
	"testing"
	"time"
)

// TestBezwaarTerms counts the bezwaar path as the Awb does: the bezwaartermijn of six
// weeks from the day after the bekendmaking (6:7, 6:8), moved by the Algemene
// termijnenwet when it ends on a feestdag, and the decision on the bezwaar six weeks
// (twelve with an adviescommissie) from the day after that term ended (7:10 lid 1).
func TestBezwaarTerms(t *testing.T) {
	ams := Amsterdam()
	cited := func(c string) Duration {
		a, ok := Cited(c)
		if !ok {
			t.Fatalf("%q is not in the catalogue", c)
		}
		return a.Term
	}
	for _, tt := range []struct {
		name                      string
		bekendmaking              time.Time
		decision                  string
		termijnEnd, beslissingEnd string
	}{
		{"plain", time.Date(2026, 12, 4, 15, 0, 0, 0, ams), "Awb 7:10", "2027-01-15", "2027-02-26"},
		// 1 January 2027 is Nieuwjaarsdag: the bezwaartermijn runs to Monday 4 January.
		{"to a feestdag", time.Date(2026, 11, 20, 10, 0, 0, 0, ams), "Awb 7:10 lid 1", "2027-01-04", "2027-02-15"},
		{"adviescommissie", time.Date(2026, 12, 4, 15, 0, 0, 0, ams), "Awb 7:10 (adviescommissie)", "2027-01-15", "2027-04-09"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			end := Due("nl", tt.bekendmaking, cited("Awb 6:8"))
			if got := LastDay(end); got != tt.termijnEnd {
				t.Errorf("bezwaartermijn ends %s, want %s", got, tt.termijnEnd)
			}
			beslissing := DueAfterTerm("nl", end, cited(tt.decision))
			if got := LastDay(beslissing); got != tt.beslissingEnd {
				t.Errorf("beslissing op bezwaar due %s, want %s", got, tt.beslissingEnd)
			}
		})
	}
}
