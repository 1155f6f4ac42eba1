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
	ProblemRequired          Code = "problem.required"
	ProblemNeedsAnEntry      Code = "problem.needs-an-entry"
	ProblemNeedsEntries      Code = "problem.needs-entries"
	ProblemNotSlug           Code = "problem.not-slug"
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

	// Names, references and the graph of steps.
	ProblemStepIDPattern     Code = "problem.step-id-pattern"
	ProblemStepIDReserved    Code = "problem.step-id-reserved"
	ProblemRoleIDPattern     Code = "problem.role-id-pattern"
	ProblemFieldNamePattern  Code = "problem.field-name-pattern"
	ProblemFieldNameLike     Code = "problem.field-name-pattern-like"
	ProblemFieldNameReserved Code = "problem.field-name-reserved"
	ProblemRoleNotAssignee   Code = "problem.role-not-assignee"
	ProblemUnknownRole       Code = "problem.unknown-role"
	ProblemNeverTaken        Code = "problem.never-taken"
	ProblemStuckNoCondition  Code = "problem.stuck-without-condition"
	ProblemFieldTwoTypes     Code = "problem.field-two-types"
	ProblemFieldTwoLabels    Code = "problem.field-two-labels"
	ProblemNeedsOptions      Code = "problem.needs-options"
	ProblemOptionTwice       Code = "problem.option-twice"
	ProblemOptionsNotAllowed Code = "problem.options-not-allowed"
	ProblemUnknownStep       Code = "problem.unknown-step"
	ProblemFromNotDate       Code = "problem.from-not-date"
	ProblemUnknownFrom       Code = "problem.unknown-from"
	ProblemJoinNeverReached  Code = "problem.join-never-reached"
	ProblemNoEnd             Code = "problem.no-end"
	ProblemUnreachable       Code = "problem.unreachable"
	ProblemTrapSelf          Code = "problem.trap-self"
	ProblemTrapGroup         Code = "problem.trap-group"
	ProblemInstantLoopSelf   Code = "problem.instant-loop-self"
	ProblemInstantLoopGroup  Code = "problem.instant-loop-group"
	ProblemJoinStarved       Code = "problem.join-starved"

	// What a referral passes and gets back; processes across files.
	ProblemPassToProvider     Code = "problem.referral.pass-to-provider"
	ProblemPassedTwice        Code = "problem.referral.passed-twice"
	ProblemOutcomeNotAwaited  Code = "problem.referral.outcome-not-awaited"
	ProblemHintDeclareOutcome Code = "problem.hint.declare-outcome"
	ProblemOutcomeType        Code = "problem.referral.outcome-type"
	ProblemOutcomeLacks       Code = "problem.referral.outcome-lacks-results"
	ProblemProcessTwice       Code = "problem.process-twice"
	ProblemProcessElsewhere   Code = "problem.referral.process-of-other-gemeente"
	ProblemProcessNotLoaded   Code = "problem.referral.process-not-loaded"
	ProblemHintProcesses      Code = "problem.hint.processes"

	// Terms and hersteltermijnen.
	ProblemCaseTermNeedsWithin Code = "problem.term.case-needs-within"
	ProblemStopsNeedsDeadline  Code = "problem.term.stops-needs-deadline"
	ProblemStopsItself         Code = "problem.term.stops-itself"
	ProblemStopsNoClock        Code = "problem.term.stops-no-clock"

	// The resident and the household named from the intake.
	ProblemRelationRequired     Code = "problem.resident.relation-required"
	ProblemResidentNameRequired Code = "problem.resident.name-required"
	ProblemPersonNameRequired   Code = "problem.resident.person-name-required"
	ProblemUnknownIntakeField   Code = "problem.resident.unknown-intake-field"
	ProblemHintIntakeFields     Code = "problem.hint.intake-fields"
	ProblemResidentNameType     Code = "problem.resident.name-type"
	ProblemPersonNameType       Code = "problem.resident.person-name-type"
	ProblemBirthdateType        Code = "problem.resident.birthdate-type"
	ProblemAddressType          Code = "problem.resident.address-type"
	ProblemBSNType              Code = "problem.resident.bsn-type"
	ProblemIntakeFieldTwice     Code = "problem.resident.intake-field-twice"

	// Fields read before any path asks them.
	ProblemConditionTooEarly      Code = "problem.flow.condition-too-early"
	ProblemConditionTooEarlyN     Code = "problem.flow.condition-too-early-steps"
	ProblemTermConditionTooEarly  Code = "problem.flow.term-condition-too-early"
	ProblemTermConditionTooEarlyN Code = "problem.flow.term-condition-too-early-steps"
	ProblemTermFromTooEarly       Code = "problem.flow.term-from-too-early"
	ProblemTermFromTooEarlyN      Code = "problem.flow.term-from-too-early-steps"
	ProblemWaitUntilTooEarly      Code = "problem.flow.wait-until-too-early"
	ProblemWaitUntilTooEarlyN     Code = "problem.flow.wait-until-too-early-steps"

	// Conditional rules of a form (required_if and the like).
	ProblemRuleAlternative    Code = "problem.rule.conditional-alternative"
	ProblemRuleNeedsPair      Code = "problem.rule.needs-field-and-value"
	ProblemRuleNeedsFields    Code = "problem.rule.needs-fields"
	ProblemRuleOddPairs       Code = "problem.rule.odd-pairs"
	ProblemRuleNamesItself    Code = "problem.rule.names-itself"
	ProblemRuleNamesOther     Code = "problem.rule.names-other-form"
	ProblemHintItsFields      Code = "problem.hint.its-fields"
	ProblemRuleNotOption      Code = "problem.rule.not-an-option"
	ProblemRuleNotOptionMeant Code = "problem.rule.not-an-option-meant"
	ProblemRuleNotBool        Code = "problem.rule.not-bool"
	ProblemRuleNotNumber      Code = "problem.rule.not-number"

	// Rules (rules:) the validator cannot read or that mean nothing for the field's type.
	// {sentence} is what the rule says, in English; {detail} the validator's own text.
	ProblemRuleUnknown        Code = "problem.rule.unknown"
	ProblemRuleUnknownMeant   Code = "problem.rule.unknown-meant"
	ProblemRuleParamNotNumber Code = "problem.rule.param-not-number"
	ProblemRuleUnreadable     Code = "problem.rule.unreadable"
	ProblemRuleTextOnly       Code = "problem.rule.text-only"
	ProblemRuleNotForBool     Code = "problem.rule.not-for-bool"
	ProblemRuleDateNothing    Code = "problem.rule.date-checks-nothing"
	ProblemRuleDateRefuses    Code = "problem.rule.date-refuses-every-date"
	ProblemRuleNotForChoice   Code = "problem.rule.not-for-choice"
	ProblemRuleRequiredTwice  Code = "problem.rule.required-already"

	// Durations (6w, 10wd) that cannot be read.
	ProblemNotDuration     Code = "problem.duration.not-a-duration"
	ProblemNotDurationLong Code = "problem.duration.not-a-duration-long"
	ProblemDurationCount   Code = "problem.duration.count"

	// Conditions (when:) that compare a choice field with a value it cannot have.
	ProblemConditionNotOption      Code = "problem.condition.not-an-option"
	ProblemConditionNotOptionMeant Code = "problem.condition.not-an-option-meant"

	// Conditions (when:) that cannot be compiled. {col} is the column in the condition;
	// the types of an operator's operands ({a}, {b}, {types}, {type}) are in English,
	// {detail} is the CEL parser's or checker's own English text.
	ProblemConditionEmpty             Code = "problem.condition.empty"
	ProblemConditionTooLong           Code = "problem.condition.too-long"
	ProblemConditionNotBool           Code = "problem.condition.not-yes-no"
	ProblemConditionUnknownField      Code = "problem.condition.unknown-field"
	ProblemConditionUnknownFieldMeant Code = "problem.condition.unknown-field-meant"
	ProblemConditionOperatorPair      Code = "problem.condition.operator-misfit-pair"
	ProblemConditionOperator          Code = "problem.condition.operator-misfit"
	ProblemConditionSyntax            Code = "problem.condition.syntax"
	ProblemConditionCEL               Code = "problem.condition.cel"
	ProblemConditionFields            Code = "problem.condition.fields-unusable"

	// YAML indented wrongly, found before the parser's own, less precise message.
	ProblemYAMLTab              Code = "problem.yaml.tab"
	ProblemYAMLDeeper           Code = "problem.yaml.deeper"
	ProblemYAMLNoLevel          Code = "problem.yaml.no-level"
	ProblemYAMLNoLevels         Code = "problem.yaml.no-levels"
	ProblemYAMLItemAmongKeys    Code = "problem.yaml.item-among-keys"
	ProblemYAMLItemAmongKeysAt  Code = "problem.yaml.item-among-keys-at"
	ProblemYAMLKeyAmongItems    Code = "problem.yaml.key-among-items"
	ProblemInvalidYAML          Code = "problem.yaml.invalid"
	ProblemCannotReadYAML       Code = "problem.yaml.cannot-read"
	ProblemFileTooBig           Code = "problem.file.too-big"
	ProblemFileEmpty            Code = "problem.file.empty"
	ProblemOneDefinitionPerFile Code = "problem.file.one-definition"
	ProblemCannotRead           Code = "problem.file.cannot-read"
	ProblemNoDefinitions        Code = "problem.file.no-definitions"
	ProblemNotADefinition       Code = "problem.file.not-a-definition"
	ProblemTooManyProblems      Code = "problem.file.too-many-problems"

	// The file-level problems of the other YAML files (users, providers, scenarios):
	// the kind of file is an argument, in English ("users list").
	ProblemFileTooBigOf  Code = "problem.file.too-big-of"
	ProblemFileEmptyOf   Code = "problem.file.empty-of"
	ProblemOneDocumentOf Code = "problem.file.one-document-of"
	ProblemNotMappingOf  Code = "problem.file.not-a-mapping-of"

	// What the YAML decoder (internal/yamldoc) finds in any file. {expected} and {got}
	// describe values in the words of the file, in English.
	ProblemUnknownKey     Code = "problem.yaml.unknown-key"
	ProblemHintWriteOneOf Code = "problem.hint.write-one-of"
	ProblemKeyTwice       Code = "problem.yaml.key-twice"
	ProblemKeyNotPlain    Code = "problem.yaml.key-not-plain"
	ProblemMergeNeedsMap  Code = "problem.yaml.merge-needs-mapping"
	ProblemAliasNowhere   Code = "problem.yaml.alias-nowhere"
	ProblemTooManyValues  Code = "problem.yaml.too-many-values"
	ProblemExpected       Code = "problem.yaml.expected"
	ProblemQuotedBool     Code = "problem.yaml.quoted-bool"
	ProblemCannotDecode   Code = "problem.yaml.cannot-decode"
	ProblemUnreadable     Code = "problem.yaml.unreadable-value"
)

// A deadline held to the law it cites (definitions/lawcheck.go, the catalogue in
// definitions/law/articles.go): the statutory term, then this definition's term and
// where it counts from, then what to do.
const (
	ProblemLawTermMelding      Code = "problem.law.term-from-melding"
	ProblemLawTermAanvraag     Code = "problem.law.term-from-aanvraag"
	ProblemLawTermVerzoek      Code = "problem.law.term-from-verzoek"
	ProblemLawTermBekendmaking Code = "problem.law.term-from-bekendmaking"
	ProblemLawHereCase         Code = "problem.law.here-from-case"
	ProblemLawHereStep         Code = "problem.law.here-from-step"
	ProblemLawHereOtherStep    Code = "problem.law.here-from-other-step"
	ProblemLawHereField        Code = "problem.law.here-from-field"
	ProblemLawUseNorm          Code = "problem.law.use-norm"
)

// A condition that does not parse because an operator is written as a word (and, or,
// not) or as a single =: {written} is what was written, {op} what CEL wants.
const (
	ProblemConditionWordOperator Code = "problem.condition.word-operator"
)

// A note, not a problem: a file validated on its own refers to a process of its
// gemeente that it was not loaded with; {folder} is the file's folder.
const (
	ProblemProcessNotLoadedAlone Code = "problem.referral.process-not-loaded-alone"
)

// A warning, not a problem: a field is asked before the step that reads it on some
// paths but not on {path}, the shortest path from start that misses it.
const (
	ProblemFieldMissedOnPath Code = "problem.flow.field-missed-on-path"
)

// A step whose id is a key of steps: a key of the step above indented too little.
const (
	ProblemStepKeyDedented Code = "problem.step.key-dedented"
)

// A key indented too little, said at the key rather than at the later line it breaks.
const (
	ProblemYAMLKeyDedented Code = "problem.yaml.key-dedented"
)

// problemsTexts is the table of this domain; see doc.go.
var problemsTexts = register(map[Code]Text{
	ProblemDidYouMean:     {NL: "; bedoelde je {name}?", EN: "; did you mean {name}?"},
	ProblemHintSteps:      {NL: "; de stappen zijn: {names}", EN: "; steps are: {names}"},
	ProblemHintRoles:      {NL: "; de rollen zijn: {names}", EN: "; roles are: {names}"},
	ProblemHintFields:     {NL: "; de velden zijn: {names}", EN: "; fields are: {names}"},
	ProblemHintDateFields: {NL: "; de datumvelden zijn: {names}", EN: "; date fields are: {names}"},

	ProblemRequired:     {NL: "is verplicht", EN: "is required"},
	ProblemNeedsAnEntry: {NL: "heeft minstens 1 onderdeel nodig", EN: "needs at least 1 entry"},
	ProblemNeedsEntries: {NL: "heeft minstens {n} onderdelen nodig", EN: "needs at least {n} entries"},
	ProblemNotSlug: {NL: "{value} moet bestaan uit kleine letters, cijfers en streepjes en met een letter beginnen, zoals sociaal-wijkteam",
		EN: "{value} must be lowercase letters, digits and dashes, starting with a letter, like sociaal-wijkteam"},
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

	ProblemStepIDPattern: {NL: "stap-id {id} moet bestaan uit kleine letters, cijfers, streepjes of lage streepjes, en met een letter beginnen",
		EN: "step id {id} must be lowercase letters, digits, dashes or underscores, starting with a letter"},
	ProblemStepIDReserved: {NL: "stap-id {id} is gereserveerd (deadline from: {name} betekent het begin van de {name}); kies een ander id",
		EN: "step id {id} is reserved (deadline from: {name} means the {name}'s start); choose another id"},
	ProblemRoleIDPattern: {NL: "rol-id {id} moet bestaan uit kleine letters, cijfers, streepjes of lage streepjes, en met een letter beginnen",
		EN: "role id {id} must be lowercase letters, digits, dashes or underscores, starting with a letter"},
	ProblemFieldNamePattern: {NL: "veldnaam {name} moet bestaan uit letters, cijfers en lage streepjes (voorwaarden gebruiken hem als naam)",
		EN: "field name {name} must be letters, digits and underscores (conditions use it as a name)"},
	ProblemFieldNameLike: {NL: "veldnaam {name} moet bestaan uit letters, cijfers en lage streepjes (voorwaarden gebruiken hem als naam), zoals {like}",
		EN: "field name {name} must be letters, digits and underscores (conditions use it as a name), like {like}"},
	ProblemFieldNameReserved: {NL: "veldnaam {name} is een gereserveerd woord in voorwaarden; kies een andere naam",
		EN: "field name {name} is a reserved word in conditions; choose another name"},
	ProblemRoleNotAssignee: {NL: "hier hoort een rol, niet assignee (die heeft de taak al)", EN: "needs a role, not assignee (who already has the task)"},
	ProblemUnknownRole:     {NL: "onbekende rol {name}", EN: "unknown role {name}"},
	ProblemNeverTaken: {NL: "wordt nooit genomen: next[{n}] heeft geen when en gaat altijd voor; zet de overgang zonder when als laatste",
		EN: "is never taken: next[{n}] has no when and always goes first; put the transition without when last"},
	ProblemStuckNoCondition: {NL: "een zaak loopt vast als geen enkele voorwaarde geldt; voeg als laatste een {example} zonder when toe",
		EN: "a case gets stuck when no condition holds; add a last {example} without when"},
	ProblemFieldTwoTypes: {NL: "{name} is een {type}-veld bij {path} (regel {line}); geef het overal één type of een andere naam",
		EN: "{name} is a {type} field at {path} (line {line}); give it one type everywhere or another name"},
	ProblemFieldTwoLabels: {NL: "{name} wordt hier gevraagd als {label:quote}, maar bij {path} (regel {line}) als {first:quote}; het is één veld, waarvan voorwaarden en de zaakpagina het laatste antwoord lezen: geef het overal hetzelfde label (bij elk eerder antwoord toont de zaak de stap al), of een andere naam als het een andere vraag is",
		EN: "{name} is asked here as {label:quote}, but at {path} (line {line}) as {first:quote}; it is one field, whose last answer conditions and the case page read: give it one label everywhere (the case shows the step with every earlier answer), or another name if it is another question"},
	ProblemNeedsOptions: {NL: "een {type}-veld heeft opties nodig, zoals options: [ja, nee]", EN: "a {type} field needs options, like options: [ja, nee]"},
	ProblemOptionTwice:  {NL: "optie {option} staat er twee keer; houd er één", EN: "option {option} appears twice; keep one"},
	ProblemOptionsNotAllowed: {NL: "alleen velden van het type {types:list} hebben opties; haal ze weg of maak het type {choice} (dit is een {type}-veld)",
		EN: "only {types:list} fields have options; remove them or make the type {choice} (this is a {type} field)"},
	ProblemUnknownStep: {NL: "onbekende stap {name}", EN: "unknown step {name}"},
	ProblemFromNotDate: {NL: "veld {name} is een {type}-veld; een termijn telt vanaf een datumveld, een stap of de zaak",
		EN: "field {name} is a {type} field; a term counts from a date field, a step or the case"},
	ProblemUnknownFrom: {NL: "onbekende stap of onbekend veld {name}; from is step, case, een stap-id of een datumveld",
		EN: "unknown step or field {name}; from is step, case, a step id or a date field"},
	ProblemJoinNeverReached: {NL: "stap {step} gaat nooit naar {join}, dus de samenvoeging zou eeuwig wachten; zet `- goto: {id}` in zijn next of haal hem hier weg",
		EN: "step {step} never goes to {join}, so the join would wait for ever; add `- goto: {id}` to its next or remove it here"},
	ProblemNoEnd: {NL: "het proces heeft geen eindstap; voeg er een toe, bijvoorbeeld {example}",
		EN: "the process has no end step; add one, e.g. {example}"},
	ProblemUnreachable: {NL: "geen stap leidt hierheen vanaf start {start}; voeg een goto naar {step} toe of haal de stap weg",
		EN: "no step leads here from start {start}; add a goto to {step} or remove the step"},
	ProblemTrapSelf: {NL: "een zaak die hier komt bereikt nooit een eindstap: deze stap leidt alleen naar zichzelf; voeg een overgang naar een eindstap toe",
		EN: "a case that gets here never reaches an end step: this step only leads to itself; add a transition towards an end step"},
	ProblemTrapGroup: {NL: "een zaak die hier komt bereikt nooit een eindstap: {steps} leiden alleen naar elkaar; voeg een overgang naar een eindstap toe",
		EN: "a case that gets here never reaches an end step: {steps} only lead to each other; add a transition towards an end step"},
	ProblemInstantLoopSelf: {NL: "deze stap leidt naar zichzelf zonder taak of wachtstap ertussen, dus een zaak kan eeuwig rondgaan; zet een taak of wachtstap in de lus",
		EN: "this step leads to itself without a task or wait in between, so a case could go round for ever; put a task or wait in the loop"},
	ProblemInstantLoopGroup: {NL: "{steps} leiden naar elkaar zonder taak of wachtstap ertussen, dus een zaak kan eeuwig rondgaan; zet een taak of wachtstap in de lus",
		EN: "{steps} lead to each other without a task or wait in between, so a case could go round for ever; put a task or wait in the loop"},
	ProblemJoinStarved: {NL: "samenvoeging {join} wacht op {missing}, die alleen deze tak bereikt; als de voorwaarde niet geldt, wacht de zaak eeuwig bij de samenvoeging. Haal de when hier weg, of laat de tak altijd lopen en beslis daarbinnen (een beslissing die hoe dan ook naar {join} gaat)",
		EN: "join {join} waits for {missing}, which only this branch reaches; when the condition does not hold the case waits at the join for ever. Remove the when here, or let the branch always run and decide inside it (a decision that goes to {join} either way)"},

	ProblemPassToProvider: {NL: "een overdracht aan een aanbieder stuurt alleen de kenmerken van de zaak, nooit de gegevens; haal pass weg",
		EN: "a hand-off to a provider sends the case's ids only, never its data; remove pass"},
	ProblemPassedTwice: {NL: "{name} wordt twee keer meegegeven; haal er een weg", EN: "{name} is passed twice; remove one"},
	ProblemOutcomeNotAwaited: {NL: "alleen een afgewachte deelzaak (process:, zonder await: false) heeft een resultaat om op te routeren; haal outcome weg",
		EN: "only an awaited child case (process:, without await: false) has a result to route on; remove outcome"},
	ProblemHintDeclareOutcome: {NL: "; declareer het (text, of choice met de eindresultaten van de deelzaak als opties), bijvoorbeeld in de intake",
		EN: "; declare it (text, or choice with the child's end results as options), e.g. in the intake"},
	ProblemOutcomeType: {NL: "veld {name} is {type}; het resultaat van de deelzaak is tekst: declareer het als text of choice",
		EN: "field {name} is {type}; the child's result is text: declare it as text or choice"},
	ProblemOutcomeLacks: {NL: "veld {name} mist de resultaten {results} waarmee {process} kan eindigen; voeg ze toe aan de opties",
		EN: "field {name} lacks the result(s) {results} that {process} can end with; add them to its options"},
	ProblemProcessTwice: {NL: "{key} staat ook in {file}; geef een van beide een ander proces-id",
		EN: "{key} is also defined in {file}; give one of them another process id"},
	ProblemProcessElsewhere: {NL: "{process} is een proces van gemeente {others}, niet van {gemeente}: een verwijzing start een proces van de eigen gemeente; schrijf provider: (een id uit de aanbiedersconfiguratie) in plaats van process: om de zaak aan een andere gemeente of organisatie over te dragen",
		EN: "{process} is a process of gemeente {others}, not of {gemeente}: a referral starts a process of its own gemeente; to hand the case to another gemeente or organisation, write provider: (an id from the providers configuration) instead of process:"},
	ProblemProcessNotLoaded: {NL: "proces {process} van gemeente {gemeente} is niet geladen; laad ook dat bestand of verwijs naar een ander proces (een organisatie van buiten neemt een zaak over met provider:)",
		EN: "no process {process} of gemeente {gemeente} is loaded; load its file too or refer to another process (an outside organisation takes a case over with provider:)"},
	ProblemHintProcesses: {NL: "; de processen zijn: {names}", EN: "; its processes are: {names}"},

	ProblemCaseTermNeedsWithin: {NL: "is verplicht: de lengte van de termijn in dit geval, bijvoorbeeld within: 3wd",
		EN: "is required: the length of the term in this case, e.g. within: 3wd"},
	ProblemStopsNeedsDeadline: {NL: "een hersteltermijn heeft deadline: nodig (de termijn die de inwoner krijgt, Awb 4:15 lid 1 a); voeg er een toe",
		EN: "a hersteltermijn needs deadline: (the term the resident gets, Awb 4:15 lid 1 a); add one"},
	ProblemStopsItself: {NL: "een taak kan haar eigen klok niet stilzetten; noem de stap waarvan ze de termijn stilzet, bijvoorbeeld de beslissing",
		EN: "a task cannot stop its own clock; name the step whose term it stops, e.g. the beslissing"},
	ProblemStopsNoClock: {NL: "stap {step} heeft geen klok om stil te zetten; noem een taak met een deadline",
		EN: "step {step} has no clock to stop; name a task with a deadline"},

	ProblemRelationRequired: {NL: "is verplicht: wie de persoon is voor de inwoner, bijvoorbeeld relation: partner",
		EN: "is required: who the person is to the resident, e.g. relation: partner"},
	ProblemResidentNameRequired: {NL: "is verplicht: het intakeveld met de naam van de inwoner, bijvoorbeeld name: naam",
		EN: "is required: the intake field with the resident's name, e.g. name: naam"},
	ProblemPersonNameRequired: {NL: "is verplicht: het intakeveld met de naam van de persoon, bijvoorbeeld name: naam",
		EN: "is required: the intake field with the person's name, e.g. name: naam"},
	ProblemUnknownIntakeField: {NL: "onbekend intakeveld {name}", EN: "unknown intake field {name}"},
	ProblemHintIntakeFields:   {NL: "; de intakevelden zijn: {names}", EN: "; intake fields are: {names}"},
	ProblemResidentNameType: {NL: "intakeveld {name} is een {type}-veld; de naam van de inwoner heeft een {want}-veld nodig",
		EN: "intake field {name} is a {type} field; the resident's name needs a {want} field"},
	ProblemPersonNameType: {NL: "intakeveld {name} is een {type}-veld; de naam van de persoon heeft een {want}-veld nodig",
		EN: "intake field {name} is a {type} field; the person's name needs a {want} field"},
	ProblemBirthdateType: {NL: "intakeveld {name} is een {type}-veld; de geboortedatum heeft een {want}-veld nodig",
		EN: "intake field {name} is a {type} field; the date of birth needs a {want} field"},
	ProblemAddressType: {NL: "intakeveld {name} is een {type}-veld; het adres heeft een {want}-veld nodig",
		EN: "intake field {name} is a {type} field; the address needs a {want} field"},
	ProblemBSNType: {NL: "intakeveld {name} is een {type}-veld; het BSN heeft een {want}-veld nodig",
		EN: "intake field {name} is a {type} field; the BSN needs a {want} field"},
	ProblemIntakeFieldTwice: {NL: "intakeveld {name} is al genoemd bij {path}; elk veld duidt één ding aan",
		EN: "intake field {name} is already named at {path}; each field identifies one thing"},

	ProblemConditionTooEarly:      {NL: "de voorwaarde leest veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen stap {last} vraagt het; zet dit na die stap, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the condition reads field {field}, but no path from start to step {step} asks it first: only step {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},
	ProblemConditionTooEarlyN:     {NL: "de voorwaarde leest veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen de stappen {steps} en {last} vragen het; zet dit na die stappen, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the condition reads field {field}, but no path from start to step {step} asks it first: only steps {steps} and {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},
	ProblemTermConditionTooEarly:  {NL: "de voorwaarde van de termijn leest veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen stap {last} vraagt het; zet dit na die stap, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the term's condition reads field {field}, but no path from start to step {step} asks it first: only step {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},
	ProblemTermConditionTooEarlyN: {NL: "de voorwaarde van de termijn leest veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen de stappen {steps} en {last} vragen het; zet dit na die stappen, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the term's condition reads field {field}, but no path from start to step {step} asks it first: only steps {steps} and {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},
	ProblemTermFromTooEarly:       {NL: "de termijn telt vanaf de datum in veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen stap {last} vraagt het; zet dit na die stap, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the term counts from the date field {field}, but no path from start to step {step} asks it first: only step {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},
	ProblemTermFromTooEarlyN:      {NL: "de termijn telt vanaf de datum in veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen de stappen {steps} en {last} vragen het; zet dit na die stappen, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the term counts from the date field {field}, but no path from start to step {step} asks it first: only steps {steps} and {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},
	ProblemWaitUntilTooEarly:      {NL: "de wachtstap leest de datum in veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen stap {last} vraagt het; zet dit na die stap, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the wait reads the date field {field}, but no path from start to step {step} asks it first: only step {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},
	ProblemWaitUntilTooEarlyN:     {NL: "de wachtstap leest de datum in veld {field}, maar geen weg van start naar stap {step} vraagt het eerst: alleen de stappen {steps} en {last} vragen het; zet dit na die stappen, of vraag {name} eerder (in de intake of een stap ervoor)", EN: "the wait reads the date field {field}, but no path from start to step {step} asks it first: only steps {steps} and {last} asks it; move this after that step, or ask {name} earlier (in the intake or a step before)"},

	ProblemRuleAlternative: {NL: "{part}: een voorwaardelijke regel kan niet een van meerdere alternatieven (|) zijn; schrijf hem als eigen regel, gescheiden door een komma",
		EN: "{part}: a conditional rule cannot be one of several alternatives (|); write it as a rule of its own, separated by a comma"},
	ProblemRuleNeedsPair: {NL: "{tag} heeft een veld en een waarde nodig, zoals {tag}=besluit afgewezen",
		EN: "{tag} needs a field and a value, like {tag}=besluit afgewezen"},
	ProblemRuleNeedsFields: {NL: "{tag} heeft een of meer velden nodig, zoals {tag}=telefoon",
		EN: "{tag} needs one or more fields, like {tag}=telefoon"},
	ProblemRuleOddPairs: {NL: "{tag}={param} heeft paren van een veld en een waarde nodig, zoals {tag}=besluit afgewezen",
		EN: "{tag}={param} needs pairs of a field and a value, like {tag}=besluit afgewezen"},
	ProblemRuleNamesItself: {NL: "{tag} noemt het veld zelf; noem een ander veld van dit formulier",
		EN: "{tag} names the field itself; name another field of this form"},
	ProblemRuleNamesOther: {NL: "{tag} noemt {name}, dat dit formulier niet vraagt; een regel ziet alleen de antwoorden van zijn eigen formulier",
		EN: "{tag} names {name}, which this form does not ask; a rule sees only the answers of its own form"},
	ProblemHintItsFields: {NL: "; de velden van het formulier zijn: {names}", EN: "; its fields are: {names}"},
	ProblemRuleNotOption: {NL: "{tag}: {value} is geen optie van {name}, dus de regel geldt nooit; de opties zijn {options}",
		EN: "{tag}: {value} is not an option of {name}, so the rule never applies; its options are {options}"},
	ProblemRuleNotOptionMeant: {NL: "{tag}: {value} is geen optie van {name}, dus de regel geldt nooit; bedoelde je {best}?",
		EN: "{tag}: {value} is not an option of {name}, so the rule never applies; did you mean {best}?"},
	ProblemRuleNotBool: {NL: "{tag}: {name} is een ja/nee-veld: vergelijk het met true of false, niet met {value}",
		EN: "{tag}: {name} is a yes/no field: compare it with true or false, not {value}"},
	ProblemConditionNotOption: {NL: "kolom {col}: {value} is geen optie van {name}, dus dit geldt nooit; de opties zijn {options}",
		EN: "column {col}: {value} is not an option of {name}, so this never holds; its options are {options}"},
	ProblemConditionNotOptionMeant: {NL: "kolom {col}: {value} is geen optie van {name}, dus dit geldt nooit; bedoelde je {best}?",
		EN: "column {col}: {value} is not an option of {name}, so this never holds; did you mean {best}?"},
	ProblemRuleNotNumber: {NL: "{tag}: {name} is een getalveld: vergelijk het met een getal, niet met {value}",
		EN: "{tag}: {name} is a number field: compare it with a number, not {value}"},

	ProblemYAMLTab: {NL: "ongeldige YAML: een tab laat deze regel inspringen; YAML springt alleen met spaties in: vervang de tab door spaties",
		EN: "invalid YAML: a tab indents this line; YAML indents with spaces only: replace the tab by spaces"},
	ProblemYAMLDeeper: {NL: "ongeldige YAML: deze regel springt {indent} spaties in, dieper dan de regel ervoor, die zijn waarde al heeft; laat hem {top} spaties inspringen zoals die regel, of eindig de regel ervoor met alleen de sleutel (key:)",
		EN: "invalid YAML: this line is indented {indent} spaces, deeper than the line before, which has its value already; indent it {top} spaces like that line, or end the line before with the key alone (key:)"},
	ProblemYAMLNoLevel: {NL: "ongeldige YAML: deze regel springt {indent} spaties in, maar de sleutels waar hij bij kan horen staan op {last} spaties; laat hem inspringen zoals de sleutel erboven waar hij bij hoort",
		EN: "invalid YAML: this line is indented {indent} spaces, but the keys it could belong with are at {last} spaces; indent it like the key above it that it belongs with"},
	ProblemYAMLNoLevels: {NL: "ongeldige YAML: deze regel springt {indent} spaties in, maar de sleutels waar hij bij kan horen staan op {levels} of {last} spaties; laat hem inspringen zoals de sleutel erboven waar hij bij hoort",
		EN: "invalid YAML: this line is indented {indent} spaces, but the keys it could belong with are at {levels} or {last} spaces; indent it like the key above it that it belongs with"},
	ProblemYAMLItemAmongKeys: {NL: "ongeldige YAML: dit lijstonderdeel springt {indent} spaties in, net als de sleutels eromheen, dus het hoort bij geen enkele sleutel; laat het inspringen onder de sleutel van wie de lijst is",
		EN: "invalid YAML: this list item is indented {indent} spaces, like the keys around it, so it belongs to no key; indent it under the key whose list it is"},
	ProblemYAMLItemAmongKeysAt: {NL: "ongeldige YAML: dit lijstonderdeel springt {indent} spaties in, net als de sleutels eromheen, dus het hoort bij geen enkele sleutel; laat het {items} spaties inspringen, zoals de onderdelen ervoor",
		EN: "invalid YAML: this list item is indented {indent} spaces, like the keys around it, so it belongs to no key; indent it {items} spaces, like the items before it"},
	ProblemYAMLKeyAmongItems: {NL: "ongeldige YAML: deze sleutel springt {indent} spaties in, net als de lijstonderdelen eromheen (de streepjes), dus hij hoort bij geen enkel onderdeel; laat hem {want} spaties inspringen, zoals de sleutels van het onderdeel erboven",
		EN: "invalid YAML: this key is indented {indent} spaces, like the list items around it (the dashes), so it belongs to no item; indent it {want} spaces, like the keys of the item above it"},

	// The detail is the YAML parser's own English text.
	ProblemInvalidYAML:    {NL: "ongeldige YAML: {detail}", EN: "invalid YAML: {detail}"},
	ProblemCannotReadYAML: {NL: "de YAML is niet te lezen: {detail}", EN: "cannot read the YAML: {detail}"},
	ProblemFileTooBig: {NL: "het bestand heeft {size} bytes; een definitie mag hoogstens {max} bytes zijn",
		EN: "the file has {size} bytes; a definition may be at most {max}"},
	ProblemFileEmpty: {NL: "het bestand is leeg; een definitie begint met gemeente:, process:, title:, …",
		EN: "the file is empty; a definition starts with gemeente:, process:, title:, …"},
	ProblemOneDefinitionPerFile: {NL: "een bestand bevat één definitie; zet het document na --- in een eigen bestand",
		EN: "a file holds one definition; move the document after --- to a file of its own"},
	// The reason is the operating system's own English text.
	ProblemCannotRead:    {NL: "niet te lezen: {reason}", EN: "cannot read: {reason}"},
	ProblemNoDefinitions: {NL: "bevat geen definities (*.yaml- of *.yml-bestanden)", EN: "holds no definitions (*.yaml or *.yml files)"},
	ProblemNotADefinition: {NL: "een definitie is een mapping van sleutels (gemeente:, process:, steps:, …), niet {shape}",
		EN: "a definition is a mapping of keys (gemeente:, process:, steps:, …), not {shape}"},
	ProblemTooManyProblems: {NL: "meer dan {max} problemen; los deze op en voer validate opnieuw uit",
		EN: "more than {max} problems; fix these and run validate again"},

	ProblemFileTooBigOf: {NL: "het bestand heeft {size} bytes; een {kind} mag hoogstens {max} bytes zijn",
		EN: "the file has {size} bytes; a {kind} may be at most {max}"},
	ProblemFileEmptyOf:   {NL: "het bestand is leeg; {start}", EN: "the file is empty; {start}"},
	ProblemOneDocumentOf: {NL: "een bestand bevat één {kind}; zet het document na --- in een eigen bestand", EN: "a file holds one {kind}; move the document after --- to a file of its own"},
	ProblemNotMappingOf:  {NL: "{mapping}, niet {shape}", EN: "{mapping}, not {shape}"},

	ProblemUnknownKey:     {NL: "onbekende sleutel {key}", EN: "unknown key {key}"},
	ProblemHintWriteOneOf: {NL: "; schrijf een van: {names}", EN: "; write one of: {names}"},
	ProblemKeyTwice:       {NL: "{key} staat al op regel {line}; houd er een", EN: "{key} is already defined on line {line}; keep one"},
	ProblemKeyNotPlain:    {NL: "een sleutel moet een gewone naam zijn, geen lijst of mapping", EN: "a key must be a plain name, not a list or mapping"},
	ProblemMergeNeedsMap: {NL: "een merge-sleutel (<<) heeft een alias van een mapping nodig, zoals <<: *defaults",
		EN: "a merge key (<<) needs an alias of a mapping, like <<: *defaults"},
	ProblemAliasNowhere: {NL: "de alias wijst nergens heen", EN: "alias points nowhere"},
	ProblemTooManyValues: {NL: "het bestand groeit uit tot meer dan {max} waarden; herhalen ankers en aliassen (*naam) elkaar?",
		EN: "the file expands to more than {max} values; do anchors and aliases (*name) repeat each other?"},
	ProblemExpected:     {NL: "verwacht {expected}, niet {got}", EN: "expected {expected}, not {got}"},
	ProblemQuotedBool:   {NL: "verwacht true of false zonder aanhalingstekens, niet {value}", EN: "expected true or false without quotes, not {value}"},
	ProblemCannotDecode: {NL: "een waarde van deze soort ({kind}) is niet te lezen", EN: "cannot read a value of this kind ({kind})"},
	// The detail is the YAML parser's own English text.
	ProblemUnreadable: {NL: "deze waarde is niet te lezen: {detail}", EN: "cannot read this value: {detail}"},

	ProblemConditionEmpty:   {NL: "de voorwaarde is leeg", EN: "condition is empty"},
	ProblemConditionTooLong: {NL: "de voorwaarde is langer dan {max} tekens", EN: "condition is longer than {max} characters"},
	ProblemConditionNotBool: {NL: "een voorwaarde moet ja of nee (true/false) opleveren, maar geeft {type}",
		EN: "condition must be yes or no (true/false), but gives {type}"},
	ProblemConditionUnknownField: {NL: "kolom {col}: onbekend veld {name}", EN: "column {col}: unknown field {name}"},
	ProblemConditionUnknownFieldMeant: {NL: "kolom {col}: onbekend veld {name}; bedoelde je {best}?",
		EN: "column {col}: unknown field {name}; did you mean {best}?"},
	ProblemConditionOperatorPair: {NL: "kolom {col}: {op} kan niet gebruikt worden met {a} en {b}",
		EN: "column {col}: {op} cannot be used with {a} and {b}"},
	ProblemConditionOperator: {NL: "kolom {col}: {op} kan niet gebruikt worden met {types}",
		EN: "column {col}: {op} cannot be used with {types}"},
	ProblemConditionSyntax: {NL: "kolom {col}: syntaxfout{detail}", EN: "column {col}: syntax error{detail}"},
	ProblemConditionCEL:    {NL: "kolom {col}: {detail}", EN: "column {col}: {detail}"},
	ProblemConditionFields: {NL: "de formuliervelden zijn niet te gebruiken in voorwaarden: {detail}",
		EN: "the form fields cannot be used in conditions: {detail}"},

	ProblemRuleUnknown:      {NL: "onbekende regel {rule}", EN: "unknown rule {rule}"},
	ProblemRuleUnknownMeant: {NL: "onbekende regel {rule}; bedoelde je {best}?", EN: "unknown rule {rule}; did you mean {best}?"},
	ProblemRuleParamNotNumber: {NL: "{rules} is niet te lezen: de waarde van een regel is geen getal",
		EN: "{rules} cannot be read: a rule's value is not a number"},
	ProblemRuleUnreadable: {NL: "{rules} is niet te lezen: {detail}", EN: "{rules} cannot be read: {detail}"},
	ProblemRuleTextOnly:   {NL: "{rule} geldt voor tekst, niet voor een {type}-veld", EN: "{rule} applies to text, not to a {type} field"},
	ProblemRuleNotForBool: {NL: "{part} past niet bij een ja/nee-veld: het antwoord is ja of nee en heeft geen grootte of vorm; haal het weg (required: true vraagt om een antwoord)",
		EN: "{part} does not fit a yes/no field: the answer is yes or no and has no size or form; remove it (required: true asks for an answer)"},
	ProblemRuleDateNothing: {NL: "{part} past niet bij een datumveld: het telt de tekens van de datum ({sentence}), altijd 10 (JJJJ-MM-DD), geen dagen, dus het controleert niets; haal het weg",
		EN: "{part} does not fit a date field: it counts the characters of the date ({sentence}), always 10 (YYYY-MM-DD), not days, so it checks nothing; remove it"},
	ProblemRuleDateRefuses: {NL: "{part} past niet bij een datumveld: het telt de tekens van de datum ({sentence}), altijd 10 (JJJJ-MM-DD), geen dagen, dus het weigert elke datum; haal het weg",
		EN: "{part} does not fit a date field: it counts the characters of the date ({sentence}), always 10 (YYYY-MM-DD), not days, so it refuses every date; remove it"},
	ProblemRuleNotForChoice: {NL: "{part} past niet bij een keuzeveld: het zou de tekens van de gekozen optie tellen; de opties zeggen al wat gekozen mag worden, dus haal het weg",
		EN: "{part} does not fit a choice field: it would count the characters of the chosen option; the options already say what may be chosen, so remove it"},
	ProblemRuleRequiredTwice: {NL: "{tag}: het veld is al altijd verplicht (required: true); haal required: true weg om het alleen {when} te verplichten",
		EN: "{tag}: the field is required: true already, always; remove required: true to require it only {when}"},

	ProblemNotDuration: {NL: "{value} is geen duur; schrijf 6w, 42d of 30wd (eenheden s m h d w wd, of 6 weken, 10 werkdagen)",
		EN: "{value} is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)"},
	ProblemNotDurationLong: {NL: "{value} is geen duur; schrijf 6w, 42d of 30wd", EN: "{value} is not a duration; write 6w, 42d or 30wd"},
	ProblemDurationCount: {NL: "{value} moet een aantal van 1 tot {max} zijn, bijvoorbeeld 1{unit}",
		EN: "{value} must be a count from 1 to {max}, e.g. 1{unit}"},
	ProblemLawTermMelding: {NL: "{law} is {term:duration} vanaf de melding",
		EN: "{law} is {term:duration} from the melding"},
	ProblemLawTermAanvraag: {NL: "{law} is {term:duration} vanaf de ontvangst van de aanvraag",
		EN: "{law} is {term:duration} from the receipt of the aanvraag"},
	ProblemLawTermVerzoek: {NL: "{law} is {term:duration} vanaf het verzoek",
		EN: "{law} is {term:duration} from the verzoek"},
	ProblemLawTermBekendmaking: {NL: "{law} is {term:duration} vanaf de bekendmaking van het besluit",
		EN: "{law} is {term:duration} from the bekendmaking of the besluit"},
	ProblemLawHereCase:      {NL: "hier {within:duration} vanaf de melding", EN: "here {within:duration} from the melding"},
	ProblemLawHereStep:      {NL: "hier {within:duration} vanaf de stap", EN: "here {within:duration} from the step"},
	ProblemLawHereOtherStep: {NL: "hier {within:duration} vanaf stap {step}", EN: "here {within:duration} from step {step}"},
	ProblemLawHereField:     {NL: "hier {within:duration} vanaf de datum in {field}", EN: "here {within:duration} from the date in {field}"},
	ProblemLawUseNorm: {NL: "schrijf de wettelijke termijn, within: {fix} (zie {source}); een strengere eigen termijn hoort onder norm:",
		EN: "write the statutory term, within: {fix} (see {source}); a stricter term of your own belongs under norm:"},
	ProblemConditionWordOperator: {NL: "kolom {col}: schrijf {op} in plaats van {written}",
		EN: "column {col}: write {op} instead of {written}"},
	ProblemProcessNotLoadedAlone: {NL: "proces {process} van gemeente {gemeente} is niet met dit bestand meegeladen, dus deze verwijzing is niet gecontroleerd; controleer ze samen met wijkflow validate {folder}",
		EN: "process {process} of gemeente {gemeente} was not loaded with this file, so this referral is not checked; check them together with wijkflow validate {folder}"},
	ProblemFieldMissedOnPath: {NL: "{path}: geen stap op deze weg vraagt {field}, dus stap {step} leest het hier leeg; vraag {name} ook op deze weg, of in de intake",
		EN: "{path}: no step on this path asks {field}, so step {step} reads it empty here; ask {name} on this path too, or in the intake"},
	ProblemStepKeyDedented: {NL: "{key}: staat als stap, maar is een sleutel van een stap: het is waarschijnlijk te weinig ingesprongen; spring het {indent} spaties in, zoals de sleutels van stap {step} erboven",
		EN: "{key}: stands as a step, but it is a key of a step: it is probably indented too little; indent it {indent} spaces, like the keys of step {step} above it"},
	ProblemYAMLKeyDedented: {NL: "ongeldige YAML: deze sleutel is {indent} spaties ingesprongen en sluit zo het blok erboven af, maar regel {line} eronder staat nog op {want} spaties, zoals dat blok; deze sleutel is waarschijnlijk te weinig ingesprongen: spring hem {want} spaties in",
		EN: "invalid YAML: this key is indented {indent} spaces and so ends the block above it, but line {line} below is still at {want} spaces, like that block; this key is probably indented too little: indent it {want} spaces"},
})
