package web

import (
	"slices"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/workflows"
)

// termLine is one term on the case or task page: the step it is for, its legal basis,
// and its last day as the law counts it (a term ending at 00:00 ends the day before).
type termLine struct {
	Title   string
	Law     string
	LastDay string // "27 november 2026"
	Due     time.Time
	// Overdue: a deadline whose end has passed. A norm that passed is not a late case.
	Overdue, Soon bool
	// FromMelding: a term that counts from the melding for a step not reached yet.
	FromMelding bool
	// This: the term of the task whose page this is.
	This                   bool
	ClockStopped, Extended bool
	EscalationLevel        int
}

// termGroup is one heading of terms: the law's, the team's own norms, or its internal
// agreements. A term is the law's when it cites the law (law:, checked against the
// catalogue of definitions/law by the validator); a norm is written under norm:; a
// deadline without law: is an internal agreement, like the melding's 3 werkdagen.
type termGroup struct {
	ID, Heading, Hint string
	Lines             []termLine
}

// termsOf are a case's terms under their headings, in that order, each only when it has
// terms: the open tasks' (the task this page is for first) and those from the melding
// for steps not reached yet.
func termsOf(v *workflows.CaseView, this string) []termGroup {
	legal := termGroup{ID: "wettelijk", Heading: "Wettelijke termijnen", Hint: "Termijnen die de wet stelt."}
	norms := termGroup{ID: "normen", Heading: "Normen", Hint: "Eigen, strengere normen van het team."}
	internal := termGroup{ID: "intern", Heading: "Interne afspraken", Hint: "Werkafspraken van het team; geen wettelijke termijn."}
	deadline := func(l termLine) {
		if l.Law != "" {
			legal.Lines = append(legal.Lines, l)
		} else {
			internal.Lines = append(internal.Lines, l)
		}
	}
	tasks := v.Tasks
	if i := slices.IndexFunc(tasks, func(t workflows.TaskView) bool { return t.ID == this }); i > 0 {
		tasks = slices.Concat(tasks[i:i+1], tasks[:i], tasks[i+1:])
	}
	for _, t := range tasks {
		base := termLine{Title: t.Title, This: t.ID == this, ClockStopped: t.ClockStopped}
		if t.Deadline != nil {
			l := base
			l.Law, l.Overdue, l.Extended, l.EscalationLevel = t.Law, t.Overdue, t.Extended, t.EscalationLevel
			deadline(withDue(l, *t.Deadline))
		}
		if t.Norm != nil {
			norms.Lines = append(norms.Lines, withDue(base, *t.Norm))
		}
	}
	for _, k := range v.Clocks {
		l := withDue(termLine{Title: k.Title, Law: k.Law, Overdue: k.Overdue, FromMelding: true}, k.Due)
		if k.Kind == "norm" {
			norms.Lines = append(norms.Lines, l)
		} else {
			deadline(l)
		}
	}
	var out []termGroup
	for _, g := range []termGroup{legal, norms, internal} {
		if len(g.Lines) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// withDue sets a term's end and its last day in words.
func withDue(l termLine, due time.Time) termLine {
	l.Due = due
	l.LastDay = dateNL(law.LastDay(due))
	l.Soon = !l.Overdue && deadlineSoon(&due)
	return l
}
