package definitions

import (
	"os"
	"path/filepath"
	"testing"
)

// TestIndentationScannerAcceptsValidYAML: the scanner that places syntax errors finds
// nothing in files that parse, so it never moves a message onto a line that is fine.
func TestIndentationScannerAcceptsValidYAML(t *testing.T) {
	files, _ := filepath.Glob("*.yaml")
	more, _ := filepath.Glob("testdata/broken/*.yaml")
	files = append(files, more...)
	srcs := map[string][]byte{"validYAML": []byte(validYAML), "richYAML": []byte(richYAML)}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = b
	}
	srcs["compact lists and block scalars"] = []byte("a:\n- b: 1\n  c: |\n    tekst\n      ingesprongen\n- d\ne:\n  f: >-\n    x\n  g: [1,\n      2]\n")
	n := 0
	for name, src := range srcs {
		if _, issues := Parse(name, src); hasYAMLError(issues) {
			continue // a broken file on purpose
		}
		n++
		if p, m, ok := indentationProblem(src); ok {
			t.Errorf("%s:%d:%d: the scanner misjudged a valid file: %s", name, p.line, p.col, m)
		}
	}
	if n < 8 {
		t.Fatalf("only %d valid files scanned", n)
	}
}

func hasYAMLError(is Issues) bool {
	for _, i := range is {
		if len(i.Message) > 12 && i.Message[:12] == "invalid YAML" {
			return true
		}
	}
	return false
}
