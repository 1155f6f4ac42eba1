package simulate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wijkflow/wijkflow/definitions"
)

// Scenarios are sample cases of one definition, as a scenarios file holds them.
type Scenarios struct {
	// File is where they were read from, for messages.
	File string
	// Start is when the first case comes in (default: Monday 2 March 2026, 09:00 in
	// Amsterdam, so weekends and holidays fall where a reader expects).
	Start time.Time
	Cases []*Case
}

// Case is one sample case: its intake, and the answer each task gets.
type Case struct {
	Name string
	// Team owns the case; default the definition's first team.
	Team   string
	Intake map[string]any
	// Answers are given in order per step: the first answer of a step to the step's
	// first task, the second to its second, and so on.
	Answers []*Answer
	// Until ends the rehearsal of a case that has not ended by then (default 2 years).
	Until definitions.Duration
	// Expect, when set, is the end step the case must reach; the report flags another.
	Expect string

	line, col int
	at        map[string][2]int // line and column of the team and expect values
}

// Answer is what one task gets and how long after it opened; or, with Event, the event
// from outside that a waiting step receives and how long after the wait began.
type Answer struct {
	// Process is the process of a child case whose task this answers; empty for the
	// case itself.
	Process string
	Step    string
	Event   string
	After   definitions.Duration
	Data    map[string]any
	// Suspend, when set, makes this no answer but an opschorting (Awb 4:15): After the
	// step's task opened, the case's clocks stop for this long, then run again.
	Suspend *definitions.Duration

	line, col int
}

// DefaultStart is the default start of a rehearsal.
var DefaultStart = time.Date(2026, 3, 2, 9, 0, 0, 0, definitions.Amsterdam())

// Load reads a scenarios file and checks it against the definition (and the related
// ones, for answers to child cases); problems are located as file:line:col.
func Load(file string, def *definitions.Definition, related []*definitions.Definition) (*Scenarios, definitions.Issues) {
	src, err := os.ReadFile(file)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the issue names the file already
		}
		return nil, definitions.Issues{{File: file, Message: "cannot read: " + err.Error() + "; write one (see definitions/README.md, Rehearsal) or give --scenarios"}}
	}
	return Parse(file, src, def, related)
}

// Parse is Load on the file's content.
func Parse(file string, src []byte, def *definitions.Definition, related []*definitions.Definition) (*Scenarios, definitions.Issues) {
	p := &parser{file: file}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		return nil, definitions.Issues{{File: file, Message: "invalid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, definitions.Issues{{File: file, Line: 1, Col: 1, Message: "a scenarios file is a mapping with cases: (and optionally start:)"}}
	}
	s := &Scenarios{File: file, Start: DefaultStart}
	p.mapping(doc.Content[0], "", map[string]func(*yaml.Node){
		"start": func(n *yaml.Node) {
			t, err := time.Parse(time.RFC3339, n.Value)
			if err != nil {
				p.at(n, "start", "is not a time; write e.g. 2026-03-02T09:00:00+01:00")
				return
			}
			s.Start = t
		},
		"cases": func(n *yaml.Node) {
			if n.Kind != yaml.SequenceNode {
				p.at(n, "cases", "must be a list of cases")
				return
			}
			for i, cn := range n.Content {
				s.Cases = append(s.Cases, p.caseOf(cn, fmt.Sprintf("cases[%d]", i)))
			}
		},
	})
	if len(s.Cases) == 0 && len(p.issues) == 0 {
		p.at(doc.Content[0], "cases", "holds no cases; add at least one")
	}
	p.check(s, def, related)
	slices.SortStableFunc(p.issues, func(a, b definitions.Issue) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		return strings.Compare(a.Path, b.Path)
	})
	return s, p.issues
}

type parser struct {
	file   string
	issues definitions.Issues
}

func (p *parser) at(n *yaml.Node, path, msg string) {
	p.issues = append(p.issues, definitions.Issue{File: p.file, Line: n.Line, Col: n.Column, Path: path, Message: msg})
}

// mapping calls the handler of each key of n; unknown keys are problems.
func (p *parser) mapping(n *yaml.Node, path string, keys map[string]func(*yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.at(n, path, "must be a mapping")
		return
	}
	known := make([]string, 0, len(keys))
	for k := range keys {
		known = append(known, k)
	}
	slices.Sort(known)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := keys[k.Value]
		if !ok {
			p.at(k, join(path, k.Value), "unknown key; the keys are: "+strings.Join(known, ", "))
			continue
		}
		h(v)
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (p *parser) caseOf(n *yaml.Node, path string) *Case {
	c := &Case{line: n.Line, col: n.Column, Until: definitions.Duration{N: 104, Unit: definitions.Week}, at: map[string][2]int{}}
	p.mapping(n, path, map[string]func(*yaml.Node){
		"name":   func(v *yaml.Node) { c.Name = v.Value },
		"team":   func(v *yaml.Node) { c.Team, c.at["team"] = v.Value, [2]int{v.Line, v.Column} },
		"expect": func(v *yaml.Node) { c.Expect, c.at["expect"] = v.Value, [2]int{v.Line, v.Column} },
		"until":  func(v *yaml.Node) { c.Until = p.duration(v, join(path, "until")) },
		"intake": func(v *yaml.Node) { c.Intake = p.data(v, join(path, "intake")) },
		"answers": func(v *yaml.Node) {
			if v.Kind != yaml.SequenceNode {
				p.at(v, join(path, "answers"), "must be a list of answers")
				return
			}
			for i, an := range v.Content {
				c.Answers = append(c.Answers, p.answerOf(an, fmt.Sprintf("%s.answers[%d]", path, i)))
			}
		},
	})
	if c.Name == "" {
		p.at(n, join(path, "name"), "is required: the name of the case in the report")
	}
	return c
}

func (p *parser) answerOf(n *yaml.Node, path string) *Answer {
	a := &Answer{line: n.Line, col: n.Column}
	p.mapping(n, path, map[string]func(*yaml.Node){
		"process": func(v *yaml.Node) { a.Process = v.Value },
		"step":    func(v *yaml.Node) { a.Step = v.Value },
		"event":   func(v *yaml.Node) { a.Event = v.Value },
		"suspend": func(v *yaml.Node) { d := p.duration(v, join(path, "suspend")); a.Suspend = &d },
		"after":   func(v *yaml.Node) { a.After = p.duration(v, join(path, "after")) },
		"data":    func(v *yaml.Node) { a.Data = p.data(v, join(path, "data")) },
	})
	switch {
	case a.Step == "" && a.Event == "":
		p.at(n, join(path, "step"), "is required: the step whose task gets this answer (or event: for a waiting step)")
	case a.Step != "" && a.Event != "":
		p.at(n, join(path, "event"), "an answer is for a task (step:) or an event (event:), not both")
	case a.Suspend != nil && (a.Event != "" || a.Data != nil):
		p.at(n, join(path, "suspend"), "an opschorting names the step whose task it waits on, with after: and suspend:, and no data or event")
	}
	return a
}

func (p *parser) duration(n *yaml.Node, path string) definitions.Duration {
	d, err := definitions.ParseDuration(n.Value)
	if err != nil {
		p.at(n, path, err.Error())
	}
	return d
}

func (p *parser) data(n *yaml.Node, path string) map[string]any {
	var m map[string]any
	if err := n.Decode(&m); err != nil || (n.Kind != yaml.MappingNode && n.Tag != "!!null") {
		p.at(n, path, "must be a mapping of form fields to values")
		return nil
	}
	if m == nil {
		m = map[string]any{}
	}
	return m
}

// check finds the names in the scenarios that the definitions do not know.
func (p *parser) check(s *Scenarios, def *definitions.Definition, related []*definitions.Definition) {
	defs := map[string]*definitions.Definition{"": def, def.Process: def}
	for _, r := range related {
		defs[r.Process] = r
	}
	for i, c := range s.Cases {
		path := fmt.Sprintf("cases[%d]", i)
		if c.Team != "" && !slices.Contains(def.Teams, c.Team) {
			p.issues = append(p.issues, definitions.Issue{File: p.file, Line: c.at["team"][0], Col: c.at["team"][1], Path: path + ".team",
				Message: fmt.Sprintf("team %q is not one of the definition's teams (%s)", c.Team, strings.Join(def.Teams, ", "))})
		}
		if c.Expect != "" {
			if st := def.Steps.Step(c.Expect); st == nil || st.Kind != definitions.KindEnd {
				p.issues = append(p.issues, definitions.Issue{File: p.file, Line: c.at["expect"][0], Col: c.at["expect"][1], Path: path + ".expect",
					Message: fmt.Sprintf("%q is not an end step of %s", c.Expect, def.Process)})
			}
		}
		for j, a := range c.Answers {
			apath := fmt.Sprintf("%s.answers[%d]", path, j)
			d := defs[a.Process]
			if d == nil {
				p.issues = append(p.issues, definitions.Issue{File: p.file, Line: a.line, Col: a.col, Path: apath + ".process",
					Message: fmt.Sprintf("no process %q of gemeente %s is loaded", a.Process, def.Gemeente)})
				continue
			}
			if st := d.Steps.Step(a.Step); a.Step != "" && (st == nil || st.Kind != definitions.KindTask) {
				p.issues = append(p.issues, definitions.Issue{File: p.file, Line: a.line, Col: a.col, Path: apath + ".step",
					Message: fmt.Sprintf("%q is not a task step of %s", a.Step, d.Process)})
			}
			if a.Event != "" && !slices.ContainsFunc(d.Steps, func(st *definitions.Step) bool { return st.Event == a.Event }) {
				p.issues = append(p.issues, definitions.Issue{File: p.file, Line: a.line, Col: a.col, Path: apath + ".event",
					Message: fmt.Sprintf("no wait step of %s waits for event %q", d.Process, a.Event)})
			}
		}
	}
}
