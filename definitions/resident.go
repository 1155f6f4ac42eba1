package definitions

import (
	"strconv"

	"github.com/wijkflow/wijkflow/internal/words"
)

// Resident names the intake fields that say whom a case is about: the resident (cliënt)
// and the household. It names fields and holds no data itself: the values are the
// intake's answers, which live only in the case's encrypted payloads (its state, and the
// name in its encrypted memo for the task lists) and are shown only to users who may see
// the case; never in search attributes, workflow ids, plain history or logs.
type Resident struct {
	// Name is the intake field (text) with the resident's name.
	Name string `yaml:"name" json:"name"`
	// Birthdate is the intake field (date) with the resident's date of birth.
	Birthdate string `yaml:"birthdate,omitempty" json:"birthdate,omitempty"`
	// Address is the intake field (text) with the household's address.
	Address string `yaml:"address,omitempty" json:"address,omitempty"`
	// BSN is the intake field (text) with the resident's burgerservicenummer; optional.
	BSN string `yaml:"bsn,omitempty" json:"bsn,omitempty"`
	// Household lists the other members of the household the case is also about.
	Household []Person `yaml:"household,omitempty" json:"household,omitempty"`
}

// Person is one other member of the household, by the intake fields that identify them.
type Person struct {
	// Relation says who the person is to the resident, e.g. partner or kind.
	Relation string `yaml:"relation" json:"relation"`
	// Name is the intake field (text) with the person's name.
	Name string `yaml:"name" json:"name"`
	// Birthdate is the intake field (date) with the person's date of birth.
	Birthdate string `yaml:"birthdate,omitempty" json:"birthdate,omitempty"`
	// BSN is the intake field (text) with the person's burgerservicenummer; optional.
	BSN string `yaml:"bsn,omitempty" json:"bsn,omitempty"`
}

// Fields returns the names of every intake field that identifies a person, in the order
// declared: the fields that hold personal data. Nil for a nil resident.
func (r *Resident) Fields() []string {
	if r == nil {
		return nil
	}
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			if n != "" {
				out = append(out, n)
			}
		}
	}
	add(r.Name, r.Birthdate, r.Address, r.BSN)
	for _, p := range r.Household {
		add(p.Name, p.Birthdate, p.BSN)
	}
	return out
}

// residentRef is one reference from the resident to an intake field.
type residentRef struct {
	path, field string
	want        FieldType
	required    words.Code // the problem when the field is not named; "" when optional
	wrongType   words.Code // the problem when the field has another type
}

// resident checks that every field the resident names is an intake field of the right
// type, so that a typo is a validation error and not a case without a name.
func (c *checker) resident() {
	r := c.d.Resident
	if r == nil || c.isBad("resident") {
		return
	}
	refs := []residentRef{
		{"resident.name", r.Name, FieldText, words.ProblemResidentNameRequired, words.ProblemResidentNameType},
		{"resident.birthdate", r.Birthdate, FieldDate, "", words.ProblemBirthdateType},
		{"resident.address", r.Address, FieldText, "", words.ProblemAddressType},
		{"resident.bsn", r.BSN, FieldText, "", words.ProblemBSNType},
	}
	for i, p := range r.Household {
		pp := "resident.household[" + strconv.Itoa(i) + "]"
		if p.Relation == "" {
			c.problem(pp+".relation", words.Msg(words.ProblemRelationRequired))
		}
		refs = append(refs,
			residentRef{pp + ".name", p.Name, FieldText, words.ProblemPersonNameRequired, words.ProblemPersonNameType},
			residentRef{pp + ".birthdate", p.Birthdate, FieldDate, "", words.ProblemBirthdateType},
			residentRef{pp + ".bsn", p.BSN, FieldText, "", words.ProblemBSNType})
	}
	var intake []string
	for _, f := range c.d.Intake {
		intake = append(intake, f.Name)
	}
	used := map[string]string{}
	for _, ref := range refs {
		if ref.field == "" {
			if ref.required != "" {
				c.problem(ref.path, words.Msg(ref.required))
			}
			continue
		}
		f := c.d.Intake.Field(ref.field)
		switch {
		case f == nil:
			c.problem(ref.path, words.Msg(words.ProblemUnknownIntakeField, "name", quote(ref.field)), c.sug.hint(ref.field, intake, words.ProblemHintIntakeFields))
		case f.Type != ref.want && validType(f.Type):
			c.problem(ref.path, words.Msg(ref.wrongType, "name", strconv.Quote(f.Name), "type", string(f.Type), "want", string(ref.want)))
		case used[ref.field] != "":
			c.problem(ref.path, words.Msg(words.ProblemIntakeFieldTwice, "name", strconv.Quote(ref.field), "path", used[ref.field]))
		}
		if used[ref.field] == "" {
			used[ref.field] = ref.path
		}
	}
}

// ResidentName is the resident's name in a case's data, or "" when the definition names
// no name field or the data does not give it.
func (d *Definition) ResidentName(data map[string]any) string {
	if d == nil || d.Resident == nil {
		return ""
	}
	s, _ := data[d.Resident.Name].(string)
	return s
}
