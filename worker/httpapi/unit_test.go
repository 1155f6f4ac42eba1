package httpapi

import (
	"testing"
	"time"
)

func TestParseReceived(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in, want, msg string
	}{
		{"", "0001-01-01T00:00:00Z", ""},
		{"2026-11-20", "2026-11-20T00:00:00+01:00", ""},
		{"2026-11-25T12:00:30Z", "2026-11-25T12:00:30Z", ""}, // within the minute of skew
		{"2026-11-25T09:30:00+01:00", "2026-11-25T09:30:00+01:00", ""},
		{"2026-11-26", "", "lies in the future; a melding is registered after it came in"},
		{"2026-11-25T12:05:00Z", "", "lies in the future; a melding is registered after it came in"},
		{"25-11-2026", "", `"25-11-2026" is not a date or time; write 2026-11-25 or 2026-11-25T09:30:00+01:00`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, m := parseReceived(tc.in, now)
			msg := m.String()
			if msg != tc.msg {
				t.Fatalf("message %q, want %q", msg, tc.msg)
			}
			if msg == "" && got.Format(time.RFC3339) != tc.want {
				t.Errorf("got %s, want %s", got.Format(time.RFC3339), tc.want)
			}
		})
	}
}

func TestQuery(t *testing.T) {
	q := caseQuery(`dal"fsen`)
	q.anyOf("WijkTeam", []string{"a", `b\`})
	q.anyOf("WijkRoles", nil)
	q.raw(`ExecutionStatus = "Running"`)
	want := `WorkflowType = "CaseWorkflow" AND WijkGemeente = "dal\"fsen" AND (WijkTeam = "a" OR WijkTeam = "b\\") AND (WijkRoles = "") AND ExecutionStatus = "Running"`
	if q.String() != want {
		t.Errorf("got\n%s\nwant\n%s", q, want)
	}
}

func TestCaseIDs(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		id := newCaseID()
		if !caseIDRE.MatchString(id) || len(id) != len("case-")+26 || seen[id] {
			t.Fatalf("bad or repeated id %q", id)
		}
		seen[id] = true
	}
	for _, id := range []string{"case-abc.meldcode-bij-melding", "case-x"} {
		if !caseIDRE.MatchString(id) {
			t.Errorf("%q rejected", id)
		}
	}
	for _, id := range []string{"wf-1", "case-", "case-A", "case-a/b", "case-a b"} {
		if caseIDRE.MatchString(id) {
			t.Errorf("%q accepted", id)
		}
	}
}
