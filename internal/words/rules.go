package words

// Rules: what is wrong with submitted data, said next to the field (definitions'
// CheckData for form data, the checks of the workflow and the API for a request's
// fields). The English text is the API's message, word for word.
//
// A failed validator tag is RuleTag with the arguments tag, param and kind (the Go kind
// of the checked value: string, slice, float64). Its Dutch comes from the validator's
// own translations (definitions.SayRule); the codes "rule.tag.<tag>" below are ours, for
// our own tags and the ones those translations lack, and win over them.
const (
	RuleRequired        Code = "rule.required"
	RuleUnknownField    Code = "rule.unknown-field"
	RuleNotBool         Code = "rule.not-bool"
	RuleNotNumber       Code = "rule.not-number"
	RuleNotDate         Code = "rule.not-date"
	RuleNoSuchDate      Code = "rule.no-such-date"
	RuleNotChoice       Code = "rule.not-choice"
	RuleNotChoices      Code = "rule.not-choices"
	RuleNotOption       Code = "rule.not-option"
	RuleNotText         Code = "rule.not-text"
	RuleUncheckable     Code = "rule.uncheckable"
	RuleBroken          Code = "rule.broken"
	RuleTag             Code = "rule.tag"
	RuleUserID          Code = "rule.user-id"
	RuleNotAUser        Code = "rule.not-a-user"
	RuleAssignee        Code = "rule.assignee"
	RuleWhichTask       Code = "rule.which-task"
	RuleDurationNeeded  Code = "rule.duration-needed"
	RuleNotDuration     Code = "rule.not-duration"
	RuleAtMost          Code = "rule.at-most"
	RuleMaxChars        Code = "rule.max-chars"
	RuleWhichHandoff    Code = "rule.which-handoff"
	RuleWhichStuckStep  Code = "rule.which-stuck-step"
	RuleStepToGoOn      Code = "rule.step-to-go-on"
	RuleNotAStep        Code = "rule.not-a-step"
	RuleNotAStepID      Code = "rule.not-a-step-id"
	RuleTeamNotOfProc   Code = "rule.team-not-of-process"
	RuleNoTeamOfProc    Code = "rule.no-team-of-process"
	RuleNotDateTime     Code = "rule.not-date-time"
	RuleInTheFuture     Code = "rule.in-the-future"
	RuleBeforeWmo       Code = "rule.before-wmo"
	RuleNotAProcess     Code = "rule.not-a-process"
	RuleNotAVersion     Code = "rule.not-a-version"
	RuleWhichCases      Code = "rule.which-cases"
	RuleTooManyCases    Code = "rule.too-many-cases"
	RuleNotACaseID      Code = "rule.not-a-case-id"
	RuleRequiredIf      Code = "rule.tag.required_if"
	RuleRequiredUnless  Code = "rule.tag.required_unless"
	RuleRequiredWith    Code = "rule.tag.required_with"
	RuleRequiredWithAll Code = "rule.tag.required_with_all"
	RuleRequiredWithout Code = "rule.tag.required_without"
	RuleExcludedIf      Code = "rule.tag.excluded_if"
	RuleExcludedUnless  Code = "rule.tag.excluded_unless"
	RuleExcludedWith    Code = "rule.tag.excluded_with"
	RuleExcludedWithout Code = "rule.tag.excluded_without"
)

// rulesTexts is the table of this domain; see doc.go.
var rulesTexts = register(map[Code]Text{
	RuleRequired:     {"is verplicht", "is required"},
	RuleUnknownField: {"hoort niet bij dit formulier", "is not a field of this form"},
	RuleNotBool:      {"kies ja of nee", "must be yes or no (true or false)"},
	RuleNotNumber:    {"moet een getal zijn", "must be a number"},
	RuleNotDate:      {"moet een datum zijn (jjjj-mm-dd, bijvoorbeeld 2026-11-25)", "must be a date written as YYYY-MM-DD, e.g. 2026-11-25"},
	RuleNoSuchDate:   {"moet een bestaande datum zijn (jjjj-mm-dd)", "must be an existing date written as YYYY-MM-DD, e.g. 2026-11-25"},
	RuleNotChoice:    {"kies een van: {options}", "must be one of: {options}"},
	RuleNotChoices:   {"kies uit: {options}", "must be a list of: {options}"},
	RuleNotOption:    {"{value:quote} is geen keuze; kies uit: {options}", "{value:quote} is not one of: {options}"},
	RuleNotText:      {"moet tekst zijn", "must be text"},
	RuleUncheckable:  {"heeft regels die niet te controleren zijn: {rules}", "has rules that cannot be checked: {rules}"},
	RuleBroken:       {"voldoet niet aan de regels {rules}", "breaks the rules {rules}"},
	RuleTag:          {"voldoet niet aan de regel {tag} {param}", "must satisfy {tag} {param}"},

	RuleUserID:         {"moet een gebruikersnaam zijn", "must be a user id"},
	RuleNotAUser:       {"{user:quote} is geen medewerker van gemeente {gemeente}", "{user:quote} is not a user of gemeente {gemeente}"},
	RuleAssignee:       {"is verplicht: een gebruikersnaam, of leeg om niemand toe te wijzen", `is required: a user id, or "" to unassign`},
	RuleWhichTask:      {"kies de taak: {n} open taken mogen worden verlengd", "is required: {n} open tasks may be extended"},
	RuleDurationNeeded: {"is verplicht; schrijf een duur zoals 2w of 10wd", "is required; write a duration such as 2w or 10wd"},
	RuleNotDuration: {"{value:quote} is geen duur; schrijf bijvoorbeeld 6w, 42d of 30wd (of 6 weken, 10 werkdagen)",
		"{value:quote} is not a duration; write 6w, 42d or 30wd (units s m h d w wd, or 6 weken, 10 werkdagen)"},
	RuleAtMost:         {"mag hoogstens {max:duration} zijn", "may be at most {max}"},
	RuleMaxChars:       {"mag hoogstens {n} tekens lang zijn", "must be at most {n} characters"},
	RuleWhichHandoff:   {"kies de stap: meer dan één overdracht is mislukt", "is required: several hand-offs failed"},
	RuleWhichStuckStep: {"kies de stap: de zaak staat vast bij {steps}", "is required: the case is stuck at {steps}"},
	RuleStepToGoOn:     {"kies de stap waarmee de zaak verder gaat", "is required: the step to go on with"},
	RuleNotAStep:       {"{step:quote} is geen stap van {process}", "{step:quote} is not a step of {process}"},
	RuleNotAStepID:     {"is geen stap", "is not a step id"},
	RuleTeamNotOfProc:  {"{team:quote} werkt niet met dit proces; kies een van: {teams}", "{team:quote} does not work this process; choose one of: {teams}"},
	RuleNoTeamOfProc: {"is verplicht: geen van uw teams werkt met dit proces; kies een van: {teams}",
		"is required: none of your teams works this process; choose one of: {teams}"},
	RuleNotDateTime: {"{value:quote} is geen datum of tijd; schrijf 2026-11-25 of 2026-11-25T09:30:00+01:00",
		"{value:quote} is not a date or time; write 2026-11-25 or 2026-11-25T09:30:00+01:00"},
	RuleInTheFuture: {"ligt in de toekomst; een melding wordt geregistreerd nadat ze binnenkwam",
		"lies in the future; a melding is registered after it came in"},
	RuleBeforeWmo: {"{value:quote} ligt vóór 2015-01-01, toen de Wmo 2015 en de Jeugdwet ingingen; controleer de datum",
		"{value:quote} lies before 2015-01-01, when the Wmo 2015 and the Jeugdwet took effect; check the date"},
	RuleNotAProcess: {"is geen proces van gemeente {gemeente}", "is not a process of gemeente {gemeente}"},
	RuleNotAVersion: {"is geen gepubliceerde versie van {process}; GET /definitions noemt ze",
		"is not a published version of {process}; GET /definitions lists them"},
	RuleWhichCases: {"noem de zaken, of geef from: om elke open zaak van die versie te verplaatsen",
		"name the cases, or give from: to move every open case of that version"},
	RuleTooManyCases: {"mag hoogstens {max} zaken per keer noemen", "may name at most {max} cases per call"},
	RuleNotACaseID:   {"bevat {value:quote}, en dat is geen zaaknummer", "holds {value:quote}, which is not a case id"},

	// Our own tags, and the validator's that its Dutch translations lack.
	RuleRequiredIf:                  {"is verplicht als {field} {value} is", "is required when {field} is {value}"},
	RuleRequiredUnless:              {"is verplicht tenzij {field} {value} is", "is required unless {field} is {value}"},
	RuleRequiredWith:                {"is verplicht als {fields:or} is ingevuld", "is required when {fields:or} is filled in"},
	RuleRequiredWithAll:             {"is verplicht als {fields:list} zijn ingevuld", "is required when {fields:list} are filled in"},
	RuleRequiredWithout:             {"is verplicht als {fields:or} leeg is", "is required when {fields:or} is empty"},
	RuleExcludedIf:                  {"moet leeg blijven als {field} {value} is", "must be empty when {field} is {value}"},
	RuleExcludedUnless:              {"moet leeg blijven tenzij {field} {value} is", "must be empty unless {field} is {value}"},
	RuleExcludedWith:                {"moet leeg blijven als {fields:or} is ingevuld", "must be empty when {fields:or} is filled in"},
	RuleExcludedWithout:             {"moet leeg blijven als {fields:or} leeg is", "must be empty when {fields:or} is empty"},
	"rule.tag.required_without_all": {"is verplicht als {fields:list} allemaal leeg zijn", "is required when {fields:list} are all empty"},
	"rule.tag.excluded_with_all":    {"moet leeg blijven als {fields:list} zijn ingevuld", "must be empty when {fields:list} are filled in"},
	"rule.tag.excluded_without_all": {"moet leeg blijven als {fields:list} allemaal leeg zijn", "must be empty when {fields:list} are all empty"},
	"rule.tag.isdefault":            {"moet leeg blijven", "must be empty"},
	"rule.tag.slug":                 {"mag alleen kleine letters, cijfers en streepjes bevatten en begint met een letter", "must be lowercase letters, digits and dashes, starting with a letter"},
	"rule.tag.unique":               {"mag niet twee keer dezelfde waarde bevatten", "must not contain the same value twice"},
	"rule.tag.lowercase":            {"moet in kleine letters", "must be in lowercase"},
	"rule.tag.uppercase":            {"moet in hoofdletters", "must be in uppercase"},
	"rule.tag.startswith":           {"moet beginnen met {param:quote}", `must start with {param:quote}`},
	"rule.tag.endswith":             {"moet eindigen op {param:quote}", `must end with {param:quote}`},
	"rule.tag.datetime":             {"moet een datum of tijd zijn in de vorm {param}", "must be a date or time written as {param}"},
	"rule.tag.e164":                 {"moet een internationaal telefoonnummer zijn, bijvoorbeeld +31201234567", "must be a phone number in international form, e.g. +31201234567"},
	"rule.tag.boolean":              {"kies waar of niet waar", "must be true or false"},
	"rule.tag.http_url":             {"moet een webadres zijn", "must be a web address (URL)"},
	"rule.tag.https_url":            {"moet een webadres zijn", "must be a web address (URL)"},
	"rule.tag.alphaunicode":         {"mag alleen letters bevatten", "must contain only letters"},
	// The validator's own Dutch reads worse here ("geldige numerieke waarde", "email adres").
	"rule.tag.numeric":                 {"moet een getal zijn", "must be a number"},
	"rule.tag.number":                  {"moet een getal zijn", "must be a number"},
	"rule.tag.email":                   {"moet een e-mailadres zijn", "must be an email address"},
	"rule.tag.postcode_iso3166_alpha2": {"moet een postcode van land {param} zijn", "must be a postcode of country {param}"},
	"rule.tag.bsn":                     {"is geen burgerservicenummer: 9 cijfers die de elfproef doorstaan", "must be a BSN: 9 digits that pass the elfproef"},
})
