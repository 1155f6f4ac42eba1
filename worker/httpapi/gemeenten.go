package httpapi

import lru "github.com/hashicorp/golang-lru/v2"

// maxCached bounds the gemeente cache; past it the least recently used case goes.
const maxCached = 100_000

// gemeenteCache remembers the gemeente of the cases the API has seen. A case never
// changes gemeente, so an entry is never stale; it spares the describe call before an
// update (and keeps the API stateless: losing the cache loses only speed).
type gemeenteCache struct{ lru *lru.Cache[string, string] }

func newGemeenteCache() gemeenteCache {
	c, err := lru.New[string, string](maxCached)
	if err != nil {
		panic(err) // only for a size below one
	}
	return gemeenteCache{c}
}

func (c gemeenteCache) get(id string) (string, bool) { return c.lru.Get(id) }

func (c gemeenteCache) put(id, gemeente string) {
	if id == "" || gemeente == "" {
		return
	}
	c.lru.Add(id, gemeente)
}

// forget drops an erased case from the gemeente cache.
func (c gemeenteCache) forget(id string) { c.lru.Remove(id) }
