package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/wijkflow/wijkflow/worker/metrics"
)

// valueSink is a caller in this process that takes answers as values.
type valueSink struct {
	*httptest.ResponseRecorder
	got any
}

func (s *valueSink) WriteValue(v any) { s.got = v }

// TestValueWriterTakesTheValue: under the metrics recorder a caller in this process
// gets a 2xx answer's value itself and no JSON; an error is JSON all the same, and a
// client over the wire gets JSON.
func TestValueWriterTakesTheValue(t *testing.T) {
	list := TaskList{Tasks: []TaskItem{{CaseID: "case-a"}}, NextPageToken: "x"}
	sink := &valueSink{ResponseRecorder: httptest.NewRecorder()}
	writeJSON(&metrics.Recorder{ResponseWriter: sink}, http.StatusOK, list)
	if got, ok := sink.got.(TaskList); !ok || got.Tasks[0].CaseID != "case-a" || sink.Body.Len() != 0 {
		t.Errorf("value %#v, body %q: want the list itself and no JSON", sink.got, sink.Body)
	}
	if sink.Code != http.StatusOK || sink.Header().Get("Content-Type") != "application/json" {
		t.Errorf("status %d, type %q", sink.Code, sink.Header().Get("Content-Type"))
	}

	sink = &valueSink{ResponseRecorder: httptest.NewRecorder()}
	writeError(&metrics.Recorder{ResponseWriter: sink}, errorf(http.StatusNotFound, "case not found"))
	if sink.got != nil || sink.Code != http.StatusNotFound || sink.Body.String() != `{"error":"case not found"}`+"\n" {
		t.Errorf("error: value %#v, %d %q: want JSON", sink.got, sink.Code, sink.Body)
	}

	wire := httptest.NewRecorder()
	writeJSON(wire, http.StatusOK, list)
	if want := `{"tasks":[{"caseId":"case-a",`; len(wire.Body.String()) < len(want) || wire.Body.String()[:len(want)] != want {
		t.Errorf("over the wire: %q", wire.Body)
	}
}
