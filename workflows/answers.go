package workflows

import (
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"
)

// Answer is one answer given to a field: by which step (empty for the melding's intake
// form), which task, when, and what. Case data keeps only the last answer, which
// routing reads; the answers keep the earlier ones, so a field asked again (a
// veiligheidsrisico at intake, at triage and after the gesprek) loses none.
type Answer struct {
	Step  string    `json:"step,omitempty"`
	Task  string    `json:"task,omitempty"`
	At    time.Time `json:"at"`
	Value any       `json:"value"`
}

// maxAnswers bounds the answers kept per field; a step entered again and again in a
// loop keeps its most recent answers, as the trail does.
const maxAnswers = 10

// keepAnswers merges data into the case's data and records each value as an answer of
// the step. Every field gets its answers, also those asked once: the step and moment
// of a first answer are only known when it is given. The view shows only fields
// answered more than once (answered). A case started before answers were kept has
// none for its earlier answers; it shows their history from its next answer on.
func (s *CaseState) keepAnswers(step, task string, at time.Time, data map[string]any) {
	if s.Answers == nil && len(data) > 0 {
		s.Answers = map[string][]Answer{}
	}
	for _, k := range workflow.DeterministicKeys(data) {
		s.Data[k] = data[k]
		list := append(s.Answers[k], Answer{Step: step, Task: task, At: at, Value: data[k]})
		if n := len(list) - maxAnswers; n > 0 {
			list = slices.Clone(list[n:])
		}
		s.Answers[k] = list
	}
}

// answered are the answers of the fields answered more than once, oldest first, copied
// for the view; nil when there are none.
func (s *CaseState) answered() map[string][]Answer {
	var out map[string][]Answer
	for _, k := range workflow.DeterministicKeys(s.Answers) {
		list := s.Answers[k]
		if len(list) < 2 {
			continue
		}
		if out == nil {
			out = map[string][]Answer{}
		}
		out[k] = slices.Clone(list)
	}
	return out
}
