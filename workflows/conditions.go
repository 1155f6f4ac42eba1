package workflows

import (
	"strings"
	"sync"

	"github.com/wijkflow/wijkflow/definitions"
)

// maxCachedConditions bounds the compiled condition environments kept by the process:
// a worker runs a few definition versions at a time, far fewer than this.
const maxCachedConditions = 64

// conditionCache shares compiled conditions between runs and replays of cases on the
// same definition, as building a CEL environment and compiling its programs cost more
// than the rest of a short workflow task. Sharing is safe: Conditions is safe for
// concurrent use, and compiling is pure, so a cached entry behaves exactly as a new one.
var conditionCache = struct {
	sync.Mutex
	byKey map[string]*definitions.Conditions
	order []string // keys, oldest first
}{byKey: map[string]*definitions.Conditions{}}

// conditionsFor returns the compiled conditions of a definition, from the cache when a
// run on the same version and fields built them before.
func conditionsFor(def *definitions.Definition) (*definitions.Conditions, error) {
	fields := definitions.AllFields(def)
	key := conditionKey(def.Version, fields)
	conditionCache.Lock()
	cond, ok := conditionCache.byKey[key]
	conditionCache.Unlock()
	if ok {
		return cond, nil
	}
	cond, err := definitions.NewConditions(fields)
	if err != nil {
		return nil, err
	}
	conditionCache.Lock()
	defer conditionCache.Unlock()
	if prev, ok := conditionCache.byKey[key]; ok {
		return prev, nil // another run built it meanwhile; keep one
	}
	if len(conditionCache.order) >= maxCachedConditions {
		delete(conditionCache.byKey, conditionCache.order[0])
		conditionCache.order = conditionCache.order[1:]
	}
	conditionCache.byKey[key] = cond
	conditionCache.order = append(conditionCache.order, key)
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
