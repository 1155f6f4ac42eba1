package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSimulateCommand rehearses a shipped definition on its scenarios, then compares it
// with an older version whose keukentafelgesprek term was eight weeks instead of six.
func TestSimulateCommand(t *testing.T) {
	var out, errb bytes.Buffer
	file := "../../definitions/dalfsen-wijkteam.yaml"
	if err := run(context.Background(), []string{"simulate", file}, &out, &errb); err != nil {
		t.Fatalf("simulate: %v\n%s%s", err, out.String(), errb.String())
	}
	flat := strings.Join(strings.Fields(out.String()), " ")
	for _, want := range []string{
		"CASE PATH DEADLINES ESCALATIONS END",
		"eigen kracht volstaat melding → persoonlijk-plan → keukentafelgesprek → afgerond-eigen-kracht",
		"keukentafelgesprek-1 missed",
		"+42d keukentafelgesprek-1 escalated to teamleider",
		"hoog veiligheidsrisico, Meldcode › veilig-thuis signalen → direct-melden → gemeld",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// An older version with a longer term of its own (citing no article: a statutory
	// term cited with another length does not validate).
	old := strings.Replace(string(src), `within: 6w, from: case, law: "Wmo 2015 art. 2.3.2"`, "within: 8w, from: case", 1)
	if old == string(src) {
		t.Fatal("the keukentafelgesprek term is no longer written as within: 6w citing Wmo 2015 art. 2.3.2; update the test")
	}
	oldFile := filepath.Join(t.TempDir(), "oud.yaml")
	if err := os.WriteFile(oldFile, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"simulate", "--compare", oldFile, file}, &out, &errb); err != nil {
		t.Fatalf("simulate --compare: %v\n%s", err, out.String())
	}
	flat = strings.Join(strings.Fields(out.String()), " ")
	if !strings.Contains(flat, "compared with "+oldFile) || !strings.Contains(flat, "keukentafelgesprek te laat deadlines") ||
		!strings.Contains(flat, "cases differ") {
		t.Errorf("comparison:\n%s", out.String())
	}

	out.Reset()
	err = run(context.Background(), []string{"simulate", file, "--scenarios", filepath.Join(t.TempDir(), "geen.yaml")}, &out, &errb)
	var code errExit
	if !errors.As(err, &code) || code != 1 || !strings.Contains(out.String(), "geen.yaml: cannot read") {
		t.Errorf("missing scenarios: %v\n%s", err, out.String())
	}
}
