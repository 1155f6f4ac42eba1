package words

// Problems of a process's paths judged against the legal functions of its steps
// (definitions/pathlaw.go): each cites the article and says what to write. {path} is
// a path of step ids from where the problem starts, "a → b → c"; {example} is YAML
// to write (braces cannot stand in a text).
const (
	ProblemPathNoOnderzoek        Code = "problem.path.beschikking-without-onderzoek"
	ProblemPathSpoedNoOnderzoek   Code = "problem.path.spoed-without-onderzoek"
	ProblemPathNoBezwaar          Code = "problem.path.beschikking-without-bezwaar"
	ProblemPathMeldcodeNoMelding  Code = "problem.path.meldcode-without-melding"
	ProblemMeldcodeNoOnveiligheid Code = "problem.path.meldcode-without-onveiligheid"
	ProblemReferralLoop           Code = "problem.path.referral-loop"
	ProblemJeugdParentIdentity    Code = "problem.path.jeugd-parent-identity"
	ProblemJeugdParentIntake      Code = "problem.path.jeugd-parent-identity-intake"
	ProblemBSNAtIntake            Code = "problem.path.bsn-at-intake"
	ProblemBSNBeforeNeed          Code = "problem.path.bsn-before-need"
	ProblemAwbNotGoverned         Code = "problem.path.awb-chapter-4-not-governed"
	ProblemAwbOnderzoekConsent    Code = "problem.path.onderzoek-postponed-by-consent"
)

// problemsPathTexts is the table of this part of the problems domain; see doc.go.
var problemsPathTexts = register(map[Code]Text{
	ProblemPathNoOnderzoek: {
		NL: "{path}: een beschikking zonder onderzoek na de melding; Wmo 2015 art. 2.3.2 lid 1 en art. 2.3.5: eerst het onderzoek, binnen 6 weken na de melding (zie https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.3.2&lid=1); zet een stap met function: onderzoek op deze weg, of schrijf bij spoed function: spoedvoorziening (art. 2.3.3) met het onderzoek nog daarna",
		EN: "{path}: a beschikking without an onderzoek after the melding; Wmo 2015 art. 2.3.2 lid 1 and art. 2.3.5: first the onderzoek, within 6 weeks of the melding (see https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.3.2&lid=1); put a step with function: onderzoek on this path, or in spoed write function: spoedvoorziening (art. 2.3.3) with the onderzoek still after it"},
	ProblemPathSpoedNoOnderzoek: {
		NL: "{path}: na deze spoedvoorziening eindigt de zaak zonder onderzoek; Wmo 2015 art. 2.3.3 staat een tijdelijke maatwerkvoorziening toe in afwachting van het onderzoek, dat binnen 6 weken na de melding nog moet (art. 2.3.2 lid 1); zet een stap met function: onderzoek op elke weg na deze stap",
		EN: "{path}: after this spoedvoorziening the case ends without an onderzoek; Wmo 2015 art. 2.3.3 allows a tijdelijke maatwerkvoorziening in afwachting van het onderzoek, which is still due within 6 weeks of the melding (art. 2.3.2 lid 1); put a step with function: onderzoek on every path after this step"},
	ProblemPathNoBezwaar: {
		NL: "{path}: na deze beschikking eindigt de zaak zonder bezwaartermijn; Awb 6:7 en 6:8: de inwoner mag tot 6 weken na de dag van de bekendmaking bezwaar maken, en de beschikking zegt hoe (Awb 3:45); zet na de beschikking een stap met function: bezwaar, bijvoorbeeld {example}",
		EN: "{path}: after this beschikking the case ends without a bezwaartermijn; Awb 6:7 and 6:8: the resident may object within 6 weeks from the day after the bekendmaking, and the beschikking says how (Awb 3:45); put a step with function: bezwaar after the beschikking, e.g. {example}"},
	ProblemPathMeldcodeNoMelding: {
		NL: "{path}: bij onveiligheid {value} is melden bij Veilig Thuis de norm (Meldcode stap 5, afwegingskader), maar deze weg eindigt zonder melding; zet op deze weg een stap met function: melding (de melding bij Veilig Thuis)",
		EN: "{path}: with onveiligheid {value}, melden bij Veilig Thuis is the norm (Meldcode step 5, afwegingskader), but this path ends without a melding; put a step with function: melding (the melding to Veilig Thuis) on this path"},
	ProblemMeldcodeNoOnveiligheid: {
		NL: "een stap met function: meldcode-4 weegt de onveiligheid (afwegingskader): vraag in zijn formulier {example}, zodat de validator de wegen kan volgen waar melden de norm is",
		EN: "a step with function: meldcode-4 weighs the onveiligheid (afwegingskader): ask {example} in its form, so that the validator can follow the paths where melden is the norm"},
	ProblemReferralLoop: {
		NL: "deze verwijzing ligt in een lus ({steps}) en kan zo zonder grens nieuwe vervolgzaken van proces {process} starten; wacht op de vervolgzaak, neem haar resultaat op met outcome: en laat een voorwaarde in de lus daarop de lus verlaten",
		EN: "this referral lies on a loop ({steps}) and so can start child cases of process {process} without bound; await the child case, take its result with outcome: and let a condition on the loop leave the loop on it"},
	ProblemJeugdParentIdentity: {
		NL: "{field} is resident.{key} van deze zaak, niet van de jeugdige; de vervolgzaak {process} gaat over het kind (Jeugdwet art. 1.1; AVG art. 5 lid 1 c en d): leg het kind vast in resident.household (relation: kind) en geef die velden door",
		EN: "{field} is resident.{key} of this case, not the jeugdige's; the child case {process} is about the child (Jeugdwet art. 1.1; AVG art. 5 lid 1 c and d): record the child in resident.household (relation: kind) and pass those fields"},
	ProblemJeugdParentIntake: {
		NL: "de vervolgzaak {process} krijgt {field}, resident.{key} van deze zaak en niet van de jeugdige, omdat haar intake het vraagt en pass: ontbreekt (Jeugdwet art. 1.1; AVG art. 5 lid 1 c en d); leg het kind vast in resident.household (relation: kind) en schrijf pass: met de velden van het kind",
		EN: "the child case {process} gets {field}, resident.{key} of this case and not the jeugdige's, because its intake asks it and pass: is missing (Jeugdwet art. 1.1; AVG art. 5 lid 1 c and d); record the child in resident.household (relation: kind) and write pass: with the child's fields"},
	ProblemBSNAtIntake: {
		NL: "het BSN ({field}) wordt al bij de melding gevraagd, maar pas een stap met function: {needs} heeft het nodig; AVG art. 5 lid 1 c (minimale gegevensverwerking): vraag het in het formulier van die stap",
		EN: "the BSN ({field}) is asked at the melding, but only a step with function: {needs} needs it; AVG art. 5 lid 1 c (data minimisation): ask it in that step's form"},
	ProblemBSNBeforeNeed: {
		NL: "{path}: het BSN ({field}) wordt op deze weg gevraagd vóór een stap die het nodig heeft (function: {needs}); AVG art. 5 lid 1 c (minimale gegevensverwerking): vraag het pas bij die stap",
		EN: "{path}: the BSN ({field}) is asked on this path before a step that needs it (function: {needs}); AVG art. 5 lid 1 c (data minimisation): ask it only at that step"},
	ProblemAwbNotGoverned: {
		NL: "{law} is geen beslistermijn op een aanvraag: hoofdstuk 4 van de Awb geldt er niet voor, dus ook {article} niet; haal {key}: weg",
		EN: "{law} is no beslistermijn on an aanvraag: chapter 4 of the Awb does not govern it, so neither does {article}; remove {key}:"},
	ProblemAwbOnderzoekConsent: {
		NL: "; uitstel van het onderzoek kan alleen met instemming van de inwoner, vastgelegd in het verslag",
		EN: "; the onderzoek can only be postponed with the resident's consent, recorded in the verslag"},
})

// The bezwaar path (definitions/stepend.go, lawcheck.go): a decision on a bezwaar
// counts from the end of the bezwaartermijn (Awb 7:10 lid 1), a wait step's end.
const (
	ProblemLawTermEindeBezwaar Code = "problem.law.term-from-einde-bezwaartermijn"
	ProblemLawHereStepEnd      Code = "problem.law.here-from-step-end"
	ProblemFromEndNotTimed     Code = "problem.from.end-not-timed-wait"
)

var problemsBezwaarTexts = register(map[Code]Text{
	ProblemLawTermEindeBezwaar: {NL: "{law} is {term:duration} vanaf de dag na het einde van de bezwaartermijn",
		EN: "{law} is {term:duration} from the day after the bezwaartermijn ended"},
	ProblemLawHereStepEnd: {NL: "hier {within:duration} vanaf het einde van stap {step}",
		EN: "here {within:duration} from the end of step {step}"},
	ProblemFromEndNotTimed: {NL: "{name}: alleen het einde van een wacht-stap met for: staat vast als die begint; stap {step} is dat niet; schrijf for: 6w bij die wacht-stap, of from: {step} voor haar begin",
		EN: "{name}: only the end of a wait step with for: is known when it starts; step {step} is not one; write for: 6w on that wait step, or from: {step} for its start"},
})
