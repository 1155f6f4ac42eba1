package words

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// TestEveryConstantIsInTheCatalogue reads this package's source: every Code constant
// that code elsewhere says (a refusal, a rule failure, an event's variant) has a text.
// A constant added without its text fails here rather than shows as a bare code.
func TestEveryConstantIsInTheCatalogue(t *testing.T) {
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range pkgs["words"].Files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				v := s.(*ast.ValueSpec)
				if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for i, name := range v.Names {
					lit, ok := v.Values[i].(*ast.BasicLit)
					if !ok {
						t.Errorf("%s: not a literal", name)
						continue
					}
					code, _ := strconv.Unquote(lit.Value)
					if _, ok := Lookup(Code(code)); !ok {
						t.Errorf("%s = %q has no text in the catalogue", name, code)
					}
					n++
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d code constants; is the test reading the right files?", n)
	}
}

func TestOrList(t *testing.T) {
	m := Msg("refusal.role", "task", "plan-1", "roles", "wijkcoach,teamleider")
	if got, want := m.String(), "task plan-1 is for role wijkcoach or teamleider"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := m.NL(), "taak plan-1 is voor de rol wijkcoach of teamleider"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
