// Package definitions knows the YAML format in which a gemeente's process designer
// writes a wijkteam process, and turns such files into checked, versioned Definitions.
//
// A Definition is plain data: steps keyed by id, forms, roles, deadlines and escalation
// ladders. It round-trips through JSON unchanged because it is the case workflow's
// input, and its Version is a hash of its content, so a running case keeps the snapshot
// it started with however the file changes later.
//
// Loading is strict and talkative. LoadDir and LoadFiles (or Parse for one file in
// memory) decode the YAML node tree themselves, keeping the line and column of every
// value, and report every problem of every file in one pass as an Issue,
// "file:line:col: path: message", with a "did you mean" for misspelt names. An issue
// also carries its problem as a code of the catalogue (internal/words) with its
// arguments, so the same problem reads in Dutch (Issue.In(words.NL)) and its English
// Message is rendered from it. Where a library gives only English (the YAML parser's
// syntax error, the CEL parser's, a panic of the validator), that text is an argument
// of the code; a condition's problems are found from CEL's AST, not its text:
//
//	defs, issues := definitions.LoadDir("definitions")
//	if len(issues) > 0 {
//		return issues // an error: one problem per line
//	}
//
// The checks cover unknown keys, shapes and durations, the validate: tags of the types
// (rendered as sentences), references (start, goto, roles, joins, the from of a
// deadline, referral targets of the same gemeente), what each kind of step needs and
// forbids, a way on from every step when no condition holds, escalation rungs in order,
// consistent form fields, every CEL condition compiled against the declared fields,
// a graph in which every step is reachable and can reach an end, and every deadline
// that cites a term of the law's catalogue (law.Cited) held to that term's length and
// starting point (lawcheck.go). Steps may say their legal function (function.go: melding,
// onderzoek, beschikking, bezwaar, the Meldcode's five steps, …); the paths between
// them are judged against the law (pathlaw.go: an onderzoek before a beschikking, a
// bezwaartermijn after it, melden where the Meldcode makes it the norm, bounded
// referral loops, the jeugdige's own identity, the BSN not before it is needed), and
// verlenging and opschorting only on terms Awb chapter 4 governs (awbcheck.go). Hostile input
// (random bytes, huge files, alias bombs) gives issues, never a panic or a hang.
//
// The package also evaluates conditions and form data for the workflow (Conditions,
// CheckData) and draws Mermaid diagrams; it knows nothing of Temporal or HTTP. Terms
// and the Dutch calendar they are counted on live in the subpackage law, which this
// package uses for the Duration of its model; YAML decoding with positions lives in
// internal/yamldoc, and every message text in internal/words.
//
// # Adding a step kind
//
// A kind of step is one unit. In this package it is one file, kind_<name>.go: its
// Kind constant, a type that embeds kindFacts (its name, one-line doc, the step keys
// it takes, how a case leaves it, whether it passes at once, its diagram shape) and
// adds what it does of its own (check, reporting located problems; Lines, what the
// diagram shows under its title), a <name>Spec value with a `var _ KindSpec = …`
// assertion, and one line in kindSpecs (kind.go). Kinds, the validator (the kind:
// value, keys that do not apply, next, the graph's ends and instant loops), the JSON
// Schema (the enum with each kind's doc, and per kind the keys it takes) and the
// Mermaid diagram all read that registry; kind_test.go registers a test-only kind to
// prove that nothing else needs to change. Its problems are codes of the catalogue
// (internal/words/problems.go), with their Dutch and English texts. A kind reuses the
// keys of the Step type: Step is the case workflow's input and sits in recorded
// histories, so a key that is truly new is a field added there with its yaml and json
// names, never a rename. Running the kind is the workflows package's own layer, one file
// per kind there too. Describe the kind for designers in README.md ("Steps and their
// kinds"); a test fails until it is there.
//
// # Adding a field type
//
// A field type is one entry in fieldTypes (fieldtype.go): its name and doc (the
// validator and the JSON Schema), its type in a condition and how a value becomes one,
// whether options give its values, which literals a rule may compare it with, how a
// submitted value is checked (fieldvalue.go), a filled-in sample and which rules fit it
// (rulecheck.go). Outside this package, the web app renders its input (worker/web).
package definitions
