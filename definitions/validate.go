package definitions

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"github.com/wijkflow/wijkflow/internal/words"
)

// checker runs the checks of one definition. It only reads the definition: validation
// never changes its input.
type checker struct {
	*report
	d       *Definition
	stepIDs []string         // in file order, for suggestions
	steps   map[string]*Step // by id; Steps.Step is linear and validation looks up a lot
	roleIDs []string         // sorted, for suggestions and lists
	fields  Form             // every declared field, first declaration wins
}

// validate runs every check that needs only one file, collecting all problems.
func (r *report) validate(d *Definition) {
	c := &checker{report: r, d: d, fields: AllFields(d), steps: make(map[string]*Step, len(d.Steps))}
	for _, s := range d.Steps {
		c.stepIDs = append(c.stepIDs, s.ID)
		if c.steps[s.ID] == nil {
			c.steps[s.ID] = s
		}
	}
	for id := range d.Roles {
		c.roleIDs = append(c.roleIDs, id)
	}
	sort.Strings(c.roleIDs)

	c.dedentedKeys() // first: it silences what follows from a key indented too little
	c.tags()
	c.names()
	c.roleRefs()
	for _, s := range d.Steps {
		c.step(s) // kind.go
	}
	c.forms()
	c.resident() // resident.go
	c.conditions()
	c.references()
	c.graph()
	c.joinBranches()   // joins.go
	c.lawTerms()       // lawcheck.go
	c.functionValues() // function.go
	c.awbChapter4()    // awbcheck.go
	c.jeugdIdentity()  // pathjeugd.go
}

// fail reports a problem at path unless the value there could not even be decoded,
// which was reported already.
func (c *checker) fail(path, msg string) {
	if !c.isBad(path) {
		c.at(path, msg)
	}
}

// badCondition reports why the condition at path cannot be used.
func (c *checker) badCondition(path string, err error) {
	var ce *ConditionError
	switch {
	case c.isBad(path):
	case errors.As(err, &ce) && len(ce.Problems) > 0:
		c.sayAll(path, ce.Problems)
	default:
		c.at(path, err.Error())
	}
}

// problem is fail for a problem from the catalogue, with an optional hint.
func (c *checker) problem(path string, m words.Message, hint ...words.Message) {
	if !c.isBad(path) {
		c.say(path, m, hint...)
	}
}

// problemKey is problem located at the key of path.
func (c *checker) problemKey(path string, m words.Message, hint ...words.Message) {
	if !c.isBad(path) {
		c.sayKey(path, m, hint...)
	}
}

// tags runs the validate: struct tags of the types and renders each failure as a
// sentence. Steps and form fields are checked one by one, because their paths are
// their ids, not list indexes.
func (c *checker) tags() {
	c.structTags(c.d, "")
	c.formTags(c.d.Intake, "intake")
	for _, s := range c.d.Steps {
		p := "steps." + s.ID
		c.structTags(s, p)
		c.formTags(s.Form, p+".form")
	}
}

func (c *checker) formTags(f Form, path string) {
	for _, fl := range f {
		c.structTags(fl, path+"."+fl.Name)
	}
}

func (c *checker) structTags(v any, prefix string) {
	var errs validator.ValidationErrors
	if !errors.As(validatorInstance().Struct(v), &errs) {
		return
	}
	for _, fe := range errs {
		// The namespace starts with the Go type's name ("Step.next[0].goto"): drop it.
		_, rest, _ := strings.Cut(fe.Namespace(), ".")
		if m, hint, ok := c.tagProblem(fe); ok {
			c.problem(join(prefix, rest), m, hint)
		} else {
			c.problem(join(prefix, rest), RuleMessage(fe.Tag(), fe.Param(), fe.Kind()))
		}
	}
}

// tagProblem says a failed validator tag of the format as a problem of the catalogue;
// false for the other tags, said as a failed rule (RuleMessage).
func (c *checker) tagProblem(fe validator.FieldError) (m, hint words.Message, ok bool) {
	value := fmt.Sprint(fe.Value())
	switch fe.Tag() {
	case "required":
		return words.Msg(words.ProblemRequired), hint, true
	case "oneof":
		opts := oneofValues(fe.Param())
		return notOneOf(value, opts), c.sug.hint(value, opts, ""), true
	case "min":
		if k := fe.Kind(); k == reflect.Slice || k == reflect.Map {
			if fe.Param() == "1" {
				return words.Msg(words.ProblemNeedsAnEntry), hint, true
			}
			return words.Msg(words.ProblemNeedsEntries, "n", fe.Param()), hint, true
		}
	case "slug":
		return words.Msg(words.ProblemNotSlug, "value", quote(value)), hint, true
	}
	return m, hint, false
}

// notOneOf says that value is not one of opts.
func notOneOf(value string, opts []string) words.Message {
	return words.Msg(words.ProblemNotOneOf, "value", quote(value), "options", strings.Join(opts, ", "))
}

// oneOf reports that the value at path is not one of opts, and which one was perhaps meant.
func (c *checker) oneOf(path, value string, opts []string) {
	c.problem(path, notOneOf(value, opts), c.sug.hint(value, opts, ""))
}

// idPattern is what a step or role id looks like: plain ASCII, because ids end up in
// search attributes, URLs and diagrams.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// names checks the ids the designer chose as keys.
func (c *checker) names() {
	for _, s := range c.d.Steps {
		p := "steps." + s.ID
		switch {
		case !idPattern.MatchString(s.ID):
			c.problemKey(p, words.Msg(words.ProblemStepIDPattern, "id", quote(s.ID)))
		case s.ID == "step" || s.ID == "case":
			c.problemKey(p, words.Msg(words.ProblemStepIDReserved, "id", strconv.Quote(s.ID), "name", s.ID))
		}
	}
	for _, id := range c.roleIDs {
		if !idPattern.MatchString(id) {
			c.problemKey("roles."+id, words.Msg(words.ProblemRoleIDPattern, "id", quote(id)))
		}
	}
	c.eachForm(func(f Form, path string) {
		for _, fl := range f {
			p := path + "." + fl.Name
			switch {
			case !identPattern.MatchString(fl.Name):
				m := words.Msg(words.ProblemFieldNamePattern, "name", quote(fl.Name))
				if alt := strings.NewReplacer("-", "_", " ", "_", ".", "_").Replace(fl.Name); identPattern.MatchString(alt) {
					m = words.Msg(words.ProblemFieldNameLike, "name", quote(fl.Name), "like", alt)
				}
				c.problemKey(p, m)
			case celReserved[fl.Name]:
				c.problemKey(p, words.Msg(words.ProblemFieldNameReserved, "name", strconv.Quote(fl.Name)))
			}
		}
	})
}

// eachForm calls fn for the intake form and every step's form, in file order.
func (c *checker) eachForm(fn func(f Form, path string)) {
	if len(c.d.Intake) > 0 {
		fn(c.d.Intake, "intake")
	}
	for _, s := range c.d.Steps {
		if len(s.Form) > 0 {
			fn(s.Form, "steps."+s.ID+".form")
		}
	}
}

// role checks that name, at path, is a declared role (or "assignee" where allowed).
func (c *checker) role(name, path string, assignee bool) {
	if _, ok := c.d.Roles[name]; ok || name == "" || (assignee && name == "assignee") || c.isBad("roles") {
		return
	}
	if name == "assignee" {
		c.problem(path, words.Msg(words.ProblemRoleNotAssignee), c.sug.hint("", c.roleIDs, words.ProblemHintRoles))
		return
	}
	cands := c.roleIDs
	if assignee {
		cands = append([]string{"assignee"}, cands...)
	}
	c.problem(path, words.Msg(words.ProblemUnknownRole, "name", quote(name)), c.sug.hint(name, cands, words.ProblemHintRoles))
}

// roleRefs checks every place that names a role.
func (c *checker) roleRefs() {
	c.role(c.d.Lead, "lead", false)
	for _, s := range c.d.Steps {
		p := "steps." + s.ID
		c.role(s.Role, p+".role", false)
		c.role(s.To, p+".to", false)
		for i, r := range s.Escalate {
			rp := p + ".escalate[" + strconv.Itoa(i) + "]"
			c.role(r.Remind, rp+".remind", true)
			c.role(r.To, rp+".to", false)
		}
	}
}

func (c *checker) dateFields() []string {
	var out []string
	for _, f := range c.fields {
		if f.Type == FieldDate {
			out = append(out, f.Name)
		}
	}
	return out
}

// transitions checks that the first-match transitions of a step can always go on: a
// transition after one without a condition is never taken, and without a last
// transition that has no condition a case gets stuck when no condition holds.
func (c *checker) transitions(s *Step, p string) {
	if len(s.Next) == 0 {
		return
	}
	for i, t := range s.Next[:len(s.Next)-1] {
		if t.When == "" {
			c.problem(fmt.Sprintf("%s.next[%d]", p, i+1), words.Msg(words.ProblemNeverTaken, "n", strconv.Itoa(i)))
			return
		}
	}
	last := len(s.Next) - 1
	if s.Next[last].When != "" {
		c.problem(fmt.Sprintf("%s.next[%d].when", p, last), words.Msg(words.ProblemStuckNoCondition, "example", "`- goto: …`"))
	}
}

// forms checks options and that a field name means one thing in the whole process,
// since a case's data is one flat map.
func (c *checker) forms() {
	type first struct {
		path string
		f    *Field
	}
	declared := map[string]first{}
	c.eachForm(func(f Form, path string) {
		c.conditionalRules(f, path)
		for _, fl := range f {
			p := path + "." + fl.Name
			c.options(fl, p)
			var re *RulesError
			if errors.As(CheckRules(fl), &re) {
				c.problem(p+".rules", re.Problem)
			}
			if fst, ok := declared[fl.Name]; !ok {
				declared[fl.Name] = first{p, fl}
			} else if fst.f.Type != fl.Type && validType(fl.Type) && validType(fst.f.Type) {
				c.problem(p+".type", words.Msg(words.ProblemFieldTwoTypes, "name", strconv.Quote(fl.Name), "type", string(fst.f.Type),
					"path", fst.path, "line", strconv.Itoa(c.locate(fst.path).line)))
			}
		}
	})
}

// options checks the type and that choice fields have options and other fields have none.
func (c *checker) options(f *Field, p string) {
	spec := LookupFieldType(f.Type)
	switch {
	case spec == nil:
		if f.Type != "" { // an empty type is reported by its required tag
			c.oneOf(p+".type", string(f.Type), fieldTypeNames())
		}
	case spec.Options:
		if len(f.Options) == 0 {
			c.problem(p+".options", words.Msg(words.ProblemNeedsOptions, "type", string(f.Type)))
		}
		seen := map[string]bool{}
		for i, o := range f.Options {
			if seen[o] {
				c.problem(fmt.Sprintf("%s.options[%d]", p, i), words.Msg(words.ProblemOptionTwice, "option", quote(o)))
			}
			seen[o] = true
		}
	default:
		if len(f.Options) > 0 || c.has(p+".options") {
			withOptions := optionTypes()
			c.problemKey(p+".options", words.Msg(words.ProblemOptionsNotAllowed, "types", strings.Join(withOptions, ","), "choice", withOptions[0], "type", string(f.Type)))
		}
	}
}

// conditions compiles and type-checks every when against the declared fields. Equal
// conditions are checked once (copied definitions repeat them), and distinct ones are
// checked on every core: CEL's parser dominates the time of validating a large process.
func (c *checker) conditions() {
	conds, err := NewConditions(c.fields)
	if err != nil {
		c.problem("", words.Msg(words.ProblemConditionFields, "detail", err.Error()))
		return
	}
	index := map[string]int{}
	var exprs []string
	for _, s := range c.d.Steps {
		for _, t := range s.Next {
			if _, seen := index[t.When]; t.When != "" && !seen {
				index[t.When] = len(exprs)
				exprs = append(exprs, t.When)
			}
		}
	}
	errs := make([]error, len(exprs))
	optionProblems := make([][]words.Message, len(exprs))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(exprs)) {
		wg.Go(func() {
			for i := range work {
				if errs[i] = conds.Check(exprs[i]); errs[i] == nil {
					// Parsed once more here, in parallel, and kept for dataflow.
					optionProblems[i] = conds.OptionProblems(exprs[i])
				}
			}
		})
	}
	for i := range exprs {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, s := range c.d.Steps {
		for i, t := range s.Next {
			if t.When == "" {
				continue
			}
			p := fmt.Sprintf("steps.%s.next[%d].when", s.ID, i)
			if err := errs[index[t.When]]; err != nil {
				c.badCondition(p, err)
				continue
			}
			for _, m := range optionProblems[index[t.When]] {
				c.problem(p, m)
			}
		}
	}
	c.terms(conds)
	c.dataflow(conds)
	c.pathLaw(conds) // pathlaw.go
}
