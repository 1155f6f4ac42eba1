//go:build !nodev

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wijkflow/wijkflow/internal/testutil"
)

// editFile saves file with old replaced by new, as an editor does: a temporary file
// renamed over it.
func editFile(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%q not in %s", old, file)
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

func postJSON(url, token string, body, out any) error {
	b, _ := json.Marshal(body)
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("POST %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// TestDevPublishesChangedDefinitionsAndMigrates edits a definition under a running
// `wijkflow dev`: the change is published without a restart (new cases start on it, a
// running case stays on its version), a broken change is refused with its place and the
// version stays, and `wijkflow migrate` moves the running case (dry run, then for
// real) and refuses a move that is not safe.
func TestDevPublishesChangedDefinitionsAndMigrates(t *testing.T) {
	defs := testutil.CopyShipped(t)
	file := filepath.Join(defs, "dalfsen-wijkteam.yaml")
	ports := freePorts(t, 2)
	dev := start(t, "dev", "--data-dir", t.TempDir(), "--definitions", defs, "--demo=false",
		"--temporal-port", ports[0], "--ui-port", ports[1], "--api-addr", "127.0.0.1:0")
	dev.waitOutput(t, "Ctrl-C stops")
	api := dev.apiBase(t)
	coach, lead := "demo-dalfsen-wijkcoach", "demo-dalfsen-teamleider"
	type view struct {
		ID, DefinitionVersion string
		Tasks                 []struct{ Step, Title string }
	}
	newCase := func() view {
		t.Helper()
		var v view
		intake := map[string]any{"bron": "huisarts", "veiligheidsrisico": "geen", "jeugdige_betrokken": false, "leefgebieden": []string{"zorg"}}
		if err := postJSON(api+"/cases", coach, map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "data": intake}, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	current := func() (string, error) {
		var l struct {
			Definitions []struct {
				Gemeente, Process, Version string
				Current                    bool
			}
		}
		if err := getJSON(api+"/definitions?gemeente=dalfsen", coach, &l); err != nil {
			return "", err
		}
		for _, d := range l.Definitions {
			if d.Process == "wijkteam" && d.Current {
				return d.Version, nil
			}
		}
		return "", errors.New("no current dalfsen/wijkteam")
	}
	waitCurrent := func(not string) string {
		t.Helper()
		var v string
		testutil.Soon(t, func() error {
			var err error
			if v, err = current(); err == nil && v == not {
				err = errors.New("still version " + not)
			}
			return err
		})
		return v
	}

	a := newCase()
	v1 := a.DefinitionVersion
	editFile(t, file, "title: Melding registreren en triëren", "title: Melding registreren en beoordelen")
	v2 := waitCurrent(v1)
	b := newCase()
	if b.DefinitionVersion != v2 || b.Tasks[0].Title != "Melding registreren en beoordelen" {
		t.Errorf("a new case after the edit runs %s with title %q, want %s", b.DefinitionVersion, b.Tasks[0].Title, v2)
	}
	var got view
	if err := getJSON(api+"/cases/"+a.ID, coach, &got); err != nil || got.DefinitionVersion != v1 {
		t.Errorf("the running case: %v, version %s, want %s", err, got.DefinitionVersion, v1)
	}

	// A broken save: refused, said with its place, and the version stays.
	editFile(t, file, "start: melding", "start: meldng")
	testutil.Soon(t, func() error {
		if !strings.Contains(dev.stderr.String(), "definitions not published") {
			return errors.New("no refusal logged yet")
		}
		return nil
	})
	if want := file + ":"; !strings.Contains(dev.stderr.String(), want) || !strings.Contains(dev.stderr.String(), `unknown step "meldng"`) {
		t.Errorf("the refusal does not name %s…: %s", want, dev.stderr.String())
	}
	if v, err := current(); err != nil || v != v2 {
		t.Errorf("after a broken save the current version is %s (%v), want %s", v, err, v2)
	}
	editFile(t, file, "start: meldng", "start: melding")

	migrate := func(args ...string) (string, error) {
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"migrate", "--api", api, "--token", lead, "--process", "wijkteam"}, args...), &out, &errb)
		return out.String() + errb.String(), err
	}
	out, err := migrate(a.ID, "--dry-run") // flags after the case ids too
	if err != nil || !strings.Contains(out, a.ID) || !strings.Contains(out, "would move") || !strings.Contains(out, "melding-1: clock kept") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if err := getJSON(api+"/cases/"+a.ID, coach, &got); err != nil || got.DefinitionVersion != v1 {
		t.Fatalf("after the dry run the case runs %s (%v), want %s", got.DefinitionVersion, err, v1)
	}
	if out, err = migrate(a.ID); err != nil || !strings.Contains(out, "moved") || !strings.Contains(out, "1 of 1 cases moved") {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	if err := getJSON(api+"/cases/"+a.ID, coach, &got); err != nil || got.DefinitionVersion != v2 || got.Tasks[0].Title != "Melding registreren en beoordelen" {
		t.Errorf("after the move: %v, version %s, title %q", err, got.DefinitionVersion, got.Tasks[0].Title)
	}

	// A version that hands the open task to another role: the move is refused.
	editFile(t, file, "    role: wijkcoach\n    deadline: 3wd", "    role: teamleider\n    deadline: 3wd")
	v3 := waitCurrent(v2)
	out, err = migrate(a.ID)
	var code errExit
	if !errors.As(err, &code) || code != 1 || !strings.Contains(out, "refused") || !strings.Contains(out, "the role changes from wijkcoach to teamleider") {
		t.Errorf("migrate to %s: %v\n%s", v3, err, out)
	}
	if err := getJSON(api+"/cases/"+a.ID, coach, &got); err != nil || got.DefinitionVersion != v2 {
		t.Errorf("a refused move changed the case: %v, version %s", err, got.DefinitionVersion)
	}
}
