package workflows

import (
	"fmt"
	"testing"

	"github.com/wijkflow/wijkflow/definitions"
)

// condDef is a definition with one intake field, enough for the condition cache.
func condDef(version, field string, typ definitions.FieldType) *definitions.Definition {
	return &definitions.Definition{Version: version, Intake: definitions.Form{{Name: field, Type: typ}}}
}

func TestConditionsForSharesByVersionAndFields(t *testing.T) {
	base, err := conditionsFor(condDef("cache-v1", "leeftijd", definitions.FieldNumber))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		def  *definitions.Definition
		same bool
	}{
		{"same version and fields", condDef("cache-v1", "leeftijd", definitions.FieldNumber), true},
		{"other version", condDef("cache-v2", "leeftijd", definitions.FieldNumber), false},
		{"same version, other field", condDef("cache-v1", "spoed", definitions.FieldBool), false},
		{"same version, other type", condDef("cache-v1", "leeftijd", definitions.FieldText), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := conditionsFor(tt.def)
			if err != nil {
				t.Fatal(err)
			}
			if (got == base) != tt.same {
				t.Errorf("shared = %v, want %v", got == base, tt.same)
			}
		})
	}
	// A shared entry evaluates as a new one would.
	ok, err := base.Eval("leeftijd < 18", map[string]any{"leeftijd": 12.0})
	if err != nil || !ok {
		t.Errorf("Eval = %v, %v; want true, nil", ok, err)
	}
}

func TestConditionsForIsBounded(t *testing.T) {
	first, err := conditionsFor(condDef("bound-0", "x", definitions.FieldText))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= maxCachedConditions; i++ {
		if _, err := conditionsFor(condDef(fmt.Sprintf("bound-%d", i), "x", definitions.FieldText)); err != nil {
			t.Fatal(err)
		}
	}
	if n := conditionCache.Len(); n > maxCachedConditions {
		t.Errorf("cache holds %d entries, want at most %d", n, maxCachedConditions)
	}
	again, err := conditionsFor(condDef("bound-0", "x", definitions.FieldText))
	if err != nil {
		t.Fatal(err)
	}
	if again == first {
		t.Error("the oldest entry was not evicted")
	}
}
