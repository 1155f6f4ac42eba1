package definitions

import (
	"encoding/json"
	"testing"
)

// TestFieldTypesTable checks that every field type is complete and that the schema
// lists exactly the table.
func TestFieldTypesTable(t *testing.T) {
	for _, ft := range fieldTypes {
		if ft.Doc == "" || ft.CEL == nil || ft.celValue == nil || LookupFieldType(ft.Name) == nil {
			t.Errorf("field type %q is incomplete: %+v", ft.Name, ft)
		}
		if ft.Options && ft.literal == nil {
			t.Errorf("field type %q takes options but does not check a rule's literal against them", ft.Name)
		}
	}
	got, _ := json.Marshal(schemaAt(schemaDoc(t), "$defs", "FieldType", "enum"))
	want, _ := json.Marshal(fieldTypeNames())
	if string(got) != string(want) {
		t.Errorf("schema enum = %s, want %s", got, want)
	}
	if LookupFieldType("tekst") != nil || celType("tekst") != celType(FieldText) {
		t.Error("an unknown field type is known, or does not read as text in conditions")
	}
}
