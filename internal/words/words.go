package words

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Code names one message of the catalogue, e.g. "rule.required".
type Code string

// Lang is a language a message is rendered in.
type Lang string

// The languages of the catalogue.
const (
	NL Lang = "nl"
	EN Lang = "en"
)

// Text is one message in both languages, each a template with {name} or
// {name:formatter} arguments.
type Text struct {
	NL, EN string
}

// Message is something to say: a code and its arguments. It travels as data (JSON, in
// a Temporal error's details) and is rendered at the edge.
type Message struct {
	Code Code              `json:"code"`
	Args map[string]string `json:"args,omitempty"`
}

// Msg builds a message from a code and name, value pairs.
func Msg(code Code, nameValues ...string) Message {
	m := Message{Code: code}
	if len(nameValues) > 0 {
		m.Args = make(map[string]string, len(nameValues)/2)
		for i := 0; i+1 < len(nameValues); i += 2 {
			m.Args[nameValues[i]] = nameValues[i+1]
		}
	}
	return m
}

// In renders the message in a language. A code the catalogue does not know renders as
// the code itself with its arguments, so nothing is hidden.
func (m Message) In(l Lang) string {
	t, ok := catalogue()[m.Code]
	if !ok {
		return string(m.Code) + argsSuffix(m.Args)
	}
	tmpl := t.EN
	if l == NL {
		tmpl = t.NL
	}
	return expand(tmpl, l, m.Args)
}

// NL renders the message in Dutch.
func (m Message) NL() string { return m.In(NL) }

// String renders the message in English, for logs and programs.
func (m Message) String() string { return m.In(EN) }

// Lookup returns the text of a code.
func Lookup(c Code) (Text, bool) {
	t, ok := catalogue()[c]
	return t, ok
}

// Codes lists every code of the catalogue, sorted.
func Codes() []Code {
	return slices.Sorted(maps.Keys(catalogue()))
}

var tables = []map[Code]Text{}

// register adds a domain's table; each table file calls it from a package-level var.
func register(t map[Code]Text) map[Code]Text {
	tables = append(tables, t)
	return t
}

// catalogue merges the tables once, after package initialisation registered them all.
var catalogue = sync.OnceValue(func() map[Code]Text {
	m := map[Code]Text{}
	for _, t := range tables {
		for c, x := range t {
			if _, dup := m[c]; dup {
				panic(fmt.Sprintf("words: code %q is in two tables", c))
			}
			m[c] = x
		}
	}
	return m
})

// expand fills a template's {name} and {name:formatter} arguments.
func expand(tmpl string, l Lang, args map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		name, format, _ := strings.Cut(tmpl[i+1:i+j], ":")
		b.WriteString(formatArg(format, args[name], l))
		tmpl = tmpl[i+j+1:]
	}
}

// Params returns the argument names a template uses, in order.
func Params(tmpl string) []string {
	var out []string
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			return out
		}
		name, _, _ := strings.Cut(tmpl[i+1:i+j], ":")
		out = append(out, name)
		tmpl = tmpl[i+j+1:]
	}
}

func argsSuffix(args map[string]string) string {
	if len(args) == 0 {
		return ""
	}
	parts := make([]string, 0, len(args))
	for _, k := range slices.Sorted(maps.Keys(args)) {
		parts = append(parts, k+"="+args[k])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
