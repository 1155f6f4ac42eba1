package monitor

import (
	"cmp"
	"context"
	"sync"
	"time"
)

// CacheFor is how long listed cases are reused: a teamleider who opens a figure's list
// after the page sees the same count, and ten readers cost one listing.
const CacheFor = 30 * time.Second

// Service lists and counts with a short cache per gemeente, process and team.
type Service struct {
	Source Source
	// Now is the clock (time.Now when nil); tests set it.
	Now func() time.Time
	// MaxAge is how long a listing is reused; zero means CacheFor.
	MaxAge time.Duration

	mu    sync.Mutex
	lists map[string]listed
}

type listed struct {
	at    time.Time
	cases []Case
}

// Figures counts a period's figures from the (cached) cases.
func (s *Service) Figures(ctx context.Context, p Period) (*Counted, error) {
	cases, err := s.cases(ctx, p)
	if err != nil {
		return nil, err
	}
	return Compute(p, cases, s.now()), nil
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// cases lists the period's cases, or reuses a listing younger than CacheFor.
func (s *Service) cases(ctx context.Context, p Period) ([]Case, error) {
	key := p.Gemeente + "\x00" + p.Process + "\x00" + p.Team
	s.mu.Lock()
	if l, ok := s.lists[key]; ok && s.now().Sub(l.at) < cmp.Or(s.MaxAge, CacheFor) {
		s.mu.Unlock()
		return l.cases, nil
	}
	s.mu.Unlock()
	var cases []Case
	err := s.Source.Each(ctx, p.Gemeente, p.Process, p.Team, func(c Case) error {
		c.Facts = c.Facts.WithoutEvents()
		cases = append(cases, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lists == nil {
		s.lists = map[string]listed{}
	}
	s.lists[key] = listed{at: s.now(), cases: cases}
	return cases, nil
}
