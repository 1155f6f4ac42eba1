package demo

import (
	"slices"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/internal/testutil"
)

// TestDemoDataFitsEveryShippedForm checks that the demo answers pass the field rules of
// every intake and task form shipped, so `wijkflow dev --demo` seeds every process.
func TestDemoDataFitsEveryShippedForm(t *testing.T) {
	defs := testutil.Shipped(t)
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for _, d := range defs {
		t.Run(d.Gemeente+"/"+d.Process+"/intake", func(t *testing.T) {
			if p := definitions.CheckData(d.Intake, formData(d.Intake, today)); len(p) > 0 {
				t.Errorf("demo intake data breaks: %v", p)
			}
		})
		for _, s := range d.Steps {
			if s.Kind != definitions.KindTask {
				continue
			}
			t.Run(d.Gemeente+"/"+d.Process+"/"+s.ID, func(t *testing.T) {
				if p := definitions.CheckData(s.Form, formData(s.Form, today)); len(p) > 0 {
					t.Errorf("demo data breaks: %v", p)
				}
			})
		}
	}
}

func TestDemoDataValues(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	form := definitions.Form{
		{Name: "keuze", Type: definitions.FieldChoice, Options: []string{"geen", "hoog"}, Required: true},
		{Name: "keuzes", Type: definitions.FieldChoices, Options: []string{"werk", "zorg"}, Required: true},
		{Name: "akkoord", Type: definitions.FieldBool},
		{Name: "aantal", Type: definitions.FieldNumber, Required: true, Rules: "gte=3,lte=9"},
		{Name: "datum", Type: definitions.FieldDate, Required: true},
		{Name: "lang", Type: definitions.FieldText, Required: true, Rules: "min=40"},
		{Name: "optioneel", Type: definitions.FieldText},
	}
	got := formData(form, today)
	for _, tc := range []struct {
		field string
		want  any
	}{
		{"keuze", "geen"},
		{"akkoord", false},
		{"aantal", 3.0},
		{"datum", "2026-11-25"},
	} {
		t.Run(tc.field, func(t *testing.T) {
			if got[tc.field] != tc.want {
				t.Errorf("%s = %#v, want %#v", tc.field, got[tc.field], tc.want)
			}
		})
	}
	if k, _ := got["keuzes"].([]any); !slices.Equal(k, []any{"werk"}) {
		t.Errorf("keuzes = %#v, want [werk]", got["keuzes"])
	}
	if l, _ := got["lang"].(string); len(l) != 40 {
		t.Errorf("lang has %d characters, want 40 (rule min=40)", len(l))
	}
	if _, ok := got["optioneel"]; ok {
		t.Error("an optional text field was filled in; demo data leaves it out")
	}
}

func TestEntryProcessesLeaveOutReferralTargets(t *testing.T) {
	defs := testutil.Shipped(t)
	var got []string
	for _, d := range entryProcesses(defs) {
		got = append(got, d.Gemeente+"/"+d.Process)
	}
	want := []string{"dalfsen/wijkteam", "dordrecht/wijkteam", "utrecht/buurtteam"}
	if !slices.Equal(got, want) {
		t.Errorf("entry processes = %v, want %v", got, want)
	}
}
