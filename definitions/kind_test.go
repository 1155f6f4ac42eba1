package definitions

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// pauseKind is a step kind that exists only in this test, to prove that a kind is one
// unit: this type and the registration in withKind are all it takes for the validator,
// the diagram and the schema to know it. It reuses for:, since the Step type is the
// case workflow's input and does not grow for a test.
type pauseKind struct{ kindFacts }

var pauseSpec = pauseKind{kindFacts{
	name:  "pause",
	doc:   "a pause of a fixed time",
	keys:  []string{"for"},
	flow:  FirstMatch,
	shape: [2]string{"[/", "/]"},
}}

var _ KindSpec = pauseSpec

func (pauseKind) Lines(_ *Definition, st *Step) []string {
	if st.For == nil {
		return nil
	}
	return []string{"pauze " + st.For.String()}
}
func (pauseKind) check(c *checker, s *Step, p string) {
	if s.For == nil {
		c.fail(p+".for", "a pause needs for: (how long, e.g. 2w)")
	}
}

// withKind registers spec for the rest of the test, as its line in kindSpecs would.
// Tests that use it do not run in parallel: the registry is package state.
func withKind(t *testing.T, spec KindSpec) {
	saved, savedNames := kindSpecs, Kinds
	kindSpecs = append(slices.Clone(kindSpecs), spec)
	Kinds = kindNames(kindSpecs)
	t.Cleanup(func() { kindSpecs, Kinds = saved, savedNames })
}

// pauseYAML has a pause step; KEYS is replaced by its keys.
const pauseYAML = head + `  a:
    kind: task
    role: wijkcoach
    form: {verslag: {type: text}}
    next: [{goto: even}]
  even:
    title: Even wachten
    kind: pause
    KEYS
    next: [{goto: klaar}]
  klaar: {kind: end, result: afgerond}
`

func parsePause(t *testing.T, keys string) (*Definition, []string) {
	t.Helper()
	d, is := Parse("t.yaml", []byte(strings.Replace(pauseYAML, "KEYS", keys, 1)))
	return d, issueLines(is)
}

func TestKindUnknownUntilRegistered(t *testing.T) {
	_, got := parsePause(t, "for: 2w")
	want := []string{`t.yaml:15:11: steps.even.kind: "pause" must be one of: task, decision, wait, notify, referral, parallel, join, end`}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestKindRegisteredInATest(t *testing.T) {
	withKind(t, pauseSpec)

	t.Run("validates", func(t *testing.T) {
		d, got := parsePause(t, "for: 2w")
		if len(got) > 0 {
			t.Fatalf("a valid pause step: %q", got)
		}
		if d.Steps.Step("even").Kind != "pause" {
			t.Errorf("kind = %q", d.Steps.Step("even").Kind)
		}
	})
	t.Run("checks itself", func(t *testing.T) {
		for _, tt := range []struct{ keys, want string }{
			{"description: zonder tijd", "t.yaml:13:3: steps.even.for: a pause needs for: (how long, e.g. 2w)"},
			{"for: 2w\n    role: wijkcoach", "t.yaml:17:5: steps.even.role: role does not apply to a pause step (only to task); remove it"},
		} {
			if _, got := parsePause(t, tt.keys); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("%s: got %q\nwant %q", tt.keys, got, tt.want)
			}
		}
	})
	t.Run("its keys are its own", func(t *testing.T) {
		src := strings.Replace(strings.Replace(pauseYAML, "KEYS", "for: 2w", 1), "    role: wijkcoach\n", "    role: wijkcoach\n    for: 2w\n", 1)
		_, is := Parse("t.yaml", []byte(src))
		want := []string{"t.yaml:11:5: steps.a.for: for does not apply to a task step (only to wait, pause); remove it"}
		if got := issueLines(is); !slices.Equal(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("is a kind: to suggest", func(t *testing.T) {
		src := strings.Replace(strings.Replace(pauseYAML, "KEYS", "for: 2w", 1), "kind: pause", "kind: pauze", 1)
		_, is := Parse("t.yaml", []byte(src))
		want := []string{`t.yaml:15:11: steps.even.kind: "pauze" must be one of: task, decision, wait, notify, referral, parallel, join, end, pause; did you mean "pause"?`}
		if got := issueLines(is); !slices.Equal(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	t.Run("draws", func(t *testing.T) {
		d, _ := parsePause(t, "for: 2w")
		if m, want := Mermaid(d), `  s1[/"Even wachten<br/>pauze 2w"/]`+"\n"; !strings.Contains(m, want) {
			t.Errorf("diagram lacks %q:\n%s", want, m)
		}
	})
	t.Run("is in the schema", func(t *testing.T) {
		doc := schemaDoc(t)
		enum, _ := json.Marshal(schemaAt(doc, "$defs", "Kind", "enum"))
		if !strings.HasSuffix(string(enum), `"end","pause"]`) {
			t.Errorf("Kind enum = %s", enum)
		}
		if desc, _ := schemaAt(doc, "$defs", "Kind", "description").(string); !strings.HasSuffix(desc, "; pause: a pause of a fixed time.") {
			t.Errorf("Kind description = %q", desc)
		}
		allOf, _ := schemaAt(doc, "$defs", "Step", "allOf").([]any)
		last, _ := json.Marshal(allOf[len(allOf)-1])
		want := `{"if":{"properties":{"kind":{"const":"pause"}},"required":["kind"]},"then":{"propertyNames":{"enum":["kind","title","description","function","for","next"]}}}`
		if string(last) != want {
			t.Errorf("last of allOf = %s\nwant %s", last, want)
		}
	})
}

// TestKindsRegistered checks that Kinds is the registry's list, that every kind has
// a doc line and a distinct name, and that every key a kind claims is a key of a step.
func TestKindsRegistered(t *testing.T) {
	if !slices.Equal(Kinds, []Kind{KindTask, KindDecision, KindWait, KindNotify, KindReferral, KindParallel, KindJoin, KindEnd}) {
		t.Errorf("Kinds = %v", Kinds)
	}
	all := stepKeys(decisionSpec) // the keys of every kind
	seen := map[Kind]bool{}
	for _, spec := range kindSpecs {
		if seen[spec.Name()] || spec.Doc() == "" || spec.Shape("x") == "x" {
			t.Errorf("kind %q: registered twice, or without a doc or a shape", spec.Name())
		}
		seen[spec.Name()] = true
		for _, key := range spec.Keys() {
			if !slices.Contains(stepKeys(spec), key) || slices.Contains(all, key) {
				t.Errorf("kind %q claims key %q, which is not a step key of its own", spec.Name(), key)
			}
		}
	}
	if LookupKind("pause") != nil {
		t.Error("the test-only kind is registered outside its test")
	}
}

// TestKindsInReadme checks that the designer's guide shows every registered kind.
func TestKindsInReadme(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		if !strings.Contains(string(readme), "kind: "+string(k)) {
			t.Errorf("README.md has no example of kind: %s", k)
		}
	}
}
