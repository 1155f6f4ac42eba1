package words

// Refusals: why a case workflow turns down a request (workflows/checks.go and its
// callers). The English text is the API's error message, word for word; the Dutch is
// what a worker reads after "Dit kan niet meer: " or "U mag dit niet doen bij deze zaak: ".
const (
	RefuseCaseClosed       Code = "refusal.case-closed"
	RefuseTaskNotOpen      Code = "refusal.task-not-open"
	RefuseOtherGemeente    Code = "refusal.other-gemeente"
	RefuseOtherTeam        Code = "refusal.other-team"
	RefuseRole             Code = "refusal.role"
	RefuseNotOnCase        Code = "refusal.not-on-case"
	RefuseClaimed          Code = "refusal.claimed"
	RefuseAlreadyClaimed   Code = "refusal.already-claimed"
	RefuseReassign         Code = "refusal.reassign"
	RefuseNotAssigned      Code = "refusal.not-assigned"
	RefuseAlreadyAssigned  Code = "refusal.already-assigned"
	RefuseSuspended        Code = "refusal.already-suspended"
	RefuseNotSuspended     Code = "refusal.not-suspended"
	RefuseNothingToSuspend Code = "refusal.nothing-to-suspend"
	RefuseNotExtendable    Code = "refusal.not-extendable"
	RefuseExtendedOnce     Code = "refusal.extended-once"
	RefuseDeadlinePassed   Code = "refusal.deadline-passed"
	RefuseKeyReused        Code = "refusal.key-reused"
	RefuseNoEventWaits     Code = "refusal.no-event-waits"
	RefuseUnsafeMigration  Code = "refusal.unsafe-migration"
	RefuseMigrateRole      Code = "refusal.migrate-role"
	RefuseRescueRole       Code = "refusal.rescue-role"
	RefuseNoFailedHandoff  Code = "refusal.no-failed-handoff"
	RefuseNoFailedAt       Code = "refusal.no-failed-handoff-at"
	RefuseNotStuckAt       Code = "refusal.not-stuck-at"
	RefuseNotStuck         Code = "refusal.not-stuck"
)

// refusalsTexts is the table of this domain; see doc.go.
var refusalsTexts = register(map[Code]Text{
	RefuseCaseClosed:       {"zaak {case} is gesloten", "case {case} is closed"},
	RefuseTaskNotOpen:      {"taak {task} is niet meer open", "task {task:quote} is not open"},
	RefuseOtherGemeente:    {"de zaak hoort bij een andere gemeente", "the case belongs to another gemeente"},
	RefuseOtherTeam:        {"de zaak hoort bij team {team}", "the case belongs to team {team}"},
	RefuseRole:             {"taak {task} is voor de rol {roles:or}", "task {task} is for role {roles:or}"},
	RefuseNotOnCase:        {"dat mag alleen de leidinggevende of wie aan een open taak van de zaak werkt", "only the lead or a worker on an open task may do this"},
	RefuseClaimed:          {"een collega heeft taak {task} opgepakt", "task {task} is claimed by another user"},
	RefuseAlreadyClaimed:   {"een collega heeft taak {task} al opgepakt", "task {task} is already claimed by another user"},
	RefuseReassign:         {"alleen de leidinggevende of wie de taak heeft opgepakt mag haar overdragen", "only the lead or the task's assignee may reassign it"},
	RefuseNotAssigned:      {"taak {task} is aan niemand toegewezen", "task {task} is not assigned to anyone"},
	RefuseAlreadyAssigned:  {"taak {task} is al toegewezen aan {assignee}", "task {task} is already assigned to {assignee}"},
	RefuseSuspended:        {"de zaak is al opgeschort", "the case is already suspended"},
	RefuseNotSuspended:     {"de zaak is niet opgeschort", "the case is not suspended"},
	RefuseNothingToSuspend: {"geen open taak heeft een termijn die mag worden opgeschort", "no open task has a clock that may be suspended"},
	RefuseNotExtendable:    {"de termijn van taak {task} kan niet worden verlengd", "the deadline of task {task} cannot be extended"},
	RefuseExtendedOnce:     {"de termijn van taak {task} is al eens verlengd (Awb 4:14: eenmaal)", "task {task} was already extended once"},
	RefuseDeadlinePassed: {"de termijn van taak {task} is al verstreken; verleng vóór de termijn afloopt",
		"the deadline of task {task} has passed; extend before it does"},
	RefuseKeyReused: {"deze aanvraag is al eens met een ander verzoek verstuurd; verstuur dat opnieuw of begin opnieuw",
		"this Idempotency-Key was used for another request; send that request again, or use a new key"},
	RefuseNoEventWaits:    {"de zaak wacht nu niet op gebeurtenis {event:quote}", "the case waits for no event {event:quote} now"},
	RefuseUnsafeMigration: {"de zaak kan niet veilig naar de nieuwe versie: {reason}", "{reason}"},
	RefuseMigrateRole:     {"alleen een {admin} of de leidinggevende mag een zaak naar een nieuwe versie brengen", "only a {admin} or the lead may migrate a case"},
	RefuseRescueRole: {"alleen de leidinggevende ({lead}) mag een overdracht opnieuw versturen of een zaak verder sturen",
		"only the lead ({lead}) may retry a hand-off or route a case on"},
	RefuseNoFailedHandoff: {"geen overdracht van deze zaak is mislukt", "no hand-off of this case has failed"},
	RefuseNoFailedAt:      {"bij stap {step:quote} is geen overdracht mislukt", "no hand-off at step {step:quote} has failed"},
	RefuseNotStuckAt:      {"de zaak staat niet vast bij stap {step:quote}", "the case is not stuck at step {step:quote}"},
	RefuseNotStuck:        {"de zaak staat niet vast; ze gaat vanzelf verder", "the case is not stuck; it goes on by itself"},
})
