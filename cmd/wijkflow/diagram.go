package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/wijkflow/wijkflow/definitions"
)

const diagramUsage = "usage: wijkflow diagram FILE\n\nPrints the process in FILE as a Mermaid flowchart (paste it into mermaid.live or a\nMarkdown file between ```mermaid fences)."

// runDiagram prints one definition file as a Mermaid flowchart on stdout. A broken file
// gets its problems on stderr and no diagram: stdout is often redirected into a Markdown
// file, which must not receive half a chart.
func runDiagram(files []string, stdout, stderr io.Writer) error {
	file := files[0]
	src, err := os.ReadFile(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already at the start of the line
		}
		fmt.Fprintf(stderr, "%s: cannot read: %v\n", file, err)
		return errExit(1)
	}
	def, issues := definitions.Parse(file, src)
	for _, i := range issues {
		fmt.Fprintln(stderr, i.String())
	}
	if issues.Err() != nil || def == nil {
		return errExit(1)
	}
	fmt.Fprint(stdout, definitions.Mermaid(def))
	return nil
}
