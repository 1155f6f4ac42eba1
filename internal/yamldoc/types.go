package yamldoc

import (
	"reflect"

	"gopkg.in/yaml.v3"
)

// Scalar decodes a type written as one scalar, such as a duration "6w" or a time,
// with parse; parse's error is the message.
func Scalar[T any](parse func(string) (T, error)) Func {
	return func(dec *Decoder, n *yaml.Node, v reflect.Value, path string) {
		if n.Kind != yaml.ScalarNode {
			dec.Wrong(n, v.Type(), path)
			return
		}
		x, err := parse(n.Value)
		if err != nil {
			dec.MarkBad(path, err.Error())
			return
		}
		v.Set(reflect.ValueOf(x))
	}
}

// Keyed decodes a mapping keyed by id into a list of *T (a slice type of *T) in the
// order of the file; setKey gives each element its key, as the steps of a definition
// get their ids. An empty mapping leaves the list nil.
func Keyed[T any](setKey func(*T, string)) Func {
	return func(dec *Decoder, n *yaml.Node, v reflect.Value, path string) {
		if n.Kind != yaml.MappingNode {
			dec.Wrong(n, v.Type(), path)
			return
		}
		out := v
		for _, e := range dec.entries(n, path) {
			p := Join(path, e.key.Value)
			dec.Keys[p] = posOf(e.key)
			elem := new(T)
			setKey(elem, e.key.Value)
			dec.Value(e.val, reflect.ValueOf(elem).Elem(), p)
			out = reflect.Append(out, reflect.ValueOf(elem))
		}
		if out.Len() > 0 {
			v.Set(out)
		}
	}
}
