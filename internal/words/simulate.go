package words

// What `wijkflow simulate` says in its report per sample case (internal/simulate): the
// state of each term, what fired and how the case ended. Durations are written as
// wijkflow writes them ("28d", "24h") and read with {x:duration}.
const (
	SimHeader    Code = "simulate.header"
	SimPath      Code = "simulate.path"
	SimTerms     Code = "simulate.terms"
	SimNotes     Code = "simulate.notes"
	SimEnd       Code = "simulate.end"
	SimProblems  Code = "simulate.problems"
	SimNone      Code = "simulate.none"
	SimTermMet   Code = "simulate.term.met"
	SimTermLate  Code = "simulate.term.late"
	SimTermOver  Code = "simulate.term.overdue"
	SimTermOpen  Code = "simulate.term.open"
	SimNote      Code = "simulate.note"
	SimRemind    Code = "simulate.remind"
	SimEscalate  Code = "simulate.escalate"
	SimStalled   Code = "simulate.stalled"
	SimSuspended Code = "simulate.suspended"
	SimResumed   Code = "simulate.resumed"
	SimClosed    Code = "simulate.end.closed"
	SimStuck     Code = "simulate.end.stuck"
	SimStopped   Code = "simulate.end.stopped"
	SimStillOpen Code = "simulate.end.open"
	SimCompared  Code = "simulate.compared"
	SimOnlyNew   Code = "simulate.compare.only-new"
	SimOnlyOld   Code = "simulate.compare.only-old"
	SimChanged   Code = "simulate.compare.changed"
	SimOld       Code = "simulate.compare.old"
	SimNew       Code = "simulate.compare.new"
	SimDiffer    Code = "simulate.compare.differ"
)

var simulateTexts = register(map[Code]Text{
	SimHeader: {"{gemeente}/{process} versie {version}: {n} proefgevallen uit {file}",
		"{gemeente}/{process} {version} on {n} sample cases from {file}"},
	SimPath:     {"Pad:", "Path:"},
	SimTerms:    {"Termijnen:", "Terms:"},
	SimNotes:    {"Herinneringen en opschalingen:", "Reminders and escalations:"},
	SimEnd:      {"Einde:", "End:"},
	SimProblems: {"Problemen:", "Problems:"},
	SimNone:     {"geen", "none"},
	SimTermMet:  {"{task}: gehaald (uiterlijk {due:date})", "{task}: met (due {due:date})"},
	SimTermLate: {"{task}: te laat, {late:duration} (uiterlijk {due:date})",
		"{task}: late, {late:duration} (due {due:date})"},
	SimTermOver: {"{task}: te laat, nog niet af (uiterlijk {due:date})",
		"{task}: late, not done yet (due {due:date})"},
	SimTermOpen:  {"{task}: nog open (uiterlijk {due:date})", "{task}: still open (due {due:date})"},
	SimNote:      {"+{after:duration}: {what}", "+{after:duration}: {what}"},
	SimRemind:    {"herinnering aan {role} ({task})", "reminder to {role} ({task})"},
	SimEscalate:  {"opgeschaald naar {role} ({task})", "escalated to {role} ({task})"},
	SimStalled:   {"vastgelopen ({task})", "stalled ({task})"},
	SimSuspended: {"opgeschort", "suspended"},
	SimResumed:   {"hervat", "resumed"},
	SimClosed: {"{result} bij {step}, na {took:duration}",
		"{result} at {step} after {took:duration}"},
	SimStuck: {"vastgelopen bij {steps:list}", "stuck at {steps:list}"},
	SimStopped: {"nog open na {until:duration}, bij {steps:list}",
		"still open after {until:duration}, at {steps:list}"},
	SimStillOpen: {"nog open bij {steps:list}", "still open at {steps:list}"},
	SimCompared:  {"Vergeleken met {file} (versie {version}):", "Compared with {file} ({version}):"},
	SimOnlyNew:   {"{case}: alleen in de nieuwe versie", "{case}: only in the new version"},
	SimOnlyOld:   {"{case}: alleen in de oude versie", "{case}: only in the old version"},
	SimChanged:   {"{case}, verschil in {what}:", "{case}, {what} changed:"},
	SimOld:       {"oud:", "old:"},
	SimNew:       {"nieuw:", "new:"},
	SimDiffer:    {"{n} van {total} proefgevallen verschillen", "{n} of {total} cases differ"},
})
