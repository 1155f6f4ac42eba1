package definitions

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// The decoder walks the yaml.Node tree itself instead of calling yaml.Node.Decode, so
// that every unknown key and every wrongly shaped value becomes a located Issue (and
// decoding goes on after it), and so that the special shapes of the format (steps and
// forms keyed by id, a deadline written as a bare duration) need no custom unmarshalers
// on the shared types.

// maxVisits bounds the values one file may expand to. A shipped definition has a few
// thousand; the bound stops alias bombs ("billion laughs") from exhausting memory.
const maxVisits = 300_000

var (
	durationType   = reflect.TypeFor[Duration]()
	deadlineType   = reflect.TypeFor[Deadline]()
	stepsType      = reflect.TypeFor[Steps]()
	formType       = reflect.TypeFor[Form]()
	stepType       = reflect.TypeFor[Step]()
	fieldType      = reflect.TypeFor[Field]()
	transitionType = reflect.TypeFor[Transition]()
	rungType       = reflect.TypeFor[Rung]()
	definitionType = reflect.TypeFor[Definition]()
)

// decoder fills Go values from nodes and records where every path was written.
type decoder struct {
	*report
	visits int
}

// decodeDefinition fills d from the root mapping of a document.
func (r *report) decodeDefinition(root *yaml.Node) *Definition {
	d := &Definition{}
	dec := &decoder{report: r}
	dec.value(root, reflect.ValueOf(d).Elem(), "")
	return d
}

// value decodes n into v, which is addressable, at path.
func (dec *decoder) value(n *yaml.Node, v reflect.Value, path string) {
	n, ok := dec.resolve(n, path)
	if !ok {
		return
	}
	if _, seen := dec.val[path]; !seen {
		dec.val[path] = posOf(n)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value; "required" checks catch it later
	}
	t := v.Type()
	switch t {
	case durationType:
		dec.duration(n, v, path)
		return
	case stepsType:
		dec.steps(n, v, path)
		return
	case formType:
		dec.form(n, v, path)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		e := reflect.New(t.Elem())
		if t.Elem() == deadlineType && n.Kind == yaml.ScalarNode {
			// A bare duration is the common case: "deadline: 3wd" counts from the step's start.
			dec.duration(n, e.Elem().Field(0), path)
		} else {
			dec.value(n, e.Elem(), path)
		}
		v.Set(e)
	case reflect.Struct:
		dec.structure(n, v, path)
	case reflect.Slice:
		dec.list(n, v, path)
	case reflect.Map:
		dec.dict(n, v, path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			dec.wrong(n, t, path)
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && err == nil && n.Value != "1" && n.Value != "0" {
			dec.markBad(path, "expected true or false without quotes, not "+quote(n.Value))
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || err != nil {
			dec.wrong(n, t, path)
			return
		}
		v.SetBool(b)
	default:
		// Unreachable for the definition types; kept so a new field type fails loudly in tests.
		dec.at(path, fmt.Sprintf("cannot read a value of this kind (%s)", t.Kind()))
	}
}

// charge counts work against maxVisits; false means the budget is spent and decoding
// stops, after one issue saying why.
func (dec *decoder) charge(n int, path string) bool {
	if dec.visits > maxVisits {
		return false
	}
	dec.visits += n
	if dec.visits > maxVisits {
		dec.at(path, fmt.Sprintf("the file expands to more than %d values; do anchors and aliases (*name) repeat each other?", maxVisits))
		dec.bad[""] = true // what was decoded is partial: checking it would only add noise
		return false
	}
	return true
}

// resolve follows aliases and counts visits; false means stop decoding this value.
func (dec *decoder) resolve(n *yaml.Node, path string) (*yaml.Node, bool) {
	if !dec.charge(1, path) {
		return nil, false
	}
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > 100 {
			dec.at(path, "alias points nowhere")
			return nil, false
		}
		n = n.Alias
	}
	return n, true
}

// duration decodes a scalar such as "6w" or "10 werkdagen".
func (dec *decoder) duration(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode {
		dec.wrong(n, durationType, path)
		return
	}
	if len(n.Value) > 40 {
		dec.markBad(path, fmt.Sprintf("%s is not a duration; write 6w, 42d or 30wd", quote(n.Value)))
		return
	}
	d, err := ParseDuration(n.Value)
	if err != nil {
		dec.markBad(path, err.Error())
		return
	}
	v.Set(reflect.ValueOf(d))
}

// entry is one key and value of a mapping, after merge keys ("<<: *base") are expanded.
type entry struct {
	key, val *yaml.Node
	merged   bool
}

// entries lists a mapping's pairs: explicit keys first, then merged keys that no explicit
// key overrides, as YAML's merge key specifies. Duplicate explicit keys are reported.
func (dec *decoder) entries(n *yaml.Node, path string) []entry {
	// Scanning a mapping costs its size even before its values are visited: charge it,
	// or merge keys of merge keys could make the scan itself explode.
	if !dec.charge(len(n.Content)/2, path) {
		return nil
	}
	var out []entry
	seen := map[string]*yaml.Node{}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, val)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			dec.issue(Issue{Line: k.Line, Col: k.Column, Path: path, Message: "a key must be a plain name, not a list or mapping"})
			continue
		}
		if first, dup := seen[k.Value]; dup {
			dec.issue(Issue{Line: k.Line, Col: k.Column, Path: join(path, k.Value),
				Message: fmt.Sprintf("%s is already defined on line %d; keep one", quote(k.Value), first.Line)})
			continue
		}
		seen[k.Value] = k
		out = append(out, entry{key: k, val: val})
	}
	for _, m := range merges {
		for _, src := range dec.mergeSources(m, path) {
			for _, e := range dec.entries(src, path) {
				if _, dup := seen[e.key.Value]; !dup {
					seen[e.key.Value] = e.key
					e.merged = true
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// mergeSources returns the mappings a merge key names: one alias or a list of them.
func (dec *decoder) mergeSources(m *yaml.Node, path string) []*yaml.Node {
	m, ok := dec.resolve(m, path)
	if !ok {
		return nil
	}
	var list []*yaml.Node
	switch m.Kind {
	case yaml.MappingNode:
		list = append(list, m)
	case yaml.SequenceNode:
		for _, s := range m.Content {
			if s, ok := dec.resolve(s, path); ok && s.Kind == yaml.MappingNode {
				list = append(list, s)
			}
		}
	}
	if len(list) == 0 {
		dec.issue(Issue{Line: m.Line, Col: m.Column, Path: path, Message: "a merge key (<<) needs an alias of a mapping, like <<: *defaults"})
	}
	return list
}

// structure decodes a mapping into a struct by the fields' yaml tags.
func (dec *decoder) structure(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		dec.wrong(n, v.Type(), path)
		return
	}
	info := fieldsOf(v.Type())
	for _, e := range dec.entries(n, path) {
		p := join(path, e.key.Value)
		i, ok := info.index[e.key.Value]
		if !ok {
			dec.issue(Issue{Line: e.key.Line, Col: e.key.Column, Path: p,
				Message: "unknown key " + quote(e.key.Value) + dec.sug.didYouMean(e.key.Value, info.names, "write one of")})
			continue
		}
		dec.key[p] = posOf(e.key)
		dec.keys[path] = append(dec.keys[path], e.key.Value)
		dec.value(e.val, v.Field(i), p)
	}
}

// list decodes a sequence into a slice; an empty list stays nil so that a definition
// round-trips through JSON (which omits empty lists) unchanged.
func (dec *decoder) list(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.SequenceNode {
		dec.wrong(n, v.Type(), path)
		return
	}
	if len(n.Content) == 0 {
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		dec.value(item, s.Index(i), path+"["+strconv.Itoa(i)+"]")
	}
	v.Set(s)
}

// dict decodes a mapping with string keys, such as roles.
func (dec *decoder) dict(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		dec.wrong(n, v.Type(), path)
		return
	}
	es := dec.entries(n, path)
	if len(es) == 0 {
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(es))
	for _, e := range es {
		p := join(path, e.key.Value)
		dec.key[p] = posOf(e.key)
		val := reflect.New(v.Type().Elem()).Elem()
		dec.value(e.val, val, p)
		m.SetMapIndex(reflect.ValueOf(e.key.Value).Convert(v.Type().Key()), val)
	}
	v.Set(m)
}

// steps decodes the steps mapping; the key of each entry becomes the step's ID and the
// order of the file is kept.
func (dec *decoder) steps(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		dec.wrong(n, stepsType, path)
		return
	}
	var out Steps
	for _, e := range dec.entries(n, path) {
		p := join(path, e.key.Value)
		dec.key[p] = posOf(e.key)
		st := &Step{ID: e.key.Value}
		dec.value(e.val, reflect.ValueOf(st).Elem(), p)
		out = append(out, st)
	}
	if len(out) > 0 {
		v.Set(reflect.ValueOf(out))
	}
}

// form decodes a form mapping; the key of each entry becomes the field's Name.
func (dec *decoder) form(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		dec.wrong(n, formType, path)
		return
	}
	var out Form
	for _, e := range dec.entries(n, path) {
		p := join(path, e.key.Value)
		dec.key[p] = posOf(e.key)
		f := &Field{Name: e.key.Value}
		dec.value(e.val, reflect.ValueOf(f).Elem(), p)
		out = append(out, f)
	}
	if len(out) > 0 {
		v.Set(reflect.ValueOf(out))
	}
}

// wrong reports a value of the wrong shape, saying what was expected in the designer's
// words rather than Go's.
func (dec *decoder) wrong(n *yaml.Node, t reflect.Type, path string) {
	dec.markBad(path, "expected "+describe(t)+", not "+shape(n))
}

// describe names what a value of type t looks like in YAML.
func describe(t reflect.Type) string {
	switch t {
	case durationType:
		return "a duration like 3wd or 6w"
	case deadlineType, reflect.PointerTo(deadlineType):
		return "a duration like 3wd or a mapping with within/from"
	case stepsType:
		return "a mapping of steps keyed by their id"
	case formType:
		return "a mapping of form fields keyed by their name"
	case stepType, reflect.PointerTo(stepType):
		return "a step: a mapping with kind, next and the keys of its kind"
	case fieldType:
		return "a form field: a mapping with type, label, required, …"
	case transitionType:
		return "a transition: a mapping with goto and optionally when"
	case rungType:
		return "a rung: a mapping with after and remind, to, stalled or goto"
	case definitionType:
		return "a mapping with gemeente, process, title, roles, start and steps"
	case reflect.TypeFor[[]Transition]():
		return "a list of transitions, like [{goto: plan}]"
	case reflect.TypeFor[[]Rung]():
		return "a list of rungs, like [{after: 5w, remind: assignee}]"
	}
	switch t.Kind() {
	case reflect.Slice:
		return "a list, like [a, b]"
	case reflect.Map:
		return "a mapping of ids to names, like {wijkcoach: Wijkcoach}"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "text"
	case reflect.Pointer:
		return describe(t.Elem())
	}
	return "a mapping"
}

// shape names what the designer wrote.
func shape(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.DocumentNode:
		return "a document"
	}
	return quote(n.Value)
}

// quote quotes a value for a message, shortening it so a huge value cannot flood the output.
func quote(s string) string {
	const maxRunes = 40
	if r := []rune(s); len(r) > maxRunes {
		return strconv.Quote(string(r[:maxRunes])) + "…"
	}
	return strconv.Quote(s)
}

// join appends a key to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// structInfo is a struct's yaml keys, in declaration order for suggestions.
type structInfo struct {
	index map[string]int
	names []string
}

var structInfos sync.Map // reflect.Type → *structInfo

// fieldsOf returns the yaml keys of a struct type.
func fieldsOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{index: map[string]int{}}
	for i := range t.NumField() {
		name := yamlName(t.Field(i))
		if name == "" {
			continue
		}
		si.index[name] = i
		si.names = append(si.names, name)
	}
	structInfos.Store(t, si)
	return si
}

// yamlName is a struct field's yaml key, or "" for fields not written in YAML.
func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}
