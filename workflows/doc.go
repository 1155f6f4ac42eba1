// Package workflows is the case workflow: one interpreter that runs a gemeente's process
// definition on Temporal. The worker registers CaseWorkflow under CaseWorkflowName; the
// task API starts it with a CaseInput (the definition snapshot travels in the input),
// changes it with the updates in api.go, and reads it with QueryCase, the search
// attributes and the memo.
//
// # How it runs
//
// The state (CaseState) is plain data. Human tasks are state changed by Updates whose
// validators reject without touching history; the handler itself closes the task and
// routes on (each step kind in its own file, see kinds.go), so its answer already shows
// the next open tasks. A single timer runs at a time, for the earliest pending clock
// moment (deadline, norm, escalation rung, wait); it is replaced when that moment moves.
// Routing and handlers take turns through a small lock (caseRun.advance), as child
// referrals block on starting the child. Notifications and hand-offs never hold it: they
// run beside the case and take the lock only to record their outcome.
//
// Choices: a condition that fails to evaluate counts as false (trail entry
// "condition-error"), so routing falls through to the next transition, usually the
// default; when nothing applies the case stays open, marked stalled ("stuck"). An end
// step closes the whole case, cancelling tasks still open on other branches. A task
// claimed by one worker is completed by that worker or the definition's lead role.
// Extension (Awb 4:14) is allowed once, before the deadline passes, and moves the rungs
// not yet fired along with it. Suspension (Awb 4:15) stops the clocks of suspendable
// tasks; resume moves their pending moments by exactly the stopped time. A case does
// not continue as new while it awaits a child case (the child reports to this run).
//
// The trail records each transition as an Event of the closed list in trail.go with its
// facts as arguments (ids, terms such as "3d"), never a sentence; TrailEntry.Say renders
// it from the catalogue (internal/words). A refusal carries its words.Message in the
// error's details, and a field problem its code, for the web to say in Dutch.
//
// # Where things are
//
// A step kind is one unit: kinds.go declares what a kind does at run time (stepKind:
// enter, what it holds the case at and shows, when it wakes, what blocks ending,
// continuing as new or migrating) and registers every kind; kind_<kind>.go is each
// kind's own file (kind_task.go, kind_decision.go, kind_wait.go, kind_notify.go,
// kind_referral.go, kind_parallel.go, kind_join.go, kind_end.go). The state those kinds
// work on is plain data in CaseState; each part has a small type with its methods,
// reached from the run (caseRun in workflow.go) by a field: tasks (tasks.go), clocks
// (clocks.go, terms.go, termchoice.go), stops (herstel.go), waits (kind_wait.go,
// events.go), children (children.go), handoffs (handoff.go), notes (notify.go). Around
// them: answers.go (every answer a field was given, beside the last in Data),
// facts*.go (the non-personal facts record the monitor counts, worker/monitor),
// routing.go (entering a step, routing on, getting stuck), view.go, visibility.go and
// listmemo.go (what the case shows), checks.go (guard: who may do what), updates.go
// (handlers), rescue.go, created.go and migrate.go (migration).
//
// # Adding a step kind
//
//  1. In definitions, the kind's constant, keys and checks (the definitions package
//     docs say how).
//  2. Here, a file kind_<kind>.go with a type that implements stepKind; a kind without
//     state of its own embeds stateless and writes only enter. State a kind keeps goes
//     in a new CaseState field (plain data, carried across continue-as-new), with a
//     small type for its methods when it needs more than a few lines.
//  3. One line in stepKinds (kinds.go), in the order of definitions.Kinds.
//  4. A test in steps_test.go, and a recorded history (see below) once cases run on it.
//
// kinds_test.go proves the recipe: a kind "pause", registered in the test only, holds
// a case for an hour, shows in its view and details, wakes it and is dropped by an end
// step, with no other line changed.
//
// # Determinism
//
// Workflow code must give the same commands on replay: it reads time only through
// workflow.Now, never files, the environment or randomness, and never ranges over a map
// without sorting its keys (workflow.DeterministicKeys). Conditions (CEL) and calendars
// (law.Due) are pure functions of their input.
//
// A change to this interpreter that alters the commands a running case gives (another
// activity, timer or child, in another order, or a search attribute upsert that was not
// there) breaks the replay of cases started before it. Guard such a change with
// workflow.GetVersion:
//
//	if workflow.GetVersion(ctx, "notify-on-extend", workflow.DefaultVersion, 1) == 1 {
//		c.notify(ctx, ...)
//	}
//
// and keep the old branch until no case of the old version runs. Replay tests over
// histories in testdata/histories guard this; changes that only alter state or the
// view (not commands) need no version.
//
// # Recording histories
//
// testdata/histories holds histories of cases on the shipped definitions, recorded on a
// real in-memory Temporal server (temporaltest) with fake activities: the full Dalfsen
// path with claim, opschorting, verlenging and a rejected update; a Meldcode referral
// as a child case (parent and child); a Dordrecht hand-off to a provider; a Dalfsen
// melding received as a date whose opschorting ends with the awaited task; a process with
// a term from a date chosen by a condition, a hersteltermijn and an event wait
// (terms-herstel-event).
// TestReplayHistories replays each file against the current code and fails on
// nondeterminism; TestReplayedMemos also compares every memo upsert with the recorded
// one, as replay checks that an upsert happens but not what it holds. To record them
// (the cases are in paths_test.go; add one there and in TestRecordHistories when a new
// step kind or update lands):
//
//	go test ./workflows -run TestRecordHistories -record
//
// A history that no longer replays is a running case that the change would break. Once
// cases run in production, do not re-record over old files: guard the change with
// workflow.GetVersion until it replays, and add new files beside the old ones. Before
// that, re-recording is fine. Recorded data is placeholder text, never personal data,
// as the files are committed.
//
// An example: notifications used to be awaited in place; now the case sends them and
// goes on (notify.go), guarded by workflow.GetVersion("async-notify"). The files
// before-async-notify-*.json are the histories recorded before that change and still
// replay through the old branch; the others were recorded after it. Likewise
// before-awb-terms-*.json were recorded before terms counted as the Awb and the Atw do
// (terms.go, GetVersion("awb-terms")), and before-awb-nominal-*.json under its
// version 2, before the rest after opschorting counted from a term's own end. Hand-offs
// to providers changed the same way (handoff.go, "async-handoff"):
// before-async-handoff-* still wait for the provider inside the step;
// dordrecht-handoff-retried and dordrecht-handoff-routed are a refused
// hand-off that the lead retried or routed on.
// dordrecht-migrated.json was migrated under "migrate" version 1 (a recomputed clock
// moved on by the plain duration it stood still); dordrecht-migrated-days.json under
// version 2, whole days for d, w and wd terms (migrate.go, migrateWholeDays).
// before-child-contract-dalfsen-meldcode-child.json gave its child case the whole
// data; since "child-contract" a child gets what its referral passes (referral.go).
// answers-dalfsen-full-path.json is the Dalfsen path recorded after every answer was
// kept with its step and moment (answers.go): a change of state and view only, no other
// commands, so no version; the recording guards the next change to it.
// case-clocks-dalfsen-late.json is a Dalfsen melding received seven weeks ago, recorded
// under "case-clocks" (clocks_case.go: a term from the melding runs as a case clock from
// the start, overdue at once) and "escalation-reset" (escalation.go: the level follows
// the open tasks, so it falls back when the late keukentafelgesprek is done).
// facts-dalfsen-full-path and facts-dordrecht-ggz-handoff publish the facts record as
// the memo WijkFacts (facts.go, facts_observe.go, facts_publish.go) under
// GetVersion("wijk-facts"); older files replay through its default branch.
// facts-last-events-dalfsen is the Dalfsen path recorded under "facts-last-events"
// (workflow.go): once the closed case has settled it publishes again, so a notification
// that reported into the trail after the close reaches the facts' events.
// list-memo-dalfsen is the Dalfsen path, its melding naming the resident, recorded
// under "list-memo" (listmemo.go): each task in the memo carries its escalation level,
// extension and stopped clock, and the memo MemoResident the resident's name (upserted
// again only when a form changes it), so a task list reads one visibility query. Older
// files replay through its default branch, whose memo is what it always was.
// run-versions-dalfsen is the same path recorded under "run-versions" (runversions.go):
// the run takes "terms", "case-clocks", "escalation-reset", "list-memo", "wijk-facts" and
// "facts-last-events" from one marker, so it writes one TemporalChangeVersion upsert
// instead of six (133 events where list-memo-dalfsen has 146). Every older file holds no
// such marker and asks for each version as before.
//
// # Cost
//
// bench_test.go compares the interpreter with a hand-written workflow of the same
// Dalfsen path (baseline_test.go). Measured 2026-11-25 on a 2-core shared machine:
// 80 history events per case against 85; worker CPU by replay about 1.1-1.3x the
// hand-written one (±15% run to run), whole-process CPU on a live server about 0.95x.
// What remains is decoding the input: the definition snapshot and its related
// definitions (17.5 KB of JSON, ~0.7 ms) travel with every case. Compiled conditions
// are shared per definition version (conditions.go); visibility publishes only what
// changed since it last published, and never a state a handler is still changing.
//
// A case in the worker's sticky cache costs about 31 KB of heap and the 16 KB stack of
// its coroutine (BenchmarkCachedCaseMemory). The SDK keeps a run's decoded input for
// as long as the run is cached, so CaseWorkflow takes the input by pointer and
// newCaseRun swaps the snapshots in it for the shared ones (snapshot.go) and drops the
// intake data the state holds; a copy would keep a decoded definition per case.
package workflows
