package httpapi

import "sync"

// maxCached bounds the gemeente cache; at the bound it starts afresh.
const maxCached = 100_000

// gemeenteCache remembers the gemeente of the cases the API has seen. A case never
// changes gemeente, so an entry is never stale; it spares the describe call before an
// update (and keeps the API stateless: losing the cache loses only speed).
type gemeenteCache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *gemeenteCache) get(id string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	g, ok := c.m[id]
	return g, ok
}

func (c *gemeenteCache) put(id, gemeente string) {
	if id == "" || gemeente == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxCached {
		c.m = map[string]string{}
	}
	c.m[id] = gemeente
}
