package testutil

import (
	"bytes"
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// xesSchema is the XML Schema of IEEE 1849-2016 (XES); testdata/SCHEMAS.md names its
// source. It has no targetNamespace, so only a log whose elements are in no namespace
// is valid by it.
//
//go:embed testdata/xes-ieee-1849-2016.xsd
var xesSchema []byte

// xmllintLines is how many lines of xmllint's judgement a failure quotes: one wrong
// element repeats in every trace, and the first few say what it is.
const xmllintLines = 20

// CheckXES fails the test unless log is valid by the IEEE 1849-2016 XES schema as
// Debian's xmllint (libxml2-utils, which .ci/run installs) judges it, quoting
// xmllint's messages. Go has no XML Schema validator; a missing xmllint fails the test
// rather than skipping the check.
func CheckXES(t testing.TB, log []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatalf("xmllint is missing (Debian's libxml2-utils; .ci/run installs it): %v", err)
	}
	xsd := filepath.Join(t.TempDir(), "xes-ieee-1849-2016.xsd")
	if err := os.WriteFile(xsd, xesSchema, 0o644); err != nil {
		t.Fatalf("writing the XES schema: %v", err)
	}
	cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, "-")
	cmd.Stdin = bytes.NewReader(log)
	out, err := cmd.CombinedOutput()
	if err != nil {
		lines := strings.SplitAfter(string(out), "\n")
		if len(lines) > xmllintLines {
			lines = append(lines[:xmllintLines], "…\n")
		}
		t.Fatalf("the event log is not XES by the IEEE 1849-2016 schema (xmllint: %v):\n%s", err, strings.Join(lines, ""))
	}
}
