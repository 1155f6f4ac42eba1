package definitions

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/internal/yamldoc"
)

// A worker reads teams, roles and options by their labels, never by their ids: ids are
// for conditions, the API and the Temporal Web UI. A definition names what reads badly
// by default (teams: {lemelerveld: Lemelerveld (pilot)}, options: [{value: cjg, label:
// CJG}]); everything else reads as its id in words (Label).

// Label reads an id as a worker would name it when the definition gives no label:
// underscores and dashes become spaces and the first letter a capital, so
// "wmo_consulent" reads "Wmo consulent" and "leidsche-rijn" "Leidsche rijn".
func Label(id string) string {
	s := strings.Join(strings.FieldsFunc(id, func(r rune) bool { return r == '_' || r == '-' }), " ")
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return id
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// TeamLabel is the name of a team as workers read it.
func (d *Definition) TeamLabel(team string) string {
	if d != nil && d.TeamLabels[team] != "" {
		return d.TeamLabels[team]
	}
	return Label(team)
}

// RoleLabel is the name of a role as workers read it.
func (d *Definition) RoleLabel(role string) string {
	if d != nil && d.Roles[role] != "" {
		return d.Roles[role]
	}
	return Label(role)
}

// Question is what a field asks as the worker reads it: its label, or its name in words.
func (f *Field) Question() string {
	if f.Label != "" {
		return f.Label
	}
	return Label(f.Name)
}

// OptionLabel is how a worker reads an option of a choice or choices field.
func (f *Field) OptionLabel(value string) string {
	if f != nil && f.OptionLabels[value] != "" {
		return f.OptionLabels[value]
	}
	return Label(value)
}

// optionSpec is an option written with its label, {value: cjg, label: CJG}.
type optionSpec struct {
	Value string `yaml:"value"`
	Label string `yaml:"label"`
}

// decodeField reads a form field whose options may carry labels: each {value, label}
// becomes the value in Options and its label in OptionLabels.
func decodeField(dec *yamldoc.Decoder, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		dec.Struct(n, v, path)
		return
	}
	plain := *n
	plain.Content = append([]*yaml.Node(nil), n.Content...)
	labels := map[string]string{}
	for i := 0; i+1 < len(plain.Content); i += 2 {
		if plain.Content[i].Value == "options" && plain.Content[i+1].Kind == yaml.SequenceNode {
			plain.Content[i+1] = labelled(dec, plain.Content[i+1], yamldoc.Join(path, "options"), labels)
		}
	}
	dec.Struct(&plain, v, path)
	if len(labels) > 0 {
		v.FieldByName("OptionLabels").Set(reflect.ValueOf(labels))
	}
}

// labelled is a list of values and {value, label} mappings as a list of values, the
// labels put in labels.
func labelled(dec *yamldoc.Decoder, seq *yaml.Node, path string, labels map[string]string) *yaml.Node {
	out := *seq
	out.Content = make([]*yaml.Node, len(seq.Content))
	for i, item := range seq.Content {
		out.Content[i] = item
		if item.Kind != yaml.MappingNode {
			continue
		}
		p := path + "[" + strconv.Itoa(i) + "]"
		dec.Values[p] = yamldoc.Pos{Line: item.Line, Col: item.Column}
		var o optionSpec
		dec.Struct(item, reflect.ValueOf(&o).Elem(), p)
		if o.Value == "" {
			dec.Say(yamldoc.Join(p, "value"), words.Msg(words.ProblemRequired))
		}
		if o.Label != "" {
			labels[o.Value] = o.Label
		}
		value := *item
		value.Kind, value.Tag, value.Value, value.Content, value.Style = yaml.ScalarNode, "!!str", o.Value, nil, 0
		out.Content[i] = &value
	}
	return &out
}

// teamsListed reads teams: written as a mapping of ids to labels in the order written,
// {lemelerveld: Lemelerveld (pilot)}, as the list of its ids, and gives the labels; a
// list of ids, [dalfsen, nieuwleusen], stays as it is. root is the definition's mapping,
// changed in place only in its teams value.
func teamsListed(dec *yamldoc.Decoder, root *yaml.Node) map[string]string {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		n := root.Content[i+1]
		if root.Content[i].Value != "teams" || n.Kind != yaml.MappingNode {
			continue
		}
		ids := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: n.Line, Column: n.Column}
		labels := map[string]string{}
		for j := 0; j+1 < len(n.Content); j += 2 {
			k := n.Content[j]
			var label string
			dec.Value(n.Content[j+1], reflect.ValueOf(&label).Elem(), yamldoc.Join("teams", k.Value))
			labels[k.Value] = label
			ids.Content = append(ids.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.Value, Line: k.Line, Column: k.Column})
		}
		root.Content[i+1] = ids
		return labels
	}
	return nil
}
