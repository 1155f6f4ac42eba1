package registry

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long the folder must be quiet before a reload: an editor saves by
// writing a temporary file and renaming it, and a `git pull` touches several files; a
// reload in the middle would see half of the change.
const settle = 300 * time.Millisecond

// Watch reloads whenever a definition file in the folder is written, created, removed
// or renamed, after the folder has been quiet for a moment, until ctx ends. Each reload
// is logged (and kept as Last); a broken folder keeps the previous versions. It returns
// an error only when the folder cannot be watched at all. reloaded, when not nil, is
// called after each reload it triggered.
func (r *Registry) Watch(ctx context.Context, reloaded func(Result)) error {
	if r.cfg.Dir == "" {
		return fmt.Errorf("registry: no definitions folder to watch")
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch definitions: %w", err)
	}
	// The folder itself is watched, not the files: renames over a file (how editors
	// save) would end a watch on the file.
	if err := w.Add(r.cfg.Dir); err != nil {
		w.Close()
		return fmt.Errorf("watch definitions %s: %w", r.cfg.Dir, err)
	}
	go r.watch(ctx, w, reloaded)
	return nil
}

func (r *Registry) watch(ctx context.Context, w *fsnotify.Watcher, reloaded func(Result)) {
	defer w.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if wakes(ev.Name) && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Remove|fsnotify.Rename) != 0 {
				timer.Reset(settle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			r.cfg.Logger.Warn().Err(err).Msg("watching definitions")
		case <-timer.C:
			res := r.Reload()
			if reloaded != nil {
				reloaded(res)
			}
		}
	}
}

// wakes reports whether a change of the named file may change the definitions: a
// definition file (the loader's rule: *.yaml and *.yml), or the "..data" link that a
// Kubernetes ConfigMap swaps to replace all its files at once.
func wakes(name string) bool {
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(base))
	return ext == ".yaml" || ext == ".yml" || strings.HasPrefix(base, "..")
}
