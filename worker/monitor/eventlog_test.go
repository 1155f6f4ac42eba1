package monitor

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/testutil"
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
	testutil.CheckOCEL(t, buf.Bytes())
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

func TestXESFollowsTheSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := (EventLog{Source: Source{Client: gemeente(3, 2, 4)}, Period: logPeriod()}).XES(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	testutil.CheckXES(t, buf.Bytes())
	var log struct {
		XMLName xml.Name `xml:"log"`
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
