// Package words is wijkflow's one catalogue of what it says to people. Code that finds a
// problem, refuses a request or records an event says it as a Message: a Code and its
// arguments, never an English sentence. The edge (the web app in Dutch, the CLI and the
// API in English) renders the message in the reader's language from the tables in this
// package; nothing translates text after the fact.
//
// A text is a template with named arguments in braces: "{field} is required". An
// argument may name a formatter after a colon: {by:duration} reads "2w" as "2 weken"
// (or "2 weeks"), {steps:list} joins "a,b,c" as "a, b en c", {roles:or} as "a of b of c". The tables are split by
// who speaks (problems.go, rules.go, refusals.go, events.go); catalogue_test.go walks
// every code and fails on a missing Dutch or English text or an argument one of them
// forgets.
//
// Adding a message: add a Code constant and its Text to the table of its domain, then
// say Msg(code, "name", value, …) where it happens.
package words
