package yamldoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndentationScannerAcceptsValidYAML: the scanner that places syntax errors finds
// nothing in files that parse, so it never moves a message onto a line that is fine.
// It reads every YAML file of the repository that a person writes by hand.
func TestIndentationScannerAcceptsValidYAML(t *testing.T) {
	var files []string
	for _, pattern := range []string{
		"../../definitions/*.yaml", "../../definitions/testdata/broken/*.yaml",
		"../../definitions/scenarios/*.yaml", "../../worker/auth/testdata/*.yaml",
	} {
		more, _ := filepath.Glob(pattern)
		files = append(files, more...)
	}
	srcs := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = b
	}
	srcs["compact lists and block scalars"] = []byte("a:\n- b: 1\n  c: |\n    tekst\n      ingesprongen\n- d\ne:\n  f: >-\n    x\n  g: [1,\n      2]\n")
	srcs["anchors and tags before a block"] = []byte("form: &intake\n  naam:\n    type: text\nmeer: !!map\n  a: 1\nlijst:\n- &eerste\n  b: 2\nweer: *intake\n")
	n := 0
	for name, src := range srcs {
		doc := New()
		if doc.Read(src, Kind{Name: "file"}); hasYAMLError(doc.Problems) {
			continue // a broken file on purpose
		}
		n++
		if p, msg, ok := indentationProblem(src); ok {
			t.Errorf("%s:%d:%d: the scanner misjudged a valid file: %s", name, p.Line, p.Col, msg)
		}
	}
	if n < 8 {
		t.Fatalf("only %d valid files scanned", n)
	}
}

func hasYAMLError(ps []Problem) bool {
	for _, p := range ps {
		if strings.HasPrefix(p.Message, "invalid YAML") {
			return true
		}
	}
	return false
}
