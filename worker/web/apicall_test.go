package web

import (
	"testing"

	"github.com/wijkflow/wijkflow/worker/httpapi"
)

// TestTakeValue: the API's value is taken as it is when the web asks for its type, and
// through JSON, as over the wire, when the web reads it as another type.
func TestTakeValue(t *testing.T) {
	name := "Inwoner"
	list := httpapi.TaskList{Tasks: []httpapi.TaskItem{{CaseID: "case-a", Resident: &name}}}
	var same httpapi.TaskList
	if err := takeValue(list, &same); err != nil || same.Tasks[0].Resident != &name {
		t.Errorf("same type: %v, %#v: want the value itself", err, same)
	}
	same = httpapi.TaskList{}
	if err := takeValue(&list, &same); err != nil || same.Tasks[0].Resident != &name {
		t.Errorf("a pointer to the type: %v, %#v: want the value itself", err, same)
	}
	var other struct {
		Tasks []struct {
			CaseID   string `json:"caseId"`
			Resident string `json:"resident"`
		} `json:"tasks"`
	}
	if err := takeValue(list, &other); err != nil || len(other.Tasks) != 1 || other.Tasks[0].Resident != "Inwoner" {
		t.Errorf("another type: %v, %#v: want it through JSON", err, other)
	}
	if err := takeValue(map[string]any{"tasks": "no list"}, &same); err == nil {
		t.Error("a value that does not read as the type: no error")
	}
}
