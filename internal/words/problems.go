package words

// Problems a process designer gets from `wijkflow validate` (package definitions). The
// English text is exactly what the validator has always said; values arrive quoted
// ("plna") and durations as written (6w), so the Dutch text reads them in words.
const (
	// Hints, said after a problem.
	ProblemDidYouMean     Code = "problem.hint.did-you-mean"
	ProblemHintSteps      Code = "problem.hint.steps"
	ProblemHintRoles      Code = "problem.hint.roles"
	ProblemHintFields     Code = "problem.hint.fields"
	ProblemHintDateFields Code = "problem.hint.date-fields"

	// Kinds of step and their keys.
	ProblemNotOneOf          Code = "problem.not-one-of"
	ProblemKeyNotForKind     Code = "problem.key-not-for-kind"
	ProblemKeyNotForKindAn   Code = "problem.key-not-for-kind-an"
	ProblemNeedsNext         Code = "problem.needs-next"
	ProblemNeedsNextAn       Code = "problem.needs-next-an"
	ProblemNextNotAllowed    Code = "problem.next-not-allowed"
	ProblemNextNotAllowedAn  Code = "problem.next-not-allowed-an"
	ProblemTaskNeedsRole     Code = "problem.task.needs-role"
	ProblemTaskNeedsForm     Code = "problem.task.needs-form"
	ProblemNormHasLaw        Code = "problem.task.norm-has-law"
	ProblemExtendableAlone   Code = "problem.task.extendable-without-deadline"
	ProblemSuspendableAlone  Code = "problem.task.suspendable-without-clock"
	ProblemTermNeedsWithin   Code = "problem.task.term-needs-within"
	ProblemRungNeedsAfter    Code = "problem.task.rung-needs-after"
	ProblemRungDoesNothing   Code = "problem.task.rung-does-nothing"
	ProblemRungOrder         Code = "problem.task.rung-order"
	ProblemWaitNeedsWhat     Code = "problem.wait.needs-what"
	ProblemWaitForAndUntil   Code = "problem.wait.for-and-until"
	ProblemUnknownField      Code = "problem.unknown-field"
	ProblemUntilNotDate      Code = "problem.wait.until-not-date"
	ProblemNotEventName      Code = "problem.wait.not-event-name"
	ProblemWaitFormNoEvent   Code = "problem.wait.form-without-event"
	ProblemTimeoutNoEvent    Code = "problem.wait.timeout-without-event"
	ProblemTimeoutNoTime     Code = "problem.wait.timeout-without-time"
	ProblemEventNeedsTimeout Code = "problem.wait.event-needs-timeout"
	ProblemNotifyNeedsTo     Code = "problem.notify.needs-to"
	ProblemReferralNoTarget  Code = "problem.referral.needs-target"
	ProblemReferralTwoTarget Code = "problem.referral.two-targets"
	ProblemNotProcessID      Code = "problem.referral.not-process-id"
	ProblemJoinTooFew        Code = "problem.join.too-few"
	ProblemEndNeedsResult    Code = "problem.end.needs-result"
)

// problemsTexts is the table of this domain; see doc.go.
var problemsTexts = register(map[Code]Text{
	ProblemDidYouMean:     {NL: "; bedoelde je {name}?", EN: "; did you mean {name}?"},
	ProblemHintSteps:      {NL: "; de stappen zijn: {names}", EN: "; steps are: {names}"},
	ProblemHintRoles:      {NL: "; de rollen zijn: {names}", EN: "; roles are: {names}"},
	ProblemHintFields:     {NL: "; de velden zijn: {names}", EN: "; fields are: {names}"},
	ProblemHintDateFields: {NL: "; de datumvelden zijn: {names}", EN: "; date fields are: {names}"},

	ProblemNotOneOf: {NL: "{value} moet een van deze zijn: {options}", EN: "{value} must be one of: {options}"},
	ProblemKeyNotForKind: {NL: "{key} hoort niet bij een stap van soort {kind} (alleen bij {kinds}); haal het weg",
		EN: "{key} does not apply to a {kind} step (only to {kinds}); remove it"},
	ProblemKeyNotForKindAn: {NL: "{key} hoort niet bij een stap van soort {kind} (alleen bij {kinds}); haal het weg",
		EN: "{key} does not apply to an {kind} step (only to {kinds}); remove it"},
	ProblemNeedsNext:        {NL: "een stap van soort {kind} heeft next: {example} nodig", EN: "a {kind} step needs next: {example}"},
	ProblemNeedsNextAn:      {NL: "een stap van soort {kind} heeft next: {example} nodig", EN: "an {kind} step needs next: {example}"},
	ProblemNextNotAllowed:   {NL: "een stap van soort {kind} heeft geen next; haal het weg", EN: "a {kind} step has no next; remove it"},
	ProblemNextNotAllowedAn: {NL: "een stap van soort {kind} heeft geen next; haal het weg", EN: "an {kind} step has no next; remove it"},
	ProblemTaskNeedsRole:    {NL: "een taak heeft een rol nodig, bijvoorbeeld role: wijkcoach", EN: "a task needs a role, e.g. role: wijkcoach"},
	ProblemTaskNeedsForm:    {NL: "een taak heeft een formulier met minstens één veld nodig", EN: "a task needs a form with at least one field"},
	ProblemNormHasLaw: {NL: "een norm is de eigen servicenorm van het team, geen wettelijke termijn, dus law: betekent hier niets; zet law: bij de deadline (de wettelijke termijn) of haal het weg",
		EN: "a norm is the team's own service norm, not a legal term, so law: means nothing here; move law: to the deadline (the legal term), or remove it"},
	ProblemExtendableAlone: {NL: "extendable verlengt de deadline, maar de stap heeft er geen; voeg deadline: toe of haal extendable weg",
		EN: "extendable lengthens the deadline, but the step has none; add deadline: or remove extendable"},
	ProblemSuspendableAlone: {NL: "suspendable zet de klokken van de stap stil, maar die heeft geen deadline of norm; voeg er een toe of haal suspendable weg",
		EN: "suspendable stops the step's clocks, but it has no deadline or norm; add one or remove suspendable"},
	ProblemTermNeedsWithin: {NL: "is verplicht: de lengte van de termijn, bijvoorbeeld within: 6w", EN: "is required: the length of the term, e.g. within: 6w"},
	ProblemRungNeedsAfter:  {NL: "is verplicht: wanneer de trede ingaat, bijvoorbeeld after: 5w", EN: "is required: when the rung fires, e.g. after: 5w"},
	ProblemRungDoesNothing: {NL: "deze trede doet niets; voeg remind, to, stalled of goto toe", EN: "a rung does nothing; add remind, to, stalled or goto"},
	ProblemRungOrder: {NL: "{after:duration} moet later komen dan de trede ervoor ({before:duration}); zet de treden op volgorde van after",
		EN: "{after} must come later than the rung before ({before}); order the rungs by after"},
	ProblemWaitNeedsWhat: {NL: "een wachtstap heeft for: (een duur, bijvoorbeeld 26w), until: (een datumveld) of event: (een naam voor wat van buiten komt) nodig",
		EN: "a wait step needs for: (a duration, e.g. 26w), until: (a date field) or event: (a name for what comes from outside)"},
	ProblemWaitForAndUntil: {NL: "een wachtstap heeft for of until, niet allebei; haal er een weg", EN: "a wait step has for or until, not both; remove one"},
	ProblemUnknownField:    {NL: "onbekend veld {name}", EN: "unknown field {name}"},
	ProblemUntilNotDate:    {NL: "veld {name} is een {type}-veld; until heeft een datumveld nodig", EN: "field {name} is a {type} field; until needs a date field"},
	ProblemNotEventName: {NL: "{name} is geen naam voor een gebeurtenis: kleine letters, cijfers en streepjes, zoals reactie-veilig-thuis",
		EN: "{name} is not an event name: lowercase letters, digits and dashes, like reactie-veilig-thuis"},
	ProblemWaitFormNoEvent: {NL: "een wachtstap heeft alleen een formulier voor de gegevens van een gebeurtenis; voeg event: toe of haal het formulier weg",
		EN: "a wait has a form only for the data of an event; add event: or remove the form"},
	ProblemTimeoutNoEvent: {NL: "timeout is waar een wachtstap op een gebeurtenis heen gaat als eerst de tijd om is; voeg event: toe of haal timeout weg",
		EN: "timeout is where an event wait goes when its time passes first; add event: or remove timeout"},
	ProblemTimeoutNoTime: {NL: "timeout heeft een tijd nodig om op de gebeurtenis te wachten, for: (bijvoorbeeld 6w) of until: (een datumveld); zonder tijd wacht de zaak eeuwig op {event}",
		EN: "timeout needs a time to wait for the event, for: (e.g. 6w) or until: (a date field); without one the case waits for {event} for ever"},
	ProblemEventNeedsTimeout: {NL: "een wachtstap op een gebeurtenis met for of until heeft timeout: nodig (de stap waar de zaak heen gaat als de gebeurtenis dan nog niet is gekomen)",
		EN: "an event wait with for or until needs timeout: (the step to go to when the event has not come by then)"},
	ProblemNotifyNeedsTo: {NL: "een meldstap heeft to: nodig (de rol die de melding krijgt)", EN: "a notify step needs to: (the role to notify)"},
	ProblemReferralNoTarget: {NL: "een verwijzing heeft process: (een proces van dezelfde gemeente) of provider: (een externe aanbieder) nodig",
		EN: "a referral needs process: (a process of the same gemeente) or provider: (an external provider)"},
	ProblemReferralTwoTarget: {NL: "een verwijzing heeft process of provider, niet allebei; haal er een weg", EN: "a referral has process or provider, not both; remove one"},
	ProblemNotProcessID: {NL: "{name} is geen proces-id: kleine letters, cijfers en streepjes",
		EN: "{name} is not a process id: lowercase letters, digits and dashes"},
	ProblemJoinTooFew: {NL: "een samenvoeging wacht op minstens 2 stappen, zoals join: [plan-wmo, plan-jeugd]",
		EN: "a join waits for at least 2 steps, like join: [plan-wmo, plan-jeugd]"},
	ProblemEndNeedsResult: {NL: "een eindstap heeft een resultaat nodig, bijvoorbeeld result: afgerond", EN: "an end step needs a result, e.g. result: afgerond"},
})
