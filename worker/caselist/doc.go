// Package caselist keeps, per gemeente, the list of its running cases as Temporal's
// visibility lists them — search attributes and memo — for the lists that show many
// cases at once: the task API's GET /tasks, the web app's task lists and the
// teamleider's overview.
//
// Why one shared list instead of a visibility query per request: Temporal's stock
// frontend.namespaceRPS.visibility allows ten visibility calls a second per namespace,
// for every worker, user and the Temporal Web UI together. A query per page view (and a
// case query per listed case) made the lists slow and the namespace throttle at a few
// hundred open cases. Here one scan (ListWorkflowExecutions, 1,000 cases a page) serves
// every list of a gemeente until the next one, so the lists cost the same at 10 or 10,000
// users and answer from memory.
//
// How fresh: a list younger than its refresh interval serves as it is; an older one
// still serves at once while a new scan runs in the background (stale-while-revalidate),
// unless it is older than the maximum age, when the caller waits for the new scan. The
// interval grows with the list — one second per page of the last scan, at least
// Options.Fresh — so a worker spends on average at most about one visibility call a second on
// lists, whatever the number of cases (README "Lists and visibility"). What this process
// changed itself (a create, a completion, a claim) it knows at once: Changed lays the case's
// new state over the list until a scan newer than the change holds it, so a worker never
// sees a task it just completed, and always the next one.
//
// Memos are decrypted when a list first reads them, and once per scan: a team's list
// decrypts only the cases of its teams.
package caselist
