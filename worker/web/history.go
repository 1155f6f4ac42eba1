package web

import (
	"slices"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/workflows"
)

// collectedLine is one field of the case page's collected data: its last answer and,
// when the field was asked more than once, every answer newest first.
type collectedLine struct {
	residentLine
	History []answerLine
}

// answerLine is one answer in a field's history: the step that asked it, the label
// that step's form used, when, and the answer in Dutch.
type answerLine struct {
	Step, Label, Date, Value string
}

// collected are the case's answers to every field the definition asks, each with its
// history when it was asked more than once, under the label of the form that asked it
// last. A case started before answers were kept
// has no history: it shows the last answer only, as before.
func collected(def *definitions.Definition, v *workflows.CaseView, stepTitle func(string) string) []collectedLine {
	var out []collectedLine
	for _, f := range definitions.AllFields(def) {
		last := answers(def, v.Data, definitions.Form{f})
		if len(last) == 0 {
			continue
		}
		line := collectedLine{residentLine: last[0], History: history(def, f, v.Answers[f.Name], stepTitle)}
		if len(line.History) > 0 { // the last answer under the label it was asked by
			line.Label = line.History[0].Label
		}
		out = append(out, line)
	}
	return out
}

// history reads a field's answers newest first, each under the label of the form
// that asked it; nil when the field was answered once.
func history(def *definitions.Definition, f *definitions.Field, given []workflows.Answer, stepTitle func(string) string) []answerLine {
	if len(given) < 2 {
		return nil
	}
	var out []answerLine
	for _, a := range slices.Backward(given) {
		line := answerLine{Step: "Melding", Date: dateNL(a.At)}
		form := def.Intake
		if a.Step != "" {
			line.Step, form = stepTitle(a.Step), nil
			if s := def.Steps.Step(a.Step); s != nil {
				form = s.Form
			}
		}
		asked := form.Field(f.Name)
		if asked == nil { // a form changed by a later version of the definition
			asked = f
		}
		line.Label = asked.Question()
		line.Value = valueNL(asked, a.Value)
		out = append(out, line)
	}
	return out
}
