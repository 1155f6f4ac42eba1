package yamldoc

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The decoder walks the yaml.Node tree itself instead of calling yaml.Node.Decode, so
// that every unknown key and every wrongly shaped value becomes a located Problem (and
// decoding goes on after it), and so that types written their own way need no custom
// unmarshalers on the shared types.

// DefaultMaxValues bounds the values one file may expand to when a Decoder sets no
// MaxValues. A shipped definition has a few thousand; the bound stops alias bombs
// ("billion laughs") from exhausting memory.
const DefaultMaxValues = 300_000

// Func decodes a value of one Go type its own way: v is addressable, n is resolved
// (no alias) and not null, and path is where the value sits.
type Func func(dec *Decoder, n *yaml.Node, v reflect.Value, path string)

// Decoder fills Go values from nodes by their yaml tags (a field without one is written
// as its lower-case name; `yaml:"-"` is never written), recording every place in its
// Doc. Structs, lists, mappings with string keys, text, true/false and free values
// (any) are known; other types need a Func in Types.
type Decoder struct {
	*Doc
	// Types decodes the types written their own way, such as a duration "6w".
	Types map[reflect.Type]Func
	// Describe names what a value of a type looks like in the file, for "expected …,
	// not …"; "" leaves it to the general words ("a list, like [a, b]", "text").
	Describe func(reflect.Type) string
	// Suggest completes the message on an unknown key, given the keys known there; by
	// default it lists them when there are at most ten.
	Suggest func(key string, known []string) string
	// MaxValues bounds the values decoded; zero means DefaultMaxValues.
	MaxValues int

	visits int
}

// DecodeFile reads src, a whole file of kind k, and decodes its root mapping into the
// value v points to; false means the file holds no document to decode (the reasons are
// among the Problems). A Decoder without a Doc gets a new one.
func (dec *Decoder) DecodeFile(src []byte, k Kind, v any) bool {
	if dec.Doc == nil {
		dec.Doc = New()
	}
	root := dec.Read(src, k)
	if root == nil {
		return false
	}
	dec.Decode(root, v)
	return true
}

// Decode fills the value v points to from n, the root of the document.
func (dec *Decoder) Decode(n *yaml.Node, v any) {
	dec.Value(n, reflect.ValueOf(v).Elem(), "")
}

// Value decodes n into v, which is addressable, at path.
func (dec *Decoder) Value(n *yaml.Node, v reflect.Value, path string) {
	n, ok := dec.resolve(n, path)
	if !ok {
		return
	}
	if _, seen := dec.Values[path]; !seen {
		dec.Values[path] = posOf(n)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value; "required" checks catch it later
	}
	t := v.Type()
	if f, ok := dec.Types[t]; ok {
		f(dec, n, v, path)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		e := reflect.New(t.Elem())
		dec.Value(n, e.Elem(), path)
		v.Set(e)
	case reflect.Struct:
		dec.Struct(n, v, path)
	case reflect.Slice:
		dec.list(n, v, path)
	case reflect.Map:
		dec.dict(n, v, path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			dec.Wrong(n, t, path)
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && err == nil && n.Value != "1" && n.Value != "0" {
			dec.MarkBad(path, "expected true or false without quotes, not "+Quote(n.Value))
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || err != nil {
			dec.Wrong(n, t, path)
			return
		}
		v.SetBool(b)
	case reflect.Interface:
		dec.free(n, v, path)
	default:
		// Kept so that a new field type fails loudly in tests.
		dec.At(path, fmt.Sprintf("cannot read a value of this kind (%s)", t.Kind()))
	}
}

// free decodes a value of any shape (form data in a scenario) as yaml.v3 does, which
// bounds aliases itself.
func (dec *Decoder) free(n *yaml.Node, v reflect.Value, path string) {
	if !dec.charge(len(n.Content), path) {
		return
	}
	var x any
	if err := n.Decode(&x); err != nil {
		dec.MarkBad(path, "cannot read this value: "+strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	if x != nil && reflect.TypeOf(x).AssignableTo(v.Type()) {
		v.Set(reflect.ValueOf(x))
	}
}

// charge counts work against the budget; false means the budget is spent and decoding
// stops, after one problem saying why.
func (dec *Decoder) charge(n int, path string) bool {
	budget := dec.MaxValues
	if budget == 0 {
		budget = DefaultMaxValues
	}
	if dec.visits > budget {
		return false
	}
	dec.visits += n
	if dec.visits > budget {
		dec.At(path, fmt.Sprintf("the file expands to more than %d values; do anchors and aliases (*name) repeat each other?", budget))
		dec.Bad[""] = true // what was decoded is partial: checking it would only add noise
		return false
	}
	return true
}

// resolve follows aliases and counts visits; false means stop decoding this value.
func (dec *Decoder) resolve(n *yaml.Node, path string) (*yaml.Node, bool) {
	if !dec.charge(1, path) {
		return nil, false
	}
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > 100 {
			dec.At(path, "alias points nowhere")
			return nil, false
		}
		n = n.Alias
	}
	return n, true
}

// Struct decodes a mapping into a struct by the fields' yaml tags; an unknown key is a
// problem at the key.
func (dec *Decoder) Struct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		dec.Wrong(n, v.Type(), path)
		return
	}
	info := fieldsOf(v.Type())
	for _, e := range dec.entries(n, path) {
		p := Join(path, e.key.Value)
		i, ok := info.index[e.key.Value]
		if !ok {
			dec.Add(Problem{Line: e.key.Line, Col: e.key.Column, Path: p,
				Message: "unknown key " + Quote(e.key.Value) + dec.suggest(e.key.Value, info.names)})
			continue
		}
		dec.Keys[p] = posOf(e.key)
		dec.Written[path] = append(dec.Written[path], e.key.Value)
		dec.Value(e.val, v.Field(i), p)
	}
}

func (dec *Decoder) suggest(key string, known []string) string {
	if dec.Suggest != nil {
		return dec.Suggest(key, known)
	}
	if len(known) > 0 && len(known) <= 10 {
		return "; write one of: " + strings.Join(known, ", ")
	}
	return ""
}

// list decodes a sequence into a slice; an empty list stays nil so that a value
// round-trips through JSON (which omits empty lists) unchanged.
func (dec *Decoder) list(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.SequenceNode {
		dec.Wrong(n, v.Type(), path)
		return
	}
	if len(n.Content) == 0 {
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		dec.Value(item, s.Index(i), path+"["+strconv.Itoa(i)+"]")
	}
	v.Set(s)
}

// dict decodes a mapping with string keys into a map.
func (dec *Decoder) dict(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		dec.Wrong(n, v.Type(), path)
		return
	}
	es := dec.entries(n, path)
	if len(es) == 0 {
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(es))
	for _, e := range es {
		p := Join(path, e.key.Value)
		dec.Keys[p] = posOf(e.key)
		val := reflect.New(v.Type().Elem()).Elem()
		dec.Value(e.val, val, p)
		m.SetMapIndex(reflect.ValueOf(e.key.Value).Convert(v.Type().Key()), val)
	}
	v.Set(m)
}
