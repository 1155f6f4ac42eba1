package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/worker/httpapi"
)

// migrateAnswer is the task API's answer to POST /migrations.
type migrateAnswer struct {
	DryRun   bool   `json:"dryRun"`
	To       string `json:"to"`
	Migrated int    `json:"migrated"`
	Cases    []struct {
		CaseID   string `json:"caseId"`
		From     string `json:"from"`
		OK       bool   `json:"ok"`
		Migrated bool   `json:"migrated"`
		Reason   string `json:"reason"`
		Tasks    []struct {
			Task        string     `json:"task"`
			Clock       string     `json:"clock"`
			Deadline    *time.Time `json:"deadline"`
			NewDeadline *time.Time `json:"newDeadline"`
		} `json:"tasks"`
	} `json:"cases"`
	Error  string `json:"error"`
	Errors []struct {
		Field, Message string
	} `json:"errors"`
}

// runMigrate asks the task API (as a beheerder or lead) to move cases, and prints one
// line per case: what happens (or would, with --dry-run) to each open task's clock, or
// why the case cannot move. Exit 1 when any case is (or would be) refused.
func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("migrate", "usage: wijkflow migrate --process ID [--from VERSION | CASE...] [--to VERSION] [--dry-run]\n\nMoves open cases to another version of their process when that is safe; prints one\nline per case. `wijkflow validate` and GET /definitions show the versions.\n\nflags:", stderr)
	api := fs.String("api", envOr("WIJKFLOW_API", "http://localhost:8080/api/v1"), "`URL` of the task API [WIJKFLOW_API]")
	token := fs.String("token", os.Getenv("WIJKFLOW_TOKEN"), "bearer `token` of a beheerder or teamleider [WIJKFLOW_TOKEN]")
	process := fs.String("process", "", "process `id` of the cases (required)")
	from := fs.String("from", "", "move every open case on this `version` (instead of naming cases)")
	to := fs.String("to", "", "target `version` (default: the current one)")
	dryRun := fs.Bool("dry-run", false, "say per case what would happen; change nothing")
	// Case ids and flags may come in any order: wijkflow migrate CASE --dry-run.
	ids, err := parseInterleaved(fs, args, nil)
	if err != nil {
		return exitCode(err)
	}
	if *process == "" || (*from == "" && len(ids) == 0) || *token == "" {
		fmt.Fprintln(stderr, "wijkflow migrate: --process, --token and either --from or case ids are required")
		fs.Usage()
		return errExit(2)
	}
	body := map[string]any{"process": *process, "from": *from, "to": *to, "cases": ids, "dryRun": *dryRun}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	req, err := httpapi.NewRequest(ctx, http.MethodPost, strings.TrimRight(*api, "/")+"/migrations", *token, body)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("task API: %w", err)
	}
	defer resp.Body.Close()
	var ans migrateAnswer
	if err := json.NewDecoder(io.LimitReader(resp.Body, 16<<20)).Decode(&ans); err != nil {
		return fmt.Errorf("task API answered %s: %w", resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "wijkflow migrate: %s: %s\n", resp.Status, ans.Error)
		for _, e := range ans.Errors {
			fmt.Fprintf(stderr, "  %s: %s\n", e.Field, e.Message)
		}
		return errExit(1)
	}
	return printMigration(stdout, ans)
}

// printMigration prints the table of a migration answer.
func printMigration(w io.Writer, ans migrateAnswer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tFROM\tRESULT\tDETAIL")
	refused := 0
	for _, c := range ans.Cases {
		result := "would move"
		switch {
		case !c.OK:
			result, refused = "refused", refused+1
		case c.Reason != "": // already on the target version
			result = "unchanged"
		case c.Migrated:
			result = "moved"
		case !ans.DryRun:
			result = "not moved"
		}
		detail := c.Reason
		if c.OK && c.Reason == "" {
			var parts []string
			for _, t := range c.Tasks {
				parts = append(parts, fmt.Sprintf("%s: clock %s%s", t.Task, t.Clock, deadlineChange(t.Deadline, t.NewDeadline)))
			}
			detail = strings.Join(parts, "; ")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.CaseID, short(c.From), result, detail)
	}
	tw.Flush()
	verb := "moved"
	if ans.DryRun {
		verb = "would move"
	}
	fmt.Fprintf(w, "%d of %d cases %s to %s; %d refused\n", countOK(ans), len(ans.Cases), verb, ans.To, refused)
	if refused > 0 {
		return errExit(1)
	}
	return nil
}

func countOK(ans migrateAnswer) int {
	n := 0
	for _, c := range ans.Cases {
		if c.OK && c.Reason == "" {
			n++
		}
	}
	return n
}

// deadlineChange renders ", deadline 2026-03-17 → 2026-03-24" when a deadline moves.
func deadlineChange(old, new *time.Time) string {
	day := func(t *time.Time) string {
		if t == nil {
			return "none"
		}
		return t.In(law.Amsterdam()).Format("2006-01-02 15:04")
	}
	if (old == nil && new == nil) || (old != nil && new != nil && old.Equal(*new)) {
		return ""
	}
	return ", deadline " + day(old) + " → " + day(new)
}

// short abbreviates a version hash for the table.
func short(v string) string {
	if len(v) > 15 {
		return v[:15]
	}
	return v
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
