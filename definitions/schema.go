package definitions

import (
	"bytes"
	_ "embed" // the Go comments of the types become the schema's descriptions
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/invopop/jsonschema"
	"github.com/wijkflow/wijkflow/definitions/law"
)

// The source of the types is embedded so that the descriptions an editor shows come from
// the same comments a programmer reads, without the source on disk at run time.
var (
	//go:embed types.go
	typesSource string
	//go:embed resident.go
	residentSource string
)

// Schema returns the JSON Schema of the YAML definition format, generated from the Go
// types: indented JSON with a trailing newline, the content of definitions/schema.json.
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{
		FieldNameTag:   "yaml",
		ExpandedStruct: true,
		LookupComment:  lookupDoc,
		// No $id: the schema is not published at a URL; shipped files refer to the
		// committed copy beside them (`# yaml-language-server: $schema=schema.json`).
		Anonymous: true,
	}
	s := r.Reflect(&Definition{})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// JSONSchemaExtend completes the schema of a definition with what the struct tags do not
// say: the calendars, the id patterns and a description for the designer.
func (Definition) JSONSchemaExtend(s *jsonschema.Schema) {
	s.Title = "wijkflow process definition"
	s.Description = "One process of one gemeente: its teams, roles, intake form and steps. " +
		"Validate with `wijkflow validate FILE`; see definitions/README.md."
	if p, ok := s.Properties.Get("calendar"); ok {
		p.Enum = []any{"nl", "weekdays"}
		p.Default = "nl"
	}
	for _, name := range []string{"gemeente", "process"} {
		if p, ok := s.Properties.Get(name); ok {
			p.Pattern = slugPattern.String()
		}
	}
	if p, ok := s.Properties.Get("teams"); ok && p.Items != nil {
		p.Items.Pattern = slugPattern.String()
		p.MinItems = ptrUint(1)
	}
	if p, ok := s.Properties.Get("roles"); ok {
		p.MinProperties = ptrUint(1)
	}
	if p, ok := s.Properties.Get("steps"); ok {
		p.MinProperties = ptrUint(1)
		p.PropertyNames = &jsonschema.Schema{Pattern: idPattern.String()}
	}
	fieldNames(s, "intake")
}

// JSONSchemaExtend names the rule for form field names and, for each kind, the keys a
// step of that kind takes, so that an editor flags result: on a task as it types.
func (Step) JSONSchemaExtend(s *jsonschema.Schema) {
	fieldNames(s, "form")
	for _, k := range kindSpecs {
		kind := jsonschema.NewProperties()
		kind.Set("kind", &jsonschema.Schema{Const: string(k.Name())})
		var keys []any
		for _, key := range stepKeys(k) {
			keys = append(keys, key)
		}
		s.AllOf = append(s.AllOf, &jsonschema.Schema{
			If:   &jsonschema.Schema{Properties: kind, Required: []string{"kind"}},
			Then: &jsonschema.Schema{PropertyNames: &jsonschema.Schema{Enum: keys}},
		})
	}
}

// stepKeys are the keys a step of kind k takes, in the order of the Step type: the
// keys of every kind (next only when the kind has a way on) and its own.
func stepKeys(k KindSpec) []string {
	var out []string
	t := reflect.TypeFor[Step]()
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		switch only := kindsTaking(key); {
		case key == "-" || key == "":
		case key == "next" && k.Flow() == Ends:
		case len(only) == 0 || slices.Contains(only, k.Name()):
			out = append(out, key)
		}
	}
	return out
}

// fieldNames restricts the keys of a form: conditions use them as names.
func fieldNames(s *jsonschema.Schema, property string) {
	if p, ok := s.Properties.Get(property); ok {
		p.PropertyNames = &jsonschema.Schema{Pattern: identPattern.String()}
	}
}

// JSONSchemaAlias makes steps a mapping from step id to step, as written in YAML.
func (Steps) JSONSchemaAlias() any { return map[string]*Step{} }

// JSONSchemaAlias makes a form a mapping from field name to field, as written in YAML.
func (Form) JSONSchemaAlias() any { return map[string]*Field{} }

// JSONSchema lists the step kinds, each with what it does.
func (Kind) JSONSchema() *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	docs := make([]string, len(kindSpecs))
	for i, k := range kindSpecs {
		s.Enum = append(s.Enum, string(k.Name()))
		docs[i] = string(k.Name()) + ": " + k.Doc()
	}
	s.Description = "What the step does. " + strings.Join(docs, "; ") + "."
	return s
}

// JSONSchema lists the field types, each with what its value is.
func (FieldType) JSONSchema() *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	docs := make([]string, len(fieldTypes))
	for i, t := range fieldTypes {
		s.Enum = append(s.Enum, string(t.Name))
		docs[i] = string(t.Name) + ": " + t.Doc
	}
	s.Description = "The type of a form field. " + strings.Join(docs, "; ") + "."
	return s
}

// JSONSchemaExtend lets a deadline be written as just a duration (counted from the
// step's start) as well as a mapping.
func (Deadline) JSONSchemaExtend(s *jsonschema.Schema) {
	object := *s
	object.Description = "A term counted from a point in the case."
	if p, ok := object.Properties.Get("from"); ok {
		p.Examples = []any{"step", "case", "melding", "bezwaartermijn.end"}
	}
	*s = jsonschema.Schema{
		Description: s.Description,
		OneOf:       []*jsonschema.Schema{{Ref: "#/$defs/Duration"}, &object},
	}
}

func ptrUint(n uint64) *uint64 { return &n }

var (
	docsOnce sync.Once
	docs     map[string]string // "Type" or "Type.Field" → description
)

// lookupDoc gives the reflector the Go comment of a type of this package or one of its
// fields, rewritten for a designer.
func lookupDoc(t reflect.Type, field string) string {
	if p := t.PkgPath(); p != reflect.TypeFor[Definition]().PkgPath() && p != reflect.TypeFor[law.Duration]().PkgPath() {
		return ""
	}
	docsOnce.Do(func() { docs = parseDocs(typesSource, law.DurationSource, residentSource) })
	if field == "" {
		return docs[t.Name()]
	}
	return docs[t.Name()+"."+field]
}

// parseDocs collects the doc comments of the exported types and struct fields in src.
func parseDocs(srcs ...string) map[string]string {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, src := range srcs {
		f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
		if err != nil {
			continue // the file compiled, so this does not happen; no descriptions then
		}
		files = append(files, f)
	}
	keys := yamlKeys(files)
	out := map[string]string{}
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil {
					doc = gd.Doc
				}
				if doc != nil {
					out[ts.Name.Name] = firstSentence(designerText(ts.Name.Name, doc.Text()))
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fl := range st.Fields.List {
					if fl.Doc == nil {
						continue
					}
					for _, n := range fl.Names {
						out[ts.Name.Name+"."+n.Name] = keys(designerText(n.Name, fl.Doc.Text()))
					}
				}
			}
		}
	}
	return out
}

// yamlKeys replaces a Go field name mentioned inside a sentence (" After", " Process") by
// its YAML key. A Go name with different keys in different types (Label is "version" on
// a definition, "label" elsewhere) is left alone.
func yamlKeys(files []*ast.File) func(string) string {
	keyOf := map[string]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			fl, ok := n.(*ast.Field)
			if !ok || fl.Tag == nil {
				return true
			}
			tag := reflect.StructTag(strings.Trim(fl.Tag.Value, "`"))
			key, _, _ := strings.Cut(tag.Get("yaml"), ",")
			if key == "" || key == "-" {
				return true
			}
			for _, name := range fl.Names {
				if k, seen := keyOf[name.Name]; seen && k != key {
					keyOf[name.Name] = "" // ambiguous
				} else if !seen {
					keyOf[name.Name] = key
				}
			}
			return true
		})
	}
	var names []string
	for n, k := range keyOf {
		if k != "" && k != n {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return func(s string) string { return s }
	}
	sort.Strings(names)
	// Only inside a sentence: "For most kinds" after a full stop is English, not a key.
	re := regexp.MustCompile(`([^.!?]) (` + strings.Join(names, "|") + `)\b`)
	return func(s string) string {
		return re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatch(m)
			return sub[1] + " " + keyOf[sub[2]]
		})
	}
}

// designerText drops the Go name a Go comment starts with ("Role is the role that acts
// on a task." → "The role that acts on a task."), since the designer knows the field by
// its YAML key, and joins the lines.
func designerText(goName, text string) string {
	text = strings.Join(strings.Fields(text), " ")
	rest, ok := strings.CutPrefix(text, goName+" ")
	if !ok {
		return text
	}
	for _, verb := range []string{"is ", "are ", "means "} {
		if r, ok := strings.CutPrefix(rest, verb); ok {
			rest = r
			break
		}
	}
	if rest == "" {
		return text
	}
	return strings.ToUpper(rest[:1]) + rest[1:]
}

// sentenceEnd finds the end of the first sentence: a full stop before a space and a
// capital letter, not the one in "e.g.".
var sentenceEnd = regexp.MustCompile(`[^.]{3}\.\s+[A-Z]`)

// firstSentence keeps a type's summary; the rest of a type comment speaks to programmers.
func firstSentence(text string) string {
	if loc := sentenceEnd.FindStringIndex(text); loc != nil {
		return text[:loc[0]+4]
	}
	return text
}
