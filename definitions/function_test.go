package definitions

import (
	"flag"
	"strings"
	"testing"
)

var updateFunctionTable = flag.Bool("update-function-table", false, "rewrite the table of legal functions in README.md")

// The marks around the table of legal functions in README.md.
const (
	functionTableStart = "<!-- functions: generated from definitions/function.go by TestReadmeFunctionTable -->\n"
	functionTableEnd   = "<!-- end of functions -->\n"
)

// TestReadmeFunctionTable keeps the designer guide's table of legal functions equal to
// the table the validator and the schema read; run with -update-function-table to
// rewrite it.
func TestReadmeFunctionTable(t *testing.T) {
	readmeTable(t, functionTableStart, functionTableEnd, functionTable(), *updateFunctionTable,
		"go test ./definitions -run TestReadmeFunctionTable -update-function-table")
}

// functionTable renders the table of legal functions as the guide's Markdown table.
func functionTable() string {
	var b strings.Builder
	b.WriteString("| `function:` | the step is | law | needs the BSN |\n|---|---|---|---|\n")
	yes := map[bool]string{true: "yes", false: ""}
	for _, f := range Functions() {
		b.WriteString("| `" + string(f.Name) + "` | " + f.Doc + " | " + f.Law + " | " + yes[f.NeedsBSN] + " |\n")
	}
	return b.String()
}

// TestFunctionValue: a function not in the table is refused where it is written, with
// the values it may take and the one perhaps meant.
func TestFunctionValue(t *testing.T) {
	src := strings.Replace(validYAML, "    kind: task\n", "    kind: task\n    function: onderzoekk\n", 1)
	_, issues := Parse("t.yaml", []byte(src))
	if len(issues) != 1 {
		t.Fatalf("want one issue, got %q", issueLines(issues))
	}
	got := issues[0].String()
	for _, want := range []string{`.function: "onderzoekk" must be one of: melding, onderzoek,`, `meldcode-5; did you mean "onderzoek"?`} {
		if !strings.Contains(got, want) {
			t.Errorf("said %q, want %q in it", got, want)
		}
	}
}
