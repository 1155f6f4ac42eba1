package monitor

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func logPeriod() Period {
	return Period{Gemeente: "dalfsen", From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func TestOCELFollowsTheSchema(t *testing.T) {
	l := gemeente(3, 2, 4) // 3 closed cases of 4 events (2 with a task), 2 open
	var buf bytes.Buffer
	if err := (EventLog{Source: Source{Client: l}, Period: logPeriod()}).OCEL(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/ocel20-schema-json.json")
	if err != nil {
		t.Fatal(err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
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
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("not OCEL 2.0: %v", err)
	}
	var got struct {
		Events  []struct{ Type string }
		Objects []struct{ Type string }
	}
	json.Unmarshal(buf.Bytes(), &got)
	types := map[string]int{}
	for _, o := range got.Objects {
		types[o.Type]++
	}
	// 3 cases with 2 tasks and 1 referral each; open cases have no events yet.
	if len(got.Events) != 12 || types["case"] != 3 || types["task"] != 6 || types["referral"] != 3 {
		t.Errorf("events %d, objects %v", len(got.Events), types)
	}
}

func TestXESCountsTracesAndEvents(t *testing.T) {
	var buf bytes.Buffer
	if err := (EventLog{Source: Source{Client: gemeente(3, 2, 4)}, Period: logPeriod()}).XES(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	var log struct {
		XMLName xml.Name `xml:"http://www.xes-standard.org/ log"`
		Traces  []struct {
			Events []struct{} `xml:"event"`
		} `xml:"trace"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	n := 0
	for _, tr := range log.Traces {
		n += len(tr.Events)
	}
	if len(log.Traces) != 3 || n != 12 {
		t.Errorf("traces %d, events %d", len(log.Traces), n)
	}
}
