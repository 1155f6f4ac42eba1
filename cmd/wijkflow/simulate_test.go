package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wijkflow/wijkflow/internal/simulate"
)

// TestSimulateCommand rehearses a shipped definition on its scenarios: the Dutch report
// by default, the table and JSON on request; then compares it with an older version
// whose keukentafelgesprek term was eight weeks instead of six.
func TestSimulateCommand(t *testing.T) {
	var out, errb bytes.Buffer
	file := "../../definitions/dalfsen-wijkteam.yaml"
	if err := run(context.Background(), []string{"simulate", file}, &out, &errb); err != nil {
		t.Fatalf("simulate: %v\n%s%s", err, out.String(), errb.String())
	}
	for _, want := range []string{
		"keukentafelgesprek te laat\n  Pad:\n    melding → persoonlijk-plan → keukentafelgesprek → afgerond-eigen-kracht\n",
		"    keukentafelgesprek-1: te laat, 10 dagen (uiterlijk 13 april 2026)\n",
		"    +28 dagen: herinnering aan wijkcoach (keukentafelgesprek-1)\n",
		"    +42 dagen: opgeschaald naar teamleider (keukentafelgesprek-1)\n",
		"  Einde:\n    eigen_kracht bij afgerond-eigen-kracht, na 51 dagen\n",
		"hoog veiligheidsrisico, Meldcode › veilig-thuis\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if n := utf8.RuneCountInString(line); n > simulate.Width {
			t.Errorf("%d columns: %q", n, line)
		}
	}

	out.Reset()
	if err := run(context.Background(), []string{"simulate", "--format", "json", file}, &out, &errb); err != nil {
		t.Fatalf("simulate --format json: %v\n%s", err, out.String())
	}
	var blocks []struct {
		Case  string   `json:"case"`
		Path  []string `json:"path"`
		Terms []string `json:"terms"`
		Notes []string `json:"notes"`
		End   string   `json:"end"`
	}
	if err := json.Unmarshal(out.Bytes(), &blocks); err != nil || len(blocks) != 15 {
		t.Fatalf("json: %v, %d cases:\n%s", err, len(blocks), out.String())
	}
	if b := blocks[1]; b.Case != "keukentafelgesprek te laat" || len(b.Path) != 4 || len(b.Terms) != 3 ||
		b.Notes[0] != "+28 dagen: herinnering aan wijkcoach (keukentafelgesprek-1)" || b.End != "eigen_kracht bij afgerond-eigen-kracht, na 51 dagen" {
		t.Errorf("json case = %+v", b)
	}

	out.Reset()
	if err := run(context.Background(), []string{"simulate", "--format", "table", file}, &out, &errb); err != nil {
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
	old := strings.Replace(string(src), `within: 6w, from: case, law: "Wmo 2015 art. 2.3.2 lid 1"`, "within: 8w, from: case", 1)
	if old == string(src) {
		t.Fatal("the keukentafelgesprek term is no longer written as within: 6w citing Wmo 2015 art. 2.3.2 lid 1; update the test")
	}
	oldFile := filepath.Join(t.TempDir(), "oud.yaml")
	if err := os.WriteFile(oldFile, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	// The comparison in Dutch (the default) and as the English table.
	for _, c := range []struct {
		format string
		want   []string
	}{
		{"", []string{"Vergeleken met " + oldFile, "keukentafelgesprek te laat, verschil in termijnen:", "proefgevallen verschillen"}},
		{"table", []string{"compared with " + oldFile, "keukentafelgesprek te laat deadlines", "cases differ"}},
	} {
		args := []string{"simulate", "--compare", oldFile, file}
		if c.format != "" {
			args = append(args, "--format", c.format)
		}
		out.Reset()
		if err := run(context.Background(), args, &out, &errb); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out.String())
		}
		flat = strings.Join(strings.Fields(out.String()), " ")
		for _, w := range c.want {
			if !strings.Contains(flat, w) {
				t.Errorf("%v lacks %q:\n%s", args, w, out.String())
			}
		}
	}
	out.Reset()
	errb.Reset()
	err = run(context.Background(), []string{"simulate", "--format", "html", file}, &out, &errb)
	var usage errExit
	if !errors.As(err, &usage) || usage != 2 || !strings.Contains(errb.String(), "use table or json") {
		t.Errorf("--format html: %v\n%s", err, errb.String())
	}

	out.Reset()
	err = run(context.Background(), []string{"simulate", file, "--scenarios", filepath.Join(t.TempDir(), "geen.yaml")}, &out, &errb)
	var code errExit
	if !errors.As(err, &code) || code != 1 || !strings.Contains(out.String(), "geen.yaml: cannot read") {
		t.Errorf("missing scenarios: %v\n%s", err, out.String())
	}
}
