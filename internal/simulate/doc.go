// Package simulate rehearses a process definition on sample cases before it is
// published: each case runs through the real case workflow in the SDK's test
// environment, with time skipped, while a driver answers its tasks as a scenarios file
// says (which answer, how long after the task opened). The report says per case the
// path taken, each deadline and whether it was met, the escalations that fired and how
// the case ended: in Dutch, one block per case no wider than 100 columns (dutch.go), or
// as one row per case in English for scripts (report.go); two versions of a definition compared on the same scenarios show what
// a change does before any real case meets it.
//
// A scenarios file lives beside the definitions, in definitions/scenarios/ under the
// definition's file name (the loader does not read subfolders):
//
//	cases:
//	  - name: eigen kracht volstaat
//	    team: dalfsen                       # default: the first team
//	    intake: {bron: huisarts, veiligheidsrisico: geen}
//	    answers:                            # in order per step
//	      - {step: melding, after: 1d, data: {urgentie: regulier}}
//	      - {process: veilig-thuis, step: signalen, after: 2d, data: {…}}   # a child case
//	      - {event: reactie-veilig-thuis, after: 3w, data: {…}}            # from outside
//	      - {step: keukentafelgesprek, after: 1w, suspend: 2w}              # opschorting
//	    expect: afgerond-eigen-kracht       # the end step it must reach (optional)
//	    until: 104w                         # stop a case that has not ended (default)
package simulate
