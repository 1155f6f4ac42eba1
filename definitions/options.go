package definitions

import (
	"slices"
	"strconv"
	"strings"

	"github.com/wijkflow/wijkflow/internal/words"

	"github.com/google/cel-go/common/ast"
	"github.com/google/cel-go/common/operators"
	"github.com/google/cel-go/common/types"
)

// OptionProblems finds text in a condition that is compared with a choice or choices
// field but is none of its options: `besluit == "toegekent"` type-checks (both sides
// are text) and is simply never true, so the case always takes the other route. It
// looks at ==, !=, `"x" in veld` (choices) and `veld in ["a", "b"]` (choice). The
// messages carry the column within the condition and the option meant, if any.
func (c *Conditions) OptionProblems(expr string) []words.Message {
	parsed := c.parse(expr)
	if parsed == nil {
		return nil // reported by Check
	}
	info := parsed.NativeRep().SourceInfo()
	choice := func(e ast.Expr) *Field {
		if e.Kind() != ast.IdentKind {
			return nil
		}
		for _, f := range c.fields {
			if spec := LookupFieldType(f.Type); f.Name == e.AsIdent() && spec != nil && spec.Options && len(f.Options) > 0 {
				return f
			}
		}
		return nil
	}
	var out []words.Message
	check := func(f *Field, lit ast.Expr) {
		if lit.Kind() != ast.LiteralKind {
			return
		}
		s, ok := lit.AsLiteral().(types.String)
		if !ok || slices.Contains(f.Options, string(s)) {
			return
		}
		col := strconv.Itoa(info.GetStartLocation(lit.ID()).Column() + 1)
		m := words.Msg(words.ProblemConditionNotOption, "col", col, "value", strconv.Quote(string(s)), "name", f.Name, "options", strings.Join(f.Options, ", "))
		if best := newSuggester().closest(string(s), f.Options); best != "" {
			m = words.Msg(words.ProblemConditionNotOptionMeant, "col", col, "value", strconv.Quote(string(s)), "name", f.Name, "best", strconv.Quote(best))
		}
		out = append(out, m)
	}
	ast.PostOrderVisit(parsed.NativeRep().Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() != ast.CallKind {
			return
		}
		call := e.AsCall()
		args := call.Args()
		if len(args) != 2 {
			return
		}
		switch call.FunctionName() {
		case operators.Equals, operators.NotEquals:
			if f := choice(args[0]); f != nil {
				check(f, args[1])
			} else if f := choice(args[1]); f != nil {
				check(f, args[0])
			}
		case operators.In:
			if f := choice(args[1]); f != nil && f.Type == FieldChoices {
				check(f, args[0]) // "x" in gebieden
			}
			if f := choice(args[0]); f != nil && args[1].Kind() == ast.ListKind {
				for _, el := range args[1].AsList().Elements() {
					check(f, el) // besluit in ["a", "b"]
				}
			}
		}
	}))
	return out
}
