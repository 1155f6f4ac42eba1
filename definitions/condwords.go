package definitions

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/ast"
	"github.com/google/cel-go/common/types"

	"github.com/wijkflow/wijkflow/internal/words"
)

// What a condition's problems say. CEL reports a mistake as English text with the id of
// the expression it is about; the words for a designer come from that expression, read
// from the AST, never from CEL's text: an unknown name is an identifier (or a function)
// that cannot be checked on its own, an operator that does not fit is a call that
// cannot, and its operands are named after their types, each checked on its own. The
// parser gives nothing but text for a syntax error, so that text is shortened.

// ConditionError is why a condition cannot be used: one message per mistake, in the
// order CEL found them. Its Error is the English, joined by "; ".
type ConditionError struct {
	Problems []words.Message
}

func conditionError(ms ...words.Message) error { return &ConditionError{Problems: ms} }

// Error says the problems in English.
func (e *ConditionError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, m := range e.Problems {
		parts[i] = m.In(words.EN)
	}
	return strings.Join(parts, "; ")
}

// syntaxError says the parser's issues, each at its column (1-based).
func syntaxError(iss *cel.Issues) error {
	var ms []words.Message
	for _, e := range iss.Errors() {
		col := strconv.Itoa(e.Location.Column() + 1)
		if detail, ok := strings.CutPrefix(e.Message, "Syntax error:"); ok {
			ms = append(ms, words.Msg(words.ProblemConditionSyntax, "col", col, "detail", syntaxHint(detail)))
			continue
		}
		ms = append(ms, words.Msg(words.ProblemConditionCEL, "col", col, "detail", e.Message))
	}
	return conditionError(ms...)
}

// syntaxHint keeps the short part of a parser message and drops ANTLR's token lists.
func syntaxHint(msg string) string {
	if i := strings.Index(msg, " expecting"); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.ReplaceAll(msg, "'<EOF>'", "the end")
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return ""
	}
	return ": " + msg
}

// checkError says the type checker's issues about parsed, each at its column.
func (c *Conditions) checkError(iss *cel.Issues, parsed *cel.Ast) error {
	nodes := map[int64]ast.Expr{}
	ast.PostOrderVisit(parsed.NativeRep().Expr(), ast.NewExprVisitor(func(e ast.Expr) { nodes[e.ID()] = e }))
	sc := c.scope(nodes, parsed.NativeRep().SourceInfo())
	var ms []words.Message
	for _, e := range iss.Errors() {
		col := strconv.Itoa(e.Location.Column() + 1)
		ms = append(ms, c.explain(col, nodes[e.ExprID], sc, e.Message))
	}
	return conditionError(ms...)
}

// alone checks parts of a condition on their own: in the condition's environment plus
// the variables its comprehensions declare (g in `gebieden.exists(g, g == "werk")`).
type alone struct {
	env  *cel.Env
	info *ast.SourceInfo
}

// scope is the environment for checking the parts of the expression whose nodes are
// given: the conditions' own, plus each comprehension's variable typed as an element
// of its range.
func (c *Conditions) scope(nodes map[int64]ast.Expr, info *ast.SourceInfo) alone {
	sc := alone{env: c.env, info: info}
	var vars []cel.EnvOption
	for _, id := range slices.Sorted(maps.Keys(nodes)) {
		if nodes[id].Kind() != ast.ComprehensionKind {
			continue
		}
		comp := nodes[id].AsComprehension()
		if t := sc.typeOf(comp.IterRange()); t != nil && len(t.Parameters()) > 0 &&
			(t.Kind() == types.ListKind || t.Kind() == types.MapKind) {
			vars = append(vars, cel.Variable(comp.IterVar(), t.Parameters()[0]))
		}
	}
	if len(vars) > 0 {
		if env, err := c.env.Extend(vars...); err == nil {
			sc.env = env
		}
	}
	return sc
}

// explain says the mistake CEL found at expression n; CEL's own text when it is none
// of the mistakes a designer makes (a name not declared, an operator on the wrong
// types).
func (c *Conditions) explain(col string, n ast.Expr, sc alone, celText string) words.Message {
	if n != nil && sc.fails(n) {
		switch n.Kind() {
		case ast.IdentKind:
			return c.unknownName(col, n.AsIdent())
		case ast.CallKind:
			call := n.AsCall()
			if !c.env.HasFunction(call.FunctionName()) {
				return c.unknownName(col, call.FunctionName())
			}
			if !call.IsMemberFunction() {
				if m, ok := sc.operatorMisfit(col, call); ok {
					return m
				}
			}
		}
	}
	return words.Msg(words.ProblemConditionCEL, "col", col, "detail", celText)
}

// unknownName says a name that is no declared field, with the closest field.
func (c *Conditions) unknownName(col, name string) words.Message {
	if best := closestName(name, c.names); best != "" {
		return words.Msg(words.ProblemConditionUnknownFieldMeant, "col", col, "name", strconv.Quote(name), "best", strconv.Quote(best))
	}
	return words.Msg(words.ProblemConditionUnknownField, "col", col, "name", strconv.Quote(name))
}

// operatorMisfit says an operator (or function) whose operands have types it does not
// take, naming each operand's type; false when an operand's type cannot be told.
func (sc alone) operatorMisfit(col string, call ast.CallExpr) (words.Message, bool) {
	var ts []string
	for _, arg := range call.Args() {
		t := sc.typeOf(arg)
		if t == nil {
			return words.Message{}, false
		}
		ts = append(ts, typeWord(t))
	}
	op := operatorWord(call.FunctionName())
	if len(ts) == 2 {
		return words.Msg(words.ProblemConditionOperatorPair, "col", col, "op", op, "a", ts[0], "b", ts[1]), true
	}
	return words.Msg(words.ProblemConditionOperator, "col", col, "op", op, "types", strings.Join(ts, ", ")), true
}

// fails reports whether n, checked on its own, fails at n itself: a name that is not
// declared, or a call that fits no overload (rather than a mistake inside it, or one
// that only its context makes).
func (sc alone) fails(n ast.Expr) bool {
	_, iss := sc.check(n)
	return slices.ContainsFunc(iss.Errors(), func(e *cel.Error) bool { return e.ExprID == n.ID() })
}

// typeOf is the type of n checked on its own, or nil.
func (sc alone) typeOf(n ast.Expr) *types.Type {
	checked, iss := sc.check(n)
	if iss.Err() != nil || checked == nil {
		return nil
	}
	return checked.OutputType()
}

// check type-checks the subexpression n, keeping its ids, as cel-go allows for "a
// subset of an expression" (cel.CheckedExprToAst).
func (sc alone) check(n ast.Expr) (*cel.Ast, *cel.Issues) {
	pb, err := ast.ToProto(ast.NewAST(n, sc.info))
	if err != nil {
		return nil, nil
	}
	return sc.env.Check(cel.CheckedExprToAst(pb))
}

// operatorWord names a CEL operator as written.
func operatorWord(op string) string {
	words := map[string]string{
		"_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
		"_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%", "@in": "in",
		"_&&_": "&&", "_||_": "||", "!_": "!", "-_": "-", "_?_:_": "?:", "_[_]": "[]",
	}
	if w, ok := words[op]; ok {
		return w
	}
	return op + "()"
}

// typeWord names a CEL type after the field types of the format.
func typeWord(t *types.Type) string {
	switch t.Kind() {
	case types.StringKind:
		return "text"
	case types.DoubleKind:
		return "a number"
	case types.IntKind, types.UintKind:
		return "a whole number"
	case types.BoolKind:
		return "yes/no"
	case types.NullTypeKind:
		return "null"
	case types.ListKind:
		if p := t.Parameters(); len(p) == 1 && p[0].Kind() == types.StringKind {
			return "a list of text"
		}
		return "a list"
	case types.MapKind:
		return "a map"
	}
	return t.String()
}

// closestName is the candidate nearest to name, tried in sorted order so that the
// answer is stable, or "".
func closestName(name string, candidates []string) string {
	sorted := slices.Sorted(slices.Values(candidates))
	return newSuggester().closest(name, sorted)
}

// meantName returns `; did you mean "x"?` when a candidate is close to name, else "".
func meantName(name string, candidates []string) string {
	if best := closestName(name, candidates); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
