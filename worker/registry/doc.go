// Package registry holds the process definitions a wijkflow process serves, and
// publishes a changed definitions folder without a restart.
//
// A Registry reads through an atomic pointer to an immutable Set: a reload loads and
// validates the whole folder, runs the extra checks (Config.Checks), and only when all
// of it is sound swaps the pointer, so a request sees the old set or the new one and
// never half of each. On any problem the previous set stays and the problems, as
// file:line:col lines, are kept for the API and the log. Watch reloads when the folder
// changes; Reload is the explicit trigger behind the admin API.
//
// Every version ever published in this process stays in the set (new cases start only
// on the current one), so the tasks of older cases still show their forms.
package registry
