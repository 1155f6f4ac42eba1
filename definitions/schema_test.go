package definitions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestSchemaFileUpToDate(t *testing.T) {
	want, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatalf("%v; generate it with: go run ./cmd/wijkflow schema > definitions/schema.json", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("definitions/schema.json is stale; regenerate it with: go run ./cmd/wijkflow schema > definitions/schema.json")
	}
	if !bytes.HasSuffix(want, []byte("}\n")) {
		t.Error("schema does not end with a newline")
	}
}

// schemaDoc decodes Schema() for inspection.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// schemaAt walks a decoded JSON document along a path of keys.
func schemaAt(doc any, path ...string) any {
	for _, k := range path {
		m, ok := doc.(map[string]any)
		if !ok {
			return nil
		}
		doc = m[k]
	}
	return doc
}

func TestSchemaShape(t *testing.T) {
	doc := schemaDoc(t)
	tests := []struct {
		path []string
		want string // JSON of the value
	}{
		{[]string{"properties", "version", "type"}, `"string"`},
		{[]string{"properties", "label"}, `null`},
		{[]string{"properties", "steps", "type"}, `"object"`},
		{[]string{"properties", "steps", "additionalProperties", "$ref"}, `"#/$defs/Step"`},
		{[]string{"properties", "intake", "additionalProperties", "$ref"}, `"#/$defs/Field"`},
		{[]string{"properties", "calendar", "enum"}, `["nl","weekdays"]`},
		{[]string{"required"}, `["gemeente","process","title","teams","roles","start","steps"]`},
		{[]string{"additionalProperties"}, `false`},
		{[]string{"$defs", "Step", "properties", "form", "additionalProperties", "$ref"}, `"#/$defs/Field"`},
		{[]string{"$defs", "Step", "properties", "id"}, `null`},
		{[]string{"$defs", "Step", "required"}, `["kind"]`},
		{[]string{"$defs", "Step", "properties", "role", "description"}, `"The role that acts on a task."`},
		{[]string{"$defs", "Field", "properties", "name"}, `null`},
		{[]string{"$defs", "Deadline", "oneOf", "0", "$ref"}, `null`},
		{[]string{"$defs", "Duration", "type"}, `"string"`},
		{[]string{"$defs", "Kind", "enum"}, `["task","decision","wait","notify","referral","parallel","join","end"]`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.path, "."), func(t *testing.T) {
			got, _ := json.Marshal(schemaAt(doc, tt.path...))
			if string(got) != tt.want {
				t.Errorf("%s = %s, want %s", strings.Join(tt.path, "."), got, tt.want)
			}
		})
	}
	oneOf, _ := schemaAt(doc, "$defs", "Deadline", "oneOf").([]any)
	if len(oneOf) != 2 || schemaAt(oneOf[0], "$ref") != "#/$defs/Duration" || schemaAt(oneOf[1], "type") != "object" {
		t.Errorf("Deadline.oneOf = %v, want a duration or an object", oneOf)
	}
}

// schemaCheck checks a YAML-decoded value against the subset of JSON Schema that Schema()
// produces; it stands in for an editor's validator without a dependency.
type schemaCheck struct {
	defs     map[string]any
	problems []string
}

func (c *schemaCheck) check(s map[string]any, v any, path string) {
	if ref, ok := s["$ref"].(string); ok {
		def, _ := c.defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if def == nil {
			c.problems = append(c.problems, path+": unknown $ref "+ref)
			return
		}
		c.check(def, v, path)
	}
	if oneOf, ok := s["oneOf"].([]any); ok {
		matched := 0
		for _, alt := range oneOf {
			sub := &schemaCheck{defs: c.defs}
			sub.check(alt.(map[string]any), v, path)
			if len(sub.problems) == 0 {
				matched++
			}
		}
		if matched != 1 {
			c.problems = append(c.problems, fmt.Sprintf("%s: matches %d of oneOf", path, matched))
		}
	}
	if allOf, ok := s["allOf"].([]any); ok {
		for _, sub := range allOf {
			c.check(sub.(map[string]any), v, path)
		}
	}
	if cond, ok := s["if"].(map[string]any); ok {
		probe := &schemaCheck{defs: c.defs}
		if probe.check(cond, v, path); len(probe.problems) == 0 {
			if then, ok := s["then"].(map[string]any); ok {
				c.check(then, v, path)
			}
		}
	}
	if want, ok := s["const"]; ok && v != want {
		c.problems = append(c.problems, fmt.Sprintf("%s: %v is not %v", path, v, want))
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || e == v
		}
		if !found {
			c.problems = append(c.problems, fmt.Sprintf("%s: %v not in enum", path, v))
		}
	}
	switch s["type"] {
	case "string":
		str, ok := v.(string)
		if !ok {
			c.problems = append(c.problems, fmt.Sprintf("%s: %v is not a string", path, v))
			return
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			c.problems = append(c.problems, fmt.Sprintf("%s: %q does not match the pattern", path, str))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			c.problems = append(c.problems, fmt.Sprintf("%s: %v is not a boolean", path, v))
		}
	case "array":
		l, ok := v.([]any)
		if !ok {
			c.problems = append(c.problems, fmt.Sprintf("%s: %v is not an array", path, v))
			return
		}
		if min, ok := s["minItems"].(float64); ok && float64(len(l)) < min {
			c.problems = append(c.problems, path+": too few items")
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range l {
				c.check(items, x, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			c.problems = append(c.problems, fmt.Sprintf("%s: %v is not an object", path, v))
			return
		}
		c.checkObject(s, m, path)
	case nil: // a subschema of allOf, if or then: it constrains an object without typing it
		if m, ok := v.(map[string]any); ok {
			c.checkObject(s, m, path)
		}
	}
}

func (c *schemaCheck) checkObject(s map[string]any, m map[string]any, path string) {
	props, _ := s["properties"].(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if min, ok := s["minProperties"].(float64); ok && float64(len(m)) < min {
		c.problems = append(c.problems, path+": too few entries")
	}
	for _, r := range schemaStrings(s["required"]) {
		if _, ok := m[r]; !ok {
			c.problems = append(c.problems, path+": missing "+r)
		}
	}
	for _, k := range keys {
		if p, ok := schemaAt(s, "propertyNames", "pattern").(string); ok && !regexp.MustCompile(p).MatchString(k) {
			c.problems = append(c.problems, fmt.Sprintf("%s: key %q does not match the pattern", path, k))
		}
		if names, ok := schemaAt(s, "propertyNames", "enum").([]any); ok && !slices.Contains(names, any(k)) {
			c.problems = append(c.problems, fmt.Sprintf("%s: key %s is not allowed here", path, k))
		}
		if ps, ok := props[k].(map[string]any); ok {
			c.check(ps, m[k], path+"."+k)
			continue
		}
		switch ap := s["additionalProperties"].(type) {
		case bool:
			if !ap {
				c.problems = append(c.problems, path+": unknown key "+k)
			}
		case map[string]any:
			c.check(ap, m[k], path+"."+k)
		}
	}
}

func schemaStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, x.(string))
	}
	return out
}

// checkYAMLAgainstSchema returns the schema problems of one YAML document.
func checkYAMLAgainstSchema(t *testing.T, doc map[string]any, src []byte) []string {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	defs, _ := doc["$defs"].(map[string]any)
	c := &schemaCheck{defs: defs}
	c.check(doc, v, "$")
	return c.problems
}

func TestShippedDefinitionsMatchSchema(t *testing.T) {
	doc := schemaDoc(t)
	files, err := filepath.Glob("*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no shipped definitions found beside the schema")
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(src, []byte("# yaml-language-server: $schema=schema.json\n")) {
				t.Error("first line is not # yaml-language-server: $schema=schema.json")
			}
			for _, p := range checkYAMLAgainstSchema(t, doc, src) {
				t.Error(p)
			}
		})
	}
}

func TestSchemaRejects(t *testing.T) {
	doc := schemaDoc(t)
	base := `
gemeente: dalfsen
process: wijkteam
title: Wijkteam
teams: [dalfsen]
roles: {wijkcoach: Wijkcoach}
start: melding
steps:
  melding:
    kind: task
    role: wijkcoach
    deadline: %s
    form:
      %s: {type: %s}
    next: [{goto: einde}]
  einde: {kind: end, result: afgerond}
`
	tests := []struct {
		name                       string
		deadline, field, fieldType string
		want                       string
	}{
		{"valid", "3wd", "verslag", "text", ""},
		{"valid mapping deadline", "{within: 6w, from: case, law: Wmo 2015 art. 2.3.2}", "verslag", "text", ""},
		{"bad duration", "6 maanden", "verslag", "text", "$.steps.melding.deadline: matches 0 of oneOf"},
		{"unknown deadline key", "{within: 6w, vanaf: case}", "verslag", "text", "$.steps.melding.deadline: matches 0 of oneOf"},
		{"bad field type", "3wd", "verslag", "tekst", "$.steps.melding.form.verslag.type: tekst not in enum"},
		{"field name not an identifier", "3wd", "eigen-kracht", "bool", `$.steps.melding.form: key "eigen-kracht" does not match the pattern`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := fmt.Sprintf(base, tt.deadline, tt.field, tt.fieldType)
			got := strings.Join(checkYAMLAgainstSchema(t, doc, []byte(src)), "\n")
			if got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	for _, tt := range []struct{ name, from, to, want string }{
		{"result on a task", "    role: wijkcoach\n", "    role: wijkcoach\n    result: klaar\n", "$.steps.melding: key result is not allowed here"},
		{"next on an end", "{kind: end, result: afgerond}", "{kind: end, result: afgerond, next: [{goto: melding}]}", "$.steps.einde: key next is not allowed here"},
		{"role on a wait", "    kind: task\n    role: wijkcoach\n    deadline: 3wd\n    form:\n      verslag: {type: text}\n", "    kind: wait\n    role: wijkcoach\n    for: 3wd\n", "$.steps.melding: key role is not allowed here"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(fmt.Sprintf(base, "3wd", "verslag", "text"), tt.from, tt.to, 1)
			if got := strings.Join(checkYAMLAgainstSchema(t, doc, []byte(src)), "\n"); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	extra := strings.Replace(fmt.Sprintf(base, "3wd", "verslag", "text"), "    kind: task\n", "    kind: taak\n    deadlien: 3wd\n", 1)
	got := strings.Join(checkYAMLAgainstSchema(t, doc, []byte(extra)), "\n")
	want := "$.steps.melding: unknown key deadlien\n$.steps.melding.kind: taak not in enum"
	if got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
