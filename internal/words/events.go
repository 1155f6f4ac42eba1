package words

// The trail's events (workflows/trail.go). Each event has a label, "event.<name>", and
// a detail, "event.<name>.detail", that says what happened with the entry's arguments;
// the codes below are the details of events that read differently by case (a reminder
// or an escalation notice, a term with or without its law). Arguments named role are
// role ids and goto a step id: the web reads them as the definition's labels.
const (
	// Stuck: why the case cannot go on from a step.
	StuckUnknownStep      Code = "event.stuck.unknown-step"
	StuckUnknownKind      Code = "event.stuck.unknown-kind"
	StuckNoTransition     Code = "event.stuck.no-transition"
	StuckJoinMissing      Code = "event.stuck.join-missing"
	StuckUnrelatedProcess Code = "event.stuck.unrelated-process"
	StuckChildNotStarted  Code = "event.stuck.child-not-started"
	StuckChildFailed      Code = "event.stuck.child-failed"
	StuckHandoffFailed    Code = "event.stuck.handoff-failed"
	StuckEventTimeout     Code = "event.stuck.event-timeout"

	ConditionErrorTermCase Code = "event.condition-error.term-case"
	DeadlinePassedLaw      Code = "event.deadline-passed.law"
	TaskUnassigned         Code = "event.task-reassigned.nobody"
	ResumedTaskDone        Code = "event.resumed.task-done"

	// The three ways a hersteltermijn ends and the clocks it stopped run again.
	RestartExpired   Code = "event.clock-restarted.expired"
	RestartEscalated Code = "event.clock-restarted.escalated"
	RestartCompleted Code = "event.clock-restarted.completed"

	TermChosenWhen      Code = "event.term-chosen.when"
	TermChosenNoLaw     Code = "event.term-chosen.no-law"
	TermChosenWhenNoLaw Code = "event.term-chosen.when-no-law"

	NotifiedRemind       Code = "event.notified.remind"
	NotifiedEscalate     Code = "event.notified.escalate"
	NotifyFailedRemind   Code = "event.notify-failed.remind"
	NotifyFailedEscalate Code = "event.notify-failed.escalate"

	MigratedRecomputed     Code = "event.migrated.recomputed"
	MigratedKept           Code = "event.migrated.kept"
	MigratedRecomputedKept Code = "event.migrated.recomputed-kept"

	// Verbatim says its argument detail as it is: the text of a trail entry or a
	// problem recorded before they had codes.
	Verbatim Code = "verbatim"

	// A deadline in a rehearsal (internal/simulate): met, missed, or still open.
	DeadlineMet    Code = "deadline.met"
	DeadlineMissed Code = "deadline.missed"
	DeadlineOpen   Code = "deadline.open"
)

// eventsTexts is the table of this domain; see doc.go.
var eventsTexts = register(map[Code]Text{
	"event.case-started":        {"Zaak gestart (melding)", "case started"},
	"event.case-started.detail": {"Gestart in {process}, versie {version}", "{process} {version}"},
	"event.case-closed":         {"Zaak afgesloten", "case closed"},
	"event.case-closed.detail":  {"Afgesloten met uitkomst {result}", "{result}"},
	"event.continued-as-new":    {"Voortgezet", "continued as new"},
	"event.continued-as-new.detail": {"De zaak loopt verder in een nieuwe run, zodat haar geschiedenis kort blijft",
		"the case goes on in a new run, so its history stays short"},
	"event.step-entered":        {"Stap begonnen", "step entered"},
	"event.step-entered.detail": {"Stap van soort {kind} begonnen", "{kind}"},

	"event.stuck":        {"Kan niet verder", "stuck"},
	"event.stuck.detail": {"De zaak kan niet verder", "the case cannot go on"},
	StuckUnknownStep:     {"Stap {target:quote} bestaat niet", "step {target:quote} does not exist"},
	StuckUnknownKind:     {"Stapsoort {kind:quote} is onbekend", "step kind {kind:quote} is unknown to this interpreter"},
	StuckNoTransition:    {"Geen enkele vervolgstap is van toepassing", "no transition applies"},
	StuckJoinMissing: {"Samenkomst {join} wacht op {missing}, maar parallelle stap {parallel} opende die niet",
		"join {join} waits for {missing}, which parallel step {parallel} did not open"},
	StuckUnrelatedProcess: {"Proces {process} hoort niet bij de verwante processen van de zaak",
		"process {process} is not in the case's related definitions"},
	StuckChildNotStarted: {"Vervolgzaak {child} is niet gestart", "child case {child} did not start"},
	StuckChildFailed:     {"Vervolgzaak {child} is mislukt", "child case {child} failed"},
	StuckHandoffFailed:   {"Overdracht aan {provider} is mislukt", "hand-off to {provider} failed"},
	StuckEventTimeout: {"De wachttijd op een gebeurtenis liep af en de stap zegt niet waarheen dan",
		"an event wait timed out without a timeout step"},

	"event.condition-error":        {"Fout in een voorwaarde", "condition error"},
	"event.condition-error.detail": {"Een voorwaarde kon niet worden uitgerekend: {detail}", "{detail}"},
	ConditionErrorTermCase: {"Termijngeval {case} kon niet worden uitgerekend en telt als niet van toepassing",
		"deadline case {case} could not be evaluated; taken as false"},

	"event.task-opened":            {"Taak geopend", "task opened"},
	"event.task-opened.detail":     {"De taak staat open", "the task is open"},
	"event.task-completed":         {"Taak afgerond", "task completed"},
	"event.task-completed.detail":  {"De taak is afgerond", "the task is completed"},
	"event.task-claimed":           {"Taak opgepakt", "task claimed"},
	"event.task-claimed.detail":    {"Opgepakt door {assignee}", "{assignee}"},
	"event.task-reassigned":        {"Taak overgedragen", "task reassigned"},
	"event.task-reassigned.detail": {"Overgedragen aan {assignee}", "{assignee}"},
	TaskUnassigned:                 {"Aan niemand meer toegewezen", "unassigned"},
	"event.task-closed":            {"Taak gesloten", "task closed"},
	"event.task-closed.detail":     {"Gesloten door opschaling; de zaak gaat verder bij {goto}", "escalation to {goto}"},
	"event.task-cancelled":         {"Taak vervallen", "task cancelled"},
	"event.task-cancelled.detail":  {"Vervallen omdat de zaak eindigde", "case ended"},

	"event.deadline-passed":        {"Termijn verstreken", "deadline passed"},
	"event.deadline-passed.detail": {"De termijn is verstreken", "the deadline passed"},
	DeadlinePassedLaw:              {"De termijn is verstreken ({law})", "{law}"},
	"event.norm-passed":            {"Servicenorm verstreken", "norm passed"},
	"event.norm-passed.detail":     {"De servicenorm is verstreken", "the service norm passed"},
	"event.escalated":              {"Opgeschaald", "escalated"},
	"event.escalated.detail":       {"Opgeschaald naar {role}", "escalated to {role}"},
	"event.stalled":                {"Vastgelopen", "stalled"},
	"event.stalled.detail":         {"De taak is als vastgelopen gemarkeerd", "the task is marked as stalled"},

	"event.suspended":        {"Opgeschort", "suspended"},
	"event.suspended.detail": {"Opgeschort: {detail}", "{detail}"},
	"event.resumed":          {"Hervat", "resumed"},
	"event.resumed.detail":   {"Hervat na {suspended:duration} opschorting", "suspended {suspended:duration}"},
	ResumedTaskDone: {"Hervat omdat taak {task} is afgerond, na {suspended:duration} opschorting",
		"task {task} completed, suspended {suspended:duration}"},
	"event.extended":        {"Termijn verlengd", "extended"},
	"event.extended.detail": {"Termijn verlengd met {by:duration}: {detail}", "extended by {by:duration}: {detail}"},

	"event.clock-stopped": {"Termijn stilgezet", "clock stopped"},
	"event.clock-stopped.detail": {"Termijn stilgezet door hersteltermijn {task} (Awb 4:15 lid 1 a)",
		"hersteltermijn {task} (Awb 4:15 lid 1 a)"},
	"event.clock-restarted":        {"Termijn loopt weer", "clock restarted"},
	"event.clock-restarted.detail": {"De termijn loopt weer ({task})", "({task})"},
	RestartExpired:                 {"De termijn loopt weer: hersteltermijn {task} is verstreken", "hersteltermijn verstreken ({task})"},
	RestartEscalated:               {"De termijn loopt weer: taak {task} is door opschaling gesloten", "closed by escalation ({task})"},
	RestartCompleted:               {"De termijn loopt weer: de gegevens zijn aangevuld ({task})", "aangevuld ({task})"},

	"event.term-chosen":        {"Termijn gekozen", "term chosen"},
	"event.term-chosen.detail": {"Termijn {within:duration} ({law}); geen geval is van toepassing", "{within} ({law}), no case applies"},
	TermChosenWhen:             {"Termijn {within:duration} ({law}), omdat {when}", "{within} ({law}), when {when}"},
	TermChosenNoLaw:            {"Termijn {within:duration}; geen geval is van toepassing", "{within}, no case applies"},
	TermChosenWhenNoLaw:        {"Termijn {within:duration}, omdat {when}", "{within}, when {when}"},
	"event.term-from-missing":  {"Begindatum ontbreekt", "term start missing"},
	"event.term-from-missing.detail": {"Veld {field} bevat geen datum; de termijn telt vanaf het begin van de stap",
		"field {field} holds no date; the term counts from the step's start"},

	"event.event-wait-untimed": {"Wacht zonder einde", "event wait untimed"},
	"event.event-wait-untimed.detail": {"Veld {field} bevat geen datum; de zaak wacht zonder einde op {event}",
		"field {field} holds no date; waits for {event} without a timeout"},
	"event.event-timeout":         {"Gebeurtenis niet op tijd", "event timed out"},
	"event.event-timeout.detail":  {"Gebeurtenis {event} kwam niet op tijd", "{event}"},
	"event.event-received":        {"Gebeurtenis ontvangen", "event received"},
	"event.event-received.detail": {"Gebeurtenis {event} ontvangen", "{event}"},
	"event.wait-skipped":          {"Wachttijd overgeslagen", "wait skipped"},
	"event.wait-skipped.detail":   {"Veld {field} bevat geen datum", "field {field} holds no date"},
	"event.wait-passed":           {"Wachttijd voorbij", "wait passed"},
	"event.wait-passed.detail":    {"De wachttijd is voorbij", "the wait is over"},
	"event.join-waiting":          {"Wacht op andere bijdragen", "join waiting"},
	"event.join-waiting.detail":   {"Binnen: {arrived:list}", "arrived: {arrived:list}"},

	"event.handoff-started":          {"Overdracht begonnen", "hand-off started"},
	"event.handoff-started.detail":   {"Overdracht aan {provider} begonnen", "{provider}"},
	"event.handoff-failed":           {"Overdracht mislukt", "hand-off failed"},
	"event.handoff-failed.detail":    {"Overdracht aan {provider} mislukt: {detail}", "{provider}: {detail}"},
	"event.handed-off":               {"Overgedragen aan aanbieder", "handed off"},
	"event.handed-off.detail":        {"Overgedragen aan {provider}, kenmerk {reference}", "{provider} {reference}"},
	"event.handoff-retried":          {"Overdracht opnieuw verstuurd", "hand-off retried"},
	"event.handoff-retried.detail":   {"Overdracht aan {provider} opnieuw verstuurd: {detail}", "{provider}: {detail}"},
	"event.routed-on":                {"Handmatig verder gestuurd", "routed on"},
	"event.routed-on.detail":         {"Verder gestuurd naar {goto}: {detail}", "{goto}: {detail}"},
	"event.notified":                 {"Bericht verstuurd", "notified"},
	"event.notified.detail":          {"Bericht verstuurd aan {role}", "message to {role}"},
	NotifiedRemind:                   {"Herinnering verstuurd aan {role}", "reminder to {role}"},
	NotifiedEscalate:                 {"Bericht over de opschaling verstuurd aan {role}", "escalate to {role}"},
	"event.notify-failed":            {"Bericht niet verstuurd", "notification failed"},
	"event.notify-failed.detail":     {"Bericht aan {role} kon niet worden verstuurd", "message to {role}"},
	NotifyFailedRemind:               {"Herinnering aan {role} kon niet worden verstuurd", "remind to {role}"},
	NotifyFailedEscalate:             {"Bericht over de opschaling aan {role} kon niet worden verstuurd", "escalate to {role}"},
	"event.referred":                 {"Doorverwezen", "referred"},
	"event.referred.detail":          {"Doorverwezen; vervolgzaak {child}", "{child}"},
	"event.referral-returned":        {"Terug van doorverwijzing", "referral returned"},
	"event.referral-returned.detail": {"Vervolgzaak {child} afgesloten met uitkomst {result}", "{child} {result}"},

	"event.migrated":        {"Naar nieuwe versie", "migrated"},
	"event.migrated.detail": {"Van versie {from} naar {to}", "{from} → {to}"},
	MigratedRecomputed: {"Van versie {from} naar {to}; termijn opnieuw berekend: {recomputed:list}",
		"{from} → {to}; clock recomputed: {recomputed:list}"},
	MigratedKept: {"Van versie {from} naar {to}; termijn behouden: {kept:list}",
		"{from} → {to}; clock kept: {kept:list}"},
	MigratedRecomputedKept: {"Van versie {from} naar {to}; termijn opnieuw berekend: {recomputed:list}; termijn behouden: {kept:list}",
		"{from} → {to}; clock recomputed: {recomputed:list}; clock kept: {kept:list}"},

	Verbatim: {"{detail}", "{detail}"},

	DeadlineMet:    {"gehaald", "met"},
	DeadlineMissed: {"gemist", "missed"},
	DeadlineOpen:   {"open", "open"},
})
