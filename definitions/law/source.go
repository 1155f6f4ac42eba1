package law

import _ "embed" // for DurationSource

// DurationSource is the Go source of duration.go: the JSON Schema of the definition
// format takes the description of a term from its doc comments (definitions.Schema).
//
//go:embed duration.go
var DurationSource string
