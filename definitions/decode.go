package definitions

import (
	"reflect"

	"gopkg.in/yaml.v3"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/internal/yamldoc"
)

// A definition is decoded by the one YAML decoder of the module (internal/yamldoc):
// every unknown key and every wrongly shaped value becomes a located Issue, and decoding
// goes on after it. What is particular to the format plugs in here: steps and forms
// keyed by id, durations, and a deadline written as a bare duration.

// definitionFile names a definition file in the messages about the file as a whole.
var definitionFile = yamldoc.Kind{
	Name:    "definition",
	Start:   "a definition starts with gemeente:, process:, title:, …",
	Mapping: "a definition is a mapping of keys (gemeente:, process:, steps:, …)",
	MaxSize: MaxFileSize,
	Said: yamldoc.KindWords{TooBig: words.ProblemFileTooBig, Empty: words.ProblemFileEmpty,
		OneDocument: words.ProblemOneDefinitionPerFile, NotMapping: words.ProblemNotADefinition},
}

var (
	durationType   = reflect.TypeFor[law.Duration]()
	deadlineType   = reflect.TypeFor[Deadline]()
	stepsType      = reflect.TypeFor[Steps]()
	formType       = reflect.TypeFor[Form]()
	stepType       = reflect.TypeFor[Step]()
	fieldType      = reflect.TypeFor[Field]()
	transitionType = reflect.TypeFor[Transition]()
	rungType       = reflect.TypeFor[Rung]()
	definitionType = reflect.TypeFor[Definition]()
)

// decodeDuration reads a scalar such as "6w" or "10 werkdagen".
var decodeDuration = yamldoc.Scalar(func(s string) (law.Duration, error) {
	if len(s) > 40 {
		return law.Duration{}, &law.DurationError{Problem: words.Msg(words.ProblemNotDurationLong, "value", quote(s))}
	}
	return law.ParseDuration(s)
})

// decodeTypes are the types of the format that are not written as their Go shape.
var decodeTypes = map[reflect.Type]yamldoc.Func{
	durationType: decodeDuration,
	deadlineType: decodeDeadline,
	stepsType:    yamldoc.Keyed(func(s *Step, id string) { s.ID = id }),
	formType:     yamldoc.Keyed(func(f *Field, name string) { f.Name = name }),
	fieldType:    decodeField,
}

// decodeDeadline reads a deadline mapping, or a bare duration, the common case:
// "deadline: 3wd" counts from the step's start.
func decodeDeadline(dec *yamldoc.Decoder, n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.ScalarNode {
		decodeDuration(dec, n, v.FieldByName("Within"), path)
		return
	}
	dec.Struct(n, v, path)
}

// decodeDefinition fills a Definition from the root mapping of a document.
func (r *report) decodeDefinition(root *yaml.Node) *Definition {
	d := &Definition{}
	dec := &yamldoc.Decoder{Doc: r.doc, Types: decodeTypes, Describe: describe,
		Suggest: func(key string, known []string) words.Message {
			return r.sug.hint(key, known, words.ProblemHintWriteOneOf)
		}}
	labels := teamsListed(dec, root)
	dec.Decode(root, d)
	if len(labels) > 0 {
		d.TeamLabels = labels
	}
	return d
}

// describe names what a value of type t looks like in YAML, in the designer's words.
func describe(t reflect.Type) string {
	switch t {
	case durationType:
		return "a duration like 3wd or 6w"
	case deadlineType:
		return "a duration like 3wd or a mapping with within/from"
	case stepsType:
		return "a mapping of steps keyed by their id"
	case formType:
		return "a mapping of form fields keyed by their name"
	case stepType:
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
	if t.Kind() == reflect.Map {
		return "a mapping of ids to names, like {wijkcoach: Wijkcoach}"
	}
	return "" // the decoder's general words
}

// quote quotes a value for a message, shortening a huge one.
func quote(s string) string { return yamldoc.Quote(s) }

// join appends a key to a path.
func join(path, key string) string { return yamldoc.Join(path, key) }

// IssuesOf turns the problems of a YAML file read with internal/yamldoc (the users,
// providers and scenarios files) into Issues of file, so that every file reports
// problems the same way.
func IssuesOf(file string, problems []yamldoc.Problem) Issues {
	if len(problems) == 0 {
		return nil
	}
	out := make(Issues, len(problems))
	for i, p := range problems {
		out[i] = issueOf(p)
		out[i].File = file
	}
	return out
}
