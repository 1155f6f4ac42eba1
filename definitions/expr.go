package definitions

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/ast"
	"github.com/google/cel-go/common/types"

	"github.com/wijkflow/wijkflow/internal/words"
)

// conditionCostLimit bounds the work one condition may do at run time. Conditions are
// small comparisons; the limit only stops a pathological expression (nested
// comprehensions over long lists) from stalling a workflow task.
const conditionCostLimit = 100000

// maxConditionLength bounds the text of a condition, so a 50 MB file cannot make the
// parser work for long.
const maxConditionLength = 4000

// AllFields collects the fields a condition may refer to: the intake form's fields and
// every task form's fields, in the order written. When two forms declare the same name,
// the first declaration wins, as the data of a case is one flat map.
func AllFields(d *Definition) Form {
	var out Form
	seen := map[string]bool{}
	add := func(f Form) {
		for _, fl := range f {
			if fl == nil || seen[fl.Name] {
				continue
			}
			seen[fl.Name] = true
			out = append(out, fl)
		}
	}
	add(d.Intake)
	for _, s := range d.Steps {
		if s != nil {
			add(s.Form)
		}
	}
	return out
}

// Conditions compiles and evaluates the `when:` conditions of one definition: a CEL
// environment with one variable per declared field, and a cache of compiled programs so
// a workflow evaluating the same condition again does not compile it again. It is safe
// for concurrent use.
type Conditions struct {
	env    *cel.Env
	fields Form
	names  []string

	mu    sync.Mutex
	progs map[string]cel.Program
	// parsed caches parsed conditions for the checks that walk them (options.go,
	// dataflow.go): validation asks each condition several questions.
	parsed map[string]*cel.Ast
}

// identPattern is a CEL identifier; a field whose name is not one (e.g. "eigen-kracht")
// cannot be named in a condition and is left out of the environment.
var identPattern = regexp.MustCompile(`^[_a-zA-Z][_a-zA-Z0-9]*$`)

// celReserved are words CEL reserves; they cannot name a variable.
var celReserved = map[string]bool{
	"true": true, "false": true, "null": true, "in": true, "as": true, "break": true,
	"const": true, "continue": true, "else": true, "for": true, "function": true, "if": true,
	"import": true, "let": true, "loop": true, "package": true, "namespace": true,
	"return": true, "var": true, "void": true, "while": true,
}

// NewConditions builds the condition environment over the given fields (usually
// AllFields of a definition).
func NewConditions(fields Form) (*Conditions, error) {
	opts := []cel.EnvOption{
		// number fields are doubles; let `leeftijd < 18` compare without a cast.
		cel.CrossTypeNumericComparisons(true),
		cel.ParserExpressionSizeLimit(maxConditionLength),
		cel.ParserRecursionLimit(100),
	}
	c := &Conditions{progs: map[string]cel.Program{}, parsed: map[string]*cel.Ast{}}
	for _, f := range fields {
		if f == nil || !identPattern.MatchString(f.Name) || celReserved[f.Name] {
			continue
		}
		opts = append(opts, cel.Variable(f.Name, celType(f.Type)))
		c.fields = append(c.fields, f)
		c.names = append(c.names, f.Name)
	}
	env, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, fmt.Errorf("conditions: %w", err)
	}
	c.env = env
	return c, nil
}

// celType is how a field type appears in a condition (FieldTypeSpec.CEL); an unknown
// type, reported by the validator, reads as text.
func celType(t FieldType) *cel.Type {
	if spec := LookupFieldType(t); spec != nil {
		return spec.CEL
	}
	return cel.StringType
}

// Check compiles and type-checks a condition; it must be a yes/no (bool) expression
// over the declared fields. The message speaks to a process designer.
func (c *Conditions) Check(expr string) error {
	c.mu.Lock()
	_, ok := c.progs[expr]
	c.mu.Unlock()
	if ok {
		return nil
	}
	if err := checkLength(expr); err != nil {
		return err
	}
	// Validation needs only the type check; the program is built when a case evaluates.
	_, err := c.compile(expr)
	return err
}

// checkLength refuses an empty or overly long condition before CEL sees it.
func checkLength(expr string) error {
	if strings.TrimSpace(expr) == "" {
		return conditionError(words.Msg(words.ProblemConditionEmpty))
	}
	if len(expr) > maxConditionLength {
		return conditionError(words.Msg(words.ProblemConditionTooLong, "max", strconv.Itoa(maxConditionLength)))
	}
	return nil
}

// Eval evaluates a condition over the collected data. A declared field missing from data
// counts as its zero value ("", false, 0, []), so a condition over an optional or
// not-yet-filled field does not fail. Eval reads no clock and no randomness: it is safe
// inside a workflow.
func (c *Conditions) Eval(expr string, data map[string]any) (bool, error) {
	prg, err := c.program(expr)
	if err != nil {
		return false, err
	}
	out, _, err := prg.Eval(c.activation(data))
	if err != nil {
		return false, fmt.Errorf("condition %q: %s", expr, err)
	}
	b, ok := out.Value().(bool)
	if !ok {
		return false, fmt.Errorf("condition %q: gives %v, not yes/no", expr, out.Value())
	}
	return b, nil
}

// program returns the cached program of expr, compiling it on first use. Failures are
// not cached: they end validation, and a workflow never evaluates an unchecked condition.
func (c *Conditions) program(expr string) (cel.Program, error) {
	c.mu.Lock()
	prg, ok := c.progs[expr]
	c.mu.Unlock()
	if ok {
		return prg, nil
	}
	if err := checkLength(expr); err != nil {
		return nil, err
	}
	checked, err := c.compile(expr)
	if err != nil {
		return nil, err
	}
	prg, err = c.env.Program(checked, cel.CostLimit(conditionCostLimit))
	if err != nil {
		return nil, fmt.Errorf("condition: %s", err)
	}
	c.mu.Lock()
	c.progs[expr] = prg
	c.mu.Unlock()
	return prg, nil
}

// compile parses and type-checks expr. Number fields are doubles while a designer writes
// `kinderen == 2`, which CEL's strict equality rejects (double vs int); so whole-number
// literals are first read as doubles. If that fails but the text as written checks (e.g.
// `size(gebieden) == 2`, where size is an int), the text as written is used.
func (c *Conditions) compile(expr string) (*cel.Ast, error) {
	parsed, iss := c.env.Parse(expr)
	if iss.Err() != nil {
		if ms := spelledOperators(expr); len(ms) > 0 {
			return nil, conditionError(ms...)
		}
		return nil, syntaxError(iss)
	}
	intsAsDoubles(parsed)
	checked, iss := c.env.Check(parsed)
	if iss.Err() != nil {
		orig, iss2 := c.env.Compile(expr)
		if iss2.Err() != nil {
			return nil, c.checkError(iss, parsed)
		}
		checked = orig
	}
	if !checked.OutputType().IsExactType(cel.BoolType) {
		return nil, conditionError(words.Msg(words.ProblemConditionNotBool, "type", typeWord(checked.OutputType())))
	}
	return checked, nil
}

// intsAsDoubles rewrites every integer literal of a parsed expression into a double.
func intsAsDoubles(a *cel.Ast) {
	fac := ast.NewExprFactory()
	ast.PostOrderVisit(a.NativeRep().Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() != ast.LiteralKind {
			return
		}
		switch v := e.AsLiteral().(type) {
		case types.Int:
			e.SetKindCase(fac.NewLiteral(e.ID(), types.Double(v)))
		case types.Uint:
			e.SetKindCase(fac.NewLiteral(e.ID(), types.Double(v)))
		}
	}))
}

// activation gives every declared field a value: the one in data converted to the
// field's CEL type, or the zero value.
func (c *Conditions) activation(data map[string]any) map[string]any {
	act := make(map[string]any, len(c.fields))
	for _, f := range c.fields {
		act[f.Name] = celValue(f.Type, data[f.Name])
	}
	return act
}

// celValue converts one JSON-decoded value to the field's CEL type; a value of the wrong
// type counts as missing (form data is checked before it is stored, so this only
// guards a workflow from a panic).
func celValue(t FieldType, v any) any {
	if spec := LookupFieldType(t); spec != nil {
		return spec.celValue(v)
	}
	return celString(v)
}
