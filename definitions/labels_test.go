package definitions

import (
	"maps"
	"slices"
	"testing"
)

func TestLabelDefault(t *testing.T) {
	for id, want := range map[string]string{
		"wmo_consulent":   "Wmo consulent",
		"leidsche-rijn":   "Leidsche rijn",
		"dalfsen":         "Dalfsen",
		"inwoner_ziet_af": "Inwoner ziet af",
		"":                "",
	} {
		if got := Label(id); got != want {
			t.Errorf("Label(%q) = %q, want %q", id, got, want)
		}
	}
}

// labelledYAML names a team and two options; the rest read by default.
const labelledYAML = `gemeente: testgem
process: wijkteam
title: Test
teams:
  noord: Noord (pilot)
  oost-zuid: Oost en Zuid
roles: {wijkcoach: Wijkcoach}
intake:
  bron:
    type: choice
    options: [inwoner, {value: cjg, label: CJG}, {value: veilig_thuis, label: Veilig Thuis}]
start: klaar
steps:
  klaar: {kind: end, result: afgerond}
`

func TestLabelsInTheDefinition(t *testing.T) {
	d, issues := Parse("t.yaml", []byte(labelledYAML))
	checkIssues(t, issues, nil)
	if !slices.Equal(d.Teams, []string{"noord", "oost-zuid"}) {
		t.Errorf("teams = %v, want the ids in the order written", d.Teams)
	}
	if got := d.TeamLabel("oost-zuid") + "|" + d.TeamLabel("west"); got != "Oost en Zuid|West" {
		t.Errorf("team labels = %q", got)
	}
	bron := d.Intake.Field("bron")
	if !slices.Equal(bron.Options, []string{"inwoner", "cjg", "veilig_thuis"}) {
		t.Errorf("options = %v, want the values", bron.Options)
	}
	if got := bron.OptionLabel("cjg") + "|" + bron.OptionLabel("inwoner"); got != "CJG|Inwoner" {
		t.Errorf("option labels = %q", got)
	}
	if got := d.RoleLabel("wijkcoach") + "|" + d.RoleLabel("wmo_consulent"); got != "Wijkcoach|Wmo consulent" {
		t.Errorf("role labels = %q", got)
	}
	plain, _ := Parse("t.yaml", []byte(validYAML))
	if plain.TeamLabels != nil || slices.ContainsFunc(AllFields(plain), func(f *Field) bool { return f.OptionLabels != nil }) {
		t.Error("a definition without labels got labels (its version would change)")
	}
	if !maps.Equal(d.TeamLabels, map[string]string{"noord": "Noord (pilot)", "oost-zuid": "Oost en Zuid"}) {
		t.Errorf("TeamLabels = %v", d.TeamLabels)
	}
}

func TestLabelsWrittenWrong(t *testing.T) {
	src := `gemeente: testgem
process: wijkteam
title: Test
teams: {noord: [a]}
roles: {wijkcoach: Wijkcoach}
intake:
  bron:
    type: choice
    options: [inwoner, {label: CJG}, {value: x, lable: X}]
start: klaar
steps:
  klaar: {kind: end, result: afgerond}
`
	_, issues := Parse("t.yaml", []byte(src))
	checkIssues(t, issues, []string{
		"t.yaml:4:16: teams.noord: expected text, not a list",
		`t.yaml:9:24: intake.bron.options[1].value: is required`,
		`t.yaml:9:49: intake.bron.options[2].lable: unknown key "lable"; did you mean "label"?`,
	})
}
