// Package accesslog records who read or changed which case's personal data, in the
// manner of NEN 7513 (logging of access to health records), which the AVG's article 32
// asks for in practice when special categories of personal data (article 9) are
// processed: who, when, which case, which action, and how it ended. Ids only: a record
// never holds a name, a BSN or form data.
//
// A Sink receives the entries; Open makes one from a setting: "log" (the process's
// structured log), "stdout", or a file path (JSON lines, appended, mode 0600).
package accesslog
