package yamldoc

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// item is a value keyed by its id in a mapping, as steps are.
type item struct {
	ID    string `yaml:"-"`
	Title string `yaml:"title"`
	Done  bool   `yaml:"done"`
}

type items []*item

// size is a type written as one scalar, as a duration is.
type size int

type sample struct {
	Name  string            `yaml:"name"`
	Tags  []string          `yaml:"tags"`
	Roles map[string]string `yaml:"roles"`
	Items items             `yaml:"items"`
	Size  *size             `yaml:"size"`
	Data  map[string]any    `yaml:"data"`
	Plain string            // written as "plain"
}

var sampleTypes = map[reflect.Type]Func{
	reflect.TypeFor[items](): Keyed(func(it *item, id string) { it.ID = id }),
	reflect.TypeFor[size](): Scalar(func(s string) (size, error) {
		n, err := strconv.Atoi(strings.TrimSuffix(s, "m"))
		if err != nil || !strings.HasSuffix(s, "m") {
			return 0, errors.New(Quote(s) + " is not a size; write 3m")
		}
		return size(n), nil
	}),
}

// decode reads src into a sample and renders its problems as "line:col: path: message".
func decode(src string, max int) (*sample, []string) {
	doc := New()
	var s sample
	if root := doc.Read([]byte(src), Kind{Name: "sample", Start: "a sample starts with name:", Mapping: "a sample is a mapping", MaxSize: max}); root != nil {
		(&Decoder{Doc: doc, Types: sampleTypes, MaxValues: 200}).Decode(root, &s)
	}
	var out []string
	for _, p := range doc.Sorted() {
		line := strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col) + ": "
		if p.Path != "" {
			line += p.Path + ": "
		}
		out = append(out, line+p.Message)
	}
	return &s, out
}

func TestDecodeProblems(t *testing.T) {
	// Merge keys of merge keys ("billion laughs"): each level repeats the one before ten times.
	var bomb strings.Builder
	bomb.WriteString("items:\n  m0: &m0 {title: x}\n")
	for i := 1; i <= 6; i++ {
		prev := "*m" + strconv.Itoa(i-1)
		bomb.WriteString("  m" + strconv.Itoa(i) + ": &m" + strconv.Itoa(i) + " {<<: [" + strings.TrimSuffix(strings.Repeat(prev+", ", 10), ", ") + "]}\n")
	}
	aliases := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"data: {c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]}\n"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"valid", "name: a\ntags: [x]\nitems: {b: {title: B}, a: {done: true}}\nsize: 3m\nplain: p\n", nil},
		{"unknown key", "name: a\ntitel: b\n", []string{`2:1: titel: unknown key "titel"; write one of: name, tags, roles, items, size, data, plain`}},
		{"every problem, not the first", "nme: a\ntags: x\nsize: 3\n", []string{
			`1:1: nme: unknown key "nme"; write one of: name, tags, roles, items, size, data, plain`,
			`2:7: tags: expected a list, like [a, b], not "x"`,
			`3:7: size: "3" is not a size; write 3m`,
		}},
		{"key twice", "name: a\nname: b\n", []string{`2:1: name: "name" is already defined on line 1; keep one`}},
		{"key not a name", "[a]: b\n", []string{`1:1: a key must be a plain name, not a list or mapping`}},
		{"text expected", "name: {a: b}\n", []string{`1:7: name: expected text, not a mapping`}},
		{"quoted bool", "items: {a: {done: \"true\"}}\n", []string{`1:19: items.a.done: expected true or false without quotes, not "true"`}},
		{"bool expected", "items: {a: {done: 7}}\n", []string{`1:19: items.a.done: expected true or false, not "7"`}},
		{"keyed mapping expected", "items: [a]\n", []string{`1:8: items: expected a list, like [a, b], not a list`}},
		{"item's unknown key", "items:\n  a:\n    titel: x\n", []string{`3:5: items.a.titel: unknown key "titel"; write one of: title, done`}},
		{"merge of a scalar", "items: {a: {<<: 5}}\n", []string{`1:17: items.a: a merge key (<<) needs an alias of a mapping, like <<: *defaults`}},
		{"alias bomb", bomb.String(), []string{`4:7: items.m2: the file expands to more than 200 values; do anchors and aliases (*name) repeat each other?`}},
		{"aliases in free values", aliases, []string{
			`1:1: a: unknown key "a"; write one of: name, tags, roles, items, size, data, plain`,
			`2:1: b: unknown key "b"; write one of: name, tags, roles, items, size, data, plain`,
			`3:11: data.c: cannot read this value: document contains excessive aliasing`,
		}},
		{"empty", "", []string{"1:1: the file is empty; a sample starts with name:"}},
		{"only a comment", "# niets\n", []string{"1:1: the file is empty; a sample starts with name:"}},
		{"not a mapping", "- a\n", []string{"1:1: a sample is a mapping, not a list"}},
		{"two documents", "name: a\n---\nname: b\n", []string{"2:1: a file holds one sample; move the document after --- to a file of its own"}},
		{"tab", "name: a\nitems:\n\ta: {}\n", []string{"3:1: invalid YAML: a tab indents this line; YAML indents with spaces only: replace the tab by spaces"}},
		{"parser's own message", "name: {a: b,\n      c: d\n", []string{"2:0: invalid YAML: did not find expected ',' or '}'"}},
		{"too big", strings.Repeat("#", 101), []string{"0:0: the file has 101 bytes; a sample may be at most 100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			max := 0
			if tt.name == "too big" {
				max = 100
			}
			_, got := decode(tt.src, max)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	src := "name: &n a\nplain: *n\ntags: []\nroles: {x: X}\nitems:\n  b: &base {title: B, done: true}\n  a: {<<: *base, title: A}\nsize: 3m\ndata: {n: 1, leeg: , lijst: [x]}\n"
	s, problems := decode(src, 0)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	three := size(3)
	tests := []struct {
		name      string
		got, want any
	}{
		{"alias", s.Plain, "a"},
		{"an empty list stays nil", s.Tags == nil, true},
		{"mapping", s.Roles, map[string]string{"x": "X"}},
		{"keyed, in the file's order", []string{s.Items[0].ID, s.Items[1].ID}, []string{"b", "a"}},
		{"merge keeps the base", s.Items[1].Done, true},
		{"merge lets keys override", s.Items[1].Title, "A"},
		{"scalar type", s.Size, &three},
		{"free values", s.Data, map[string]any{"n": 1, "leeg": nil, "lijst": []any{"x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %#v, want %#v", tt.got, tt.want)
			}
		})
	}
}

// TestLocate: checks made after decoding point at the value, or at the nearest place
// written when the value is missing, and stay silent on a value already reported.
func TestLocate(t *testing.T) {
	doc := New()
	root := doc.Read([]byte("name: a\nitems:\n  a: {title: x}\n  b: {done: ja}\n"), Kind{Name: "sample"})
	var s sample
	(&Decoder{Doc: doc, Types: sampleTypes}).Decode(root, &s)
	doc.Problems = nil
	doc.Fail("items.a.title", "too short")
	doc.Fail("items.a.done", "is required")
	doc.Fail("items.b.done", "not reported twice")
	doc.AtKey("items.b", "unused")
	var got []string
	for _, p := range doc.Sorted() {
		got = append(got, strconv.Itoa(p.Line)+":"+strconv.Itoa(p.Col)+": "+p.Path+": "+p.Message)
	}
	want := "3:3: items.a.done: is required\n3:14: items.a.title: too short\n4:3: items.b: unused"
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got\n%s\nwant\n%s", g, want)
	}
}
