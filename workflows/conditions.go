package workflows

import (
	"strings"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/wijkflow/wijkflow/definitions"
)

// maxCachedConditions bounds the compiled condition environments kept by the process:
// a worker runs a few definition versions at a time, far fewer than this.
const maxCachedConditions = 64

// conditionCache shares compiled conditions between runs and replays of cases on the
// same definition, as building a CEL environment and compiling its programs cost more
// than the rest of a short workflow task. Sharing is safe: Conditions is safe for
// concurrent use, and compiling is pure, so a cached entry behaves exactly as a new one.
var conditionCache = mustLRU[string, *definitions.Conditions](maxCachedConditions)

// conditionsFor returns the compiled conditions of a definition, from the cache when a
// run on the same version and fields built them before.
func conditionsFor(def *definitions.Definition) (*definitions.Conditions, error) {
	fields := definitions.AllFields(def)
	key := conditionKey(def.Version, fields)
	if cond, ok := conditionCache.Get(key); ok {
		return cond, nil
	}
	cond, err := definitions.NewConditions(fields)
	if err != nil {
		return nil, err
	}
	if prev, found, _ := conditionCache.PeekOrAdd(key, cond); found {
		return prev, nil // another run built it meanwhile; keep one
	}
	return cond, nil
}

// conditionKey is the version plus the fields' names and types: all that the
// environment is built from. The version alone would do for published definitions,
// but a test or a hand-made snapshot may reuse a version with other fields.
func conditionKey(version string, fields definitions.Form) string {
	var b strings.Builder
	b.WriteString(version)
	for _, f := range fields {
		b.WriteByte('\x00')
		b.WriteString(f.Name)
		b.WriteByte('\x01')
		b.WriteString(string(f.Type))
	}
	return b.String()
}

// mustLRU returns a cache of size entries, evicting the least recently used; size is a
// positive constant, the one case in which lru.New cannot fail.
func mustLRU[K comparable, V any](size int) *lru.Cache[K, V] {
	c, err := lru.New[K, V](size)
	if err != nil {
		panic(err)
	}
	return c
}
