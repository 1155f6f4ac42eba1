// Package law counts terms as Dutch law counts them, apart from the YAML model that
// cites them: a Duration as a process designer writes it ("6w", "10wd", "6 weken"),
// working days on the calendar of the Netherlands (weekends and the public holidays of
// the Algemene termijnenwet), and the end of a term from an event, after opschorting
// or verlenging (Awb 4:14, 4:15; Atw art. 1 and 2). Everything is computed in the one
// zone Europe/Amsterdam (Amsterdam), from a rule built into the binary so that a worker
// without tzdata counts the same.
//
// It also holds the catalogue of the terms wijkflow's definitions cite (articles.go):
// for each article its term, the event it counts from, whether opschorting and
// verlenging apply, and its source on wetten.overheid.nl. The validator holds a
// deadline's law: to it (Cited); the designer guide's table is generated from it.
//
// The definitions package uses Duration in its model and checks; the case workflow and
// the task API count with Due, Resume, Nominal and ResumeNominal; the web app shows
// LastDay. The package knows nothing of YAML, Temporal or HTTP. Its functions are pure:
// the workflow calls them during replay.
package law
