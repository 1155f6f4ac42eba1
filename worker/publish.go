package worker

import (
	"context"

	"github.com/wijkflow/wijkflow/worker/registry"
)

// startWatch starts watching the definitions folder when the configuration asks for it;
// shutdown ends the watch first. The registry logs every reload: what was published,
// or why nothing was and the previous versions stay.
func (s *Service) startWatch() error {
	ctx, cancel := context.WithCancel(context.Background())
	s.stopWatch = cancel
	if !s.cfg.Watch || s.cfg.Registry == nil {
		return nil
	}
	if err := s.cfg.Registry.Watch(ctx, nil); err != nil {
		cancel()
		return err
	}
	return nil
}

// Definitions is the registry the service serves from (a fixed one when the
// configuration gave a list).
func (s *Service) Definitions() *registry.Registry { return s.registry }
