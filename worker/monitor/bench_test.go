package monitor

import (
	"context"
	"io"
	"testing"
	"time"
)

// BenchmarkPage is the work behind the monitor page for a gemeente of 10,000 closed
// and 2,000 open cases: list them from (fake) visibility in pages of PageSize, decode
// the facts memos, count, and group the figures for the page. The visibility round
// trips themselves (12 calls) are not in it.
func BenchmarkPage(b *testing.B) {
	l := gemeente(10_000, 2_000, 0)
	p := Period{Gemeente: "dalfsen", From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		s := &Service{Source: Source{Client: l}, Now: func() time.Time { return now }}
		c, err := s.Figures(context.Background(), p)
		if err != nil {
			b.Fatal(err)
		}
		_ = c.Figures.Sections()
	}
}

// BenchmarkEventLog streams the OCEL log of 10,000 closed cases of 40 events each.
func BenchmarkEventLog(b *testing.B) {
	l := gemeente(10_000, 0, 40)
	for b.Loop() {
		if err := (EventLog{Source: Source{Client: l}, Period: logPeriod()}).OCEL(context.Background(), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
