// Package monitor computes the effects figures of issue 17 (doorlooptijden, legal
// terms met and missed, opschortingen and verlengingen, escalations, referrals,
// results, the weekly trend and the workload now) from Temporal visibility alone.
//
// Each case publishes a non-personal facts record, the memo workflows.MemoFacts
// (workflows/facts.go), unencrypted by construction (crypt.Public). The monitor lists
// a gemeente's cases with ListWorkflowExecutions, open and closed, with their memos
// (Source, ~10 pages of 1,000 for 12,000 cases), and counts (Compute). Nothing is
// decrypted, nothing is stored beside Temporal, so the figures are the same after a
// restart and on every worker, and closed cases count for as long as the namespace's
// retention keeps them. Cases without a facts record (started before it was
// published) count only in what visibility itself says: open or closed, start and
// close time; Figures.WithoutFacts says how many.
//
// Every figure carries a key (Figure.Key); CasesOf lists the cases behind a key, for
// the web's list of cases behind a figure. EventLog writes the trail events of closed
// cases as OCEL 2.0 JSON or XES, streamed page by page.
package monitor
