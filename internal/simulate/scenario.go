package simulate

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/yamldoc"
)

// Scenarios are sample cases of one definition, as a scenarios file holds them.
type Scenarios struct {
	// File is where they were read from, for messages.
	File string `yaml:"-"`
	// Start is when the first case comes in (default: Monday 2 March 2026, 09:00 in
	// Amsterdam, so weekends and holidays fall where a reader expects).
	Start time.Time `yaml:"start"`
	Cases []*Case   `yaml:"cases"`
}

// Case is one sample case: its intake, and the answer each task gets.
type Case struct {
	Name string `yaml:"name"`
	// Team owns the case; default the definition's first team.
	Team   string         `yaml:"team"`
	Intake map[string]any `yaml:"intake"`
	// Answers are given in order per step: the first answer of a step to the step's
	// first task, the second to its second, and so on.
	Answers []*Answer `yaml:"answers"`
	// Until ends the rehearsal of a case that has not ended by then (default 2 years).
	Until law.Duration `yaml:"until"`
	// Expect, when set, is the end step the case must reach; the report flags another.
	Expect string `yaml:"expect"`
}

// Answer is what one task gets and how long after it opened; or, with Event, the event
// from outside that a waiting step receives and how long after the wait began.
type Answer struct {
	// Process is the process of a child case whose task this answers; empty for the
	// case itself.
	Process string         `yaml:"process"`
	Step    string         `yaml:"step"`
	Event   string         `yaml:"event"`
	After   law.Duration   `yaml:"after"`
	Data    map[string]any `yaml:"data"`
	// Suspend, when set, makes this no answer but an opschorting (Awb 4:15): After the
	// step's task opened, the case's clocks stop for this long, then run again.
	Suspend *law.Duration `yaml:"suspend"`

	line int // where the answer is written, for the report
}

// DefaultStart is the default start of a rehearsal.
var DefaultStart = time.Date(2026, 3, 2, 9, 0, 0, 0, law.Amsterdam())

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

// scenariosKind names a scenarios file in the messages about the file as a whole.
var scenariosKind = yamldoc.Kind{
	Name:    "set of scenarios",
	Start:   "a scenarios file starts with cases:",
	Mapping: "a scenarios file is a mapping with cases: (and optionally start:)",
}

// scenarioTypes are the values of a scenarios file not written as their Go shape.
var scenarioTypes = map[reflect.Type]yamldoc.Func{
	reflect.TypeFor[law.Duration](): yamldoc.Scalar(law.ParseDuration),
	reflect.TypeFor[time.Time](): yamldoc.Scalar(func(s string) (time.Time, error) {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return t, errors.New("is not a time; write e.g. 2026-03-02T09:00:00+01:00")
		}
		return t, nil
	}),
}

// Parse is Load on the file's content.
func Parse(file string, src []byte, def *definitions.Definition, related []*definitions.Definition) (*Scenarios, definitions.Issues) {
	dec := &yamldoc.Decoder{Types: scenarioTypes, Describe: describe}
	s := &Scenarios{File: file, Start: DefaultStart}
	if !dec.DecodeFile(src, scenariosKind, s) {
		return nil, definitions.IssuesOf(file, dec.Sorted())
	}
	for i, c := range s.Cases {
		completeCase(dec.Doc, c, fmt.Sprintf("cases[%d]", i))
	}
	if len(s.Cases) == 0 && len(dec.Problems) == 0 {
		dec.At("cases", "holds no cases; add at least one")
	}
	check(dec.Doc, s, def, related)
	return s, definitions.IssuesOf(file, dec.Sorted())
}

// describe names the values of a scenarios file for "expected …, not …".
func describe(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[law.Duration]():
		return "a duration like 3wd or 6w"
	case reflect.TypeFor[time.Time]():
		return "a time like 2026-03-02T09:00:00+01:00"
	case reflect.TypeFor[[]*Case]():
		return "a list of cases"
	case reflect.TypeFor[Case]():
		return "a case: a mapping with name, team, intake, answers, until and expect"
	case reflect.TypeFor[[]*Answer]():
		return "a list of answers"
	case reflect.TypeFor[Answer]():
		return "an answer: a mapping with step or event, after and data"
	case reflect.TypeFor[map[string]any]():
		return "a mapping of form fields to values"
	}
	return ""
}

// completeCase fills in the defaults of a decoded case and checks what belongs together.
func completeCase(doc *yamldoc.Doc, c *Case, path string) {
	if c == nil {
		doc.Fail(path, "is empty; a case has at least a name")
		return
	}
	if !doc.Has(path + ".until") {
		c.Until = law.Duration{N: 104, Unit: law.Week}
	}
	if c.Intake == nil && doc.Has(path+".intake") {
		c.Intake = map[string]any{}
	}
	if c.Name == "" {
		doc.Fail(path+".name", "is required: the name of the case in the report")
	}
	for i, a := range c.Answers {
		apath := fmt.Sprintf("%s.answers[%d]", path, i)
		if a == nil {
			doc.Fail(apath, "is empty; an answer names its step (or event)")
			continue
		}
		a.line = doc.Locate(apath).Line
		if a.Data == nil && doc.Has(apath+".data") {
			a.Data = map[string]any{}
		}
		switch {
		case a.Step == "" && a.Event == "":
			doc.Fail(apath+".step", "is required: the step whose task gets this answer (or event: for a waiting step)")
		case a.Step != "" && a.Event != "":
			doc.Fail(apath+".event", "an answer is for a task (step:) or an event (event:), not both")
		case a.Suspend != nil && (a.Event != "" || a.Data != nil):
			doc.Fail(apath+".suspend", "an opschorting names the step whose task it waits on, with after: and suspend:, and no data or event")
		}
	}
}

// check finds the names in the scenarios that the definitions do not know.
func check(doc *yamldoc.Doc, s *Scenarios, def *definitions.Definition, related []*definitions.Definition) {
	defs := map[string]*definitions.Definition{"": def, def.Process: def}
	for _, r := range related {
		defs[r.Process] = r
	}
	for i, c := range s.Cases {
		path := fmt.Sprintf("cases[%d]", i)
		if c == nil {
			continue
		}
		if c.Team != "" && !slices.Contains(def.Teams, c.Team) {
			doc.Fail(path+".team", fmt.Sprintf("team %q is not one of the definition's teams (%s)", c.Team, strings.Join(def.Teams, ", ")))
		}
		if c.Expect != "" {
			if st := def.Steps.Step(c.Expect); st == nil || st.Kind != definitions.KindEnd {
				doc.Fail(path+".expect", fmt.Sprintf("%q is not an end step of %s", c.Expect, def.Process))
			}
		}
		for j, a := range c.Answers {
			apath := fmt.Sprintf("%s.answers[%d]", path, j)
			if a == nil {
				continue
			}
			d := defs[a.Process]
			if d == nil {
				doc.Fail(apath+".process", fmt.Sprintf("no process %q of gemeente %s is loaded", a.Process, def.Gemeente))
				continue
			}
			if st := d.Steps.Step(a.Step); a.Step != "" && (st == nil || st.Kind != definitions.KindTask) {
				doc.Fail(apath+".step", fmt.Sprintf("%q is not a task step of %s", a.Step, d.Process))
			}
			if a.Event != "" && !slices.ContainsFunc(d.Steps, func(st *definitions.Step) bool { return st.Event == a.Event }) {
				doc.Fail(apath+".event", fmt.Sprintf("no wait step of %s waits for event %q", d.Process, a.Event))
			}
		}
	}
}
