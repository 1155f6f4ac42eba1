package workflows

// CaseState is the case's whole state, carried across continue-as-new.
// (Filled in by the interpreter.)
type CaseState struct{}
