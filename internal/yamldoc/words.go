package yamldoc

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Wrong reports a value of the wrong shape, saying what was expected in the words of
// the file rather than Go's.
func (dec *Decoder) Wrong(n *yaml.Node, t reflect.Type, path string) {
	dec.MarkBad(path, "expected "+dec.describe(t)+", not "+shape(n))
}

// describe names what a value of type t looks like in YAML.
func (dec *Decoder) describe(t reflect.Type) string {
	if dec.Describe != nil {
		if s := dec.Describe(t); s != "" {
			return s
		}
	}
	switch t.Kind() {
	case reflect.Slice:
		return "a list, like [a, b]"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "text"
	case reflect.Pointer:
		return dec.describe(t.Elem())
	}
	return "a mapping"
}

// shape names what the file has where a value was expected.
func shape(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.DocumentNode:
		return "a document"
	}
	return Quote(n.Value)
}

// Quote quotes a value for a message, shortening it so a huge value cannot flood the output.
func Quote(s string) string {
	const maxRunes = 40
	if r := []rune(s); len(r) > maxRunes {
		return strconv.Quote(string(r[:maxRunes])) + "…"
	}
	return strconv.Quote(s)
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
