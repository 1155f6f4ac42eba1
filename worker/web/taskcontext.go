package web

import (
	"slices"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/workflows"
)

// answers are the case's answers to the given fields, labelled as the definition labels
// them and written as the case page writes them. The resident's own fields are left out:
// the resident block shows them.
func answers(def *definitions.Definition, data map[string]any, form definitions.Form) []residentLine {
	if def == nil {
		return nil
	}
	personal := def.Resident.Fields()
	var out []residentLine
	for _, f := range form {
		val, ok := data[f.Name]
		if !ok || slices.Contains(personal, f.Name) {
			continue
		}
		out = append(out, residentLine{f.Question(), valueNL(f, val)})
	}
	return out
}

// knownBefore are the fields whose answers a task's worker needs beside the form: the
// intake's and those of the step completed last before the task opened (the step that
// led here), each field once.
func knownBefore(def *definitions.Definition, v *workflows.CaseView, task *workflows.TaskView) definitions.Form {
	if def == nil {
		return nil
	}
	var out definitions.Form
	add := func(form definitions.Form) {
		for _, f := range form {
			if f != nil && out.Field(f.Name) == nil {
				out = append(out, f)
			}
		}
	}
	add(def.Intake)
	for _, e := range slices.Backward(v.Trail) {
		if e.Event != workflows.EventTaskCompleted || e.At.After(task.Opened) {
			continue
		}
		if s := def.Steps.Step(e.Step); s != nil {
			add(s.Form)
		}
		break
	}
	return out
}
