package definitions

import (
	"fmt"
	"strconv"
)

// Resident names the intake fields that say whom a case is about: the resident (cliënt)
// and the household. It names fields and holds no data itself: the values are the
// intake's answers, which live only in the case's (encrypted) payloads and are shown only
// to users who may see the case; never in search attributes, workflow ids, memo or logs.
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
	required    bool
	what        string // for the message: "the resident's name"
}

// resident checks that every field the resident names is an intake field of the right
// type, so that a typo is a validation error and not a case without a name.
func (c *checker) resident() {
	r := c.d.Resident
	if r == nil || c.isBad("resident") {
		return
	}
	refs := []residentRef{
		{"resident.name", r.Name, FieldText, true, "the resident's name"},
		{"resident.birthdate", r.Birthdate, FieldDate, false, "the date of birth"},
		{"resident.address", r.Address, FieldText, false, "the address"},
		{"resident.bsn", r.BSN, FieldText, false, "the BSN"},
	}
	for i, p := range r.Household {
		pp := "resident.household[" + strconv.Itoa(i) + "]"
		if p.Relation == "" {
			c.fail(pp+".relation", "is required: who the person is to the resident, e.g. relation: partner")
		}
		refs = append(refs,
			residentRef{pp + ".name", p.Name, FieldText, true, "the person's name"},
			residentRef{pp + ".birthdate", p.Birthdate, FieldDate, false, "the date of birth"},
			residentRef{pp + ".bsn", p.BSN, FieldText, false, "the BSN"})
	}
	var intake []string
	for _, f := range c.d.Intake {
		intake = append(intake, f.Name)
	}
	used := map[string]string{}
	for _, ref := range refs {
		if ref.field == "" {
			if ref.required {
				c.fail(ref.path, fmt.Sprintf("is required: the intake field with %s, e.g. name: naam", ref.what))
			}
			continue
		}
		f := c.d.Intake.Field(ref.field)
		switch {
		case f == nil:
			c.fail(ref.path, "unknown intake field "+quote(ref.field)+c.sug.didYouMean(ref.field, intake, "intake fields are"))
		case f.Type != ref.want && validType(f.Type):
			c.fail(ref.path, fmt.Sprintf("intake field %q is a %s field; %s needs a %s field", f.Name, f.Type, ref.what, ref.want))
		case used[ref.field] != "":
			c.fail(ref.path, fmt.Sprintf("intake field %q is already named at %s; each field identifies one thing", ref.field, used[ref.field]))
		}
		if used[ref.field] == "" {
			used[ref.field] = ref.path
		}
	}
}
