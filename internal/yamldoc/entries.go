package yamldoc

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// entry is one key and value of a mapping, after merge keys ("<<: *base") are expanded.
type entry struct {
	key, val *yaml.Node
}

// entries lists a mapping's pairs: explicit keys first, then merged keys that no explicit
// key overrides, as YAML's merge key specifies. Duplicate explicit keys are reported.
func (dec *Decoder) entries(n *yaml.Node, path string) []entry {
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
			dec.Add(Problem{Line: k.Line, Col: k.Column, Path: path, Message: "a key must be a plain name, not a list or mapping"})
			continue
		}
		if first, dup := seen[k.Value]; dup {
			dec.Add(Problem{Line: k.Line, Col: k.Column, Path: Join(path, k.Value),
				Message: fmt.Sprintf("%s is already defined on line %d; keep one", Quote(k.Value), first.Line)})
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
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// mergeSources returns the mappings a merge key names: one alias or a list of them.
func (dec *Decoder) mergeSources(m *yaml.Node, path string) []*yaml.Node {
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
		dec.Add(Problem{Line: m.Line, Col: m.Column, Path: path, Message: "a merge key (<<) needs an alias of a mapping, like <<: *defaults"})
	}
	return list
}
