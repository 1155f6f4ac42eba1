package definitions

import (
	"slices"
	"testing"
)

// residentHead is a valid definition up to its resident block: an intake with the
// fields a resident names, then "resident:" on line 16.
const residentHead = `gemeente: testgem
process: wijkteam
title: Test
teams: [noord]
roles: {wijkcoach: Wijkcoach}
intake:
  naam: {type: text}
  geboortedatum: {type: date}
  adres: {type: text}
  bsn: {type: text, rules: len=9}
  partner_naam: {type: text}
  risico: {type: choice, options: [laag, hoog]}
start: klaar
steps:
  klaar: {kind: end, result: afgerond}
resident:
`

func TestResidentValid(t *testing.T) {
	src := residentHead + `  name: naam
  birthdate: geboortedatum
  address: adres
  bsn: bsn
  household:
    - {relation: partner, name: partner_naam}
`
	d, issues := Parse("t.yaml", []byte(src))
	checkIssues(t, issues, nil)
	want := []string{"naam", "geboortedatum", "adres", "bsn", "partner_naam"}
	if got := d.Resident.Fields(); !slices.Equal(got, want) {
		t.Errorf("Fields() = %v, want %v", got, want)
	}
	if (*Resident)(nil).Fields() != nil {
		t.Error("a nil resident has fields")
	}
}

func TestResidentBroken(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"typo in a field name", "  name: nam\n", []string{
			`t.yaml:17:9: resident.name: unknown intake field "nam"; did you mean "naam"?`,
		}},
		{"unknown field, nothing close", "  name: naam\n  address: woonplaats_en_straat\n", []string{
			`t.yaml:18:12: resident.address: unknown intake field "woonplaats_en_straat"; intake fields are: naam, geboortedatum, adres, bsn, partner_naam, risico`,
		}},
		{"unknown key", "  name: naam\n  geboortedatum: geboortedatum\n", []string{
			`t.yaml:18:3: resident.geboortedatum: unknown key "geboortedatum"; write one of: name, birthdate, address, bsn, household`,
		}},
		{"key typo", "  name: naam\n  adress: adres\n", []string{
			`t.yaml:18:3: resident.adress: unknown key "adress"; did you mean "address"?`,
		}},
		{"wrong types", "  name: geboortedatum\n  birthdate: naam\n", []string{
			`t.yaml:17:9: resident.name: intake field "geboortedatum" is a date field; the resident's name needs a text field`,
			`t.yaml:18:14: resident.birthdate: intake field "naam" is a text field; the date of birth needs a date field`,
		}},
		{"name missing", "  address: adres\n", []string{
			`t.yaml:16:1: resident.name: is required: the intake field with the resident's name, e.g. name: naam`,
		}},
		{"one field twice", "  name: naam\n  household:\n    - {relation: partner, name: naam}\n", []string{
			`t.yaml:19:33: resident.household[0].name: intake field "naam" is already named at resident.name; each field identifies one thing`,
		}},
		{"household member without relation", "  name: naam\n  household:\n    - {name: partner_naam}\n", []string{
			`t.yaml:19:7: resident.household[0].relation: is required: who the person is to the resident, e.g. relation: partner`,
		}},
		{"not a mapping", "  [naam]\n", []string{
			`t.yaml:17:3: resident: expected a mapping, not a list`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, issues := Parse("t.yaml", []byte(residentHead+tt.src))
			checkIssues(t, issues, tt.want)
		})
	}
}

// TestShippedDeclareResident: every shipped process says whom its cases are about, so
// the web app can show the resident's name beside each task.
func TestShippedDeclareResident(t *testing.T) {
	defs, issues := LoadDir(".")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	if len(defs) == 0 {
		t.Fatal("no shipped definitions found")
	}
	for _, d := range defs {
		if d.Resident == nil || d.Resident.Name == "" {
			t.Errorf("%s/%s declares no resident", d.Gemeente, d.Process)
			continue
		}
		for _, f := range d.Resident.Fields() {
			if fl := d.Intake.Field(f); fl == nil || fl.Required {
				// A signal may come in before anyone knows the name (from the neighbours,
				// anonymously): the resident's fields stay optional.
				t.Errorf("%s/%s: resident field %s is missing or required", d.Gemeente, d.Process, f)
			}
		}
	}
}

// ResidentName is what the case's memo and the lists show: the name field's text, or ""
// when there is no definition, no resident block or no such answer.
func TestResidentName(t *testing.T) {
	d, issues := Parse("t.yaml", []byte(residentHead+"  name: naam\n"))
	checkIssues(t, issues, nil)
	unnamed := *d
	unnamed.Resident = nil
	for _, tc := range []struct {
		name string
		def  *Definition
		data map[string]any
		want string
	}{
		{"named", d, map[string]any{"naam": "Inwoner Een"}, "Inwoner Een"},
		{"not given", d, map[string]any{"adres": "Dorpsstraat 1"}, ""},
		{"not text", d, map[string]any{"naam": 12}, ""},
		{"no resident block", &unnamed, map[string]any{"naam": "Inwoner Een"}, ""},
		{"no definition", nil, map[string]any{"naam": "Inwoner Een"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.def.ResidentName(tc.data); got != tc.want {
				t.Errorf("ResidentName = %q, want %q", got, tc.want)
			}
		})
	}
}
