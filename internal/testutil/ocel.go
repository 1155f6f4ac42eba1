package testutil

import (
	"bytes"
	_ "embed"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// ocelSchema is the OCEL 2.0 JSON Schema; testdata/SCHEMAS.md names its source.
//
//go:embed testdata/ocel20-schema-json.json
var ocelSchema []byte

// CheckOCEL fails the test unless log is an OCEL 2.0 JSON document by the published
// schema, date-time formats included.
func CheckOCEL(t testing.TB, log []byte) {
	t.Helper()
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(ocelSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("ocel20-schema-json.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("ocel20-schema-json.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		t.Fatalf("the event log is not JSON: %v", err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("the event log is not OCEL 2.0: %v", err)
	}
}
