package monitor

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// Period is what the figures cover: a gemeente (required), a process and team (empty:
// all), and the days [From, To) in which closed cases closed and cases came in.
type Period struct {
	Gemeente, Process, Team string
	From, To                time.Time
	// Calendar is the working-day calendar of the terms at risk ("nl" when empty).
	Calendar string
}

// Counted is the figures with the cases behind each figure's key.
type Counted struct {
	Figures Figures
	cases   map[string][]string
}

// CasesOf lists the cases behind a figure's key, in the order counted.
func (c *Counted) CasesOf(key string) []string { return c.cases[key] }

// Compute counts the figures of cases (as Source lists them) at now.
func Compute(p Period, cases []Case, now time.Time) *Counted {
	cal := p.Calendar
	if cal == "" {
		cal = "nl"
	}
	t := newTally()
	var oldest *OldestTask
	for _, c := range cases {
		if p.Team != "" && c.Team != p.Team || p.Process != "" && c.Process != p.Process {
			continue
		}
		open := c.Close.IsZero()
		closedIn := !open && in(p, c.Close)
		if !open && !closedIn {
			if received(c).Before(p.To) && !received(c).Before(p.From) {
				t.add("week:"+isoWeek(received(c))+":opened", c.ID)
			}
			continue
		}
		if open {
			t.add("open", c.ID)
		} else {
			t.add("closed", c.ID)
			t.add("week:"+isoWeek(c.Close)+":closed", c.ID)
		}
		if in(p, received(c)) {
			t.add("week:"+isoWeek(received(c))+":opened", c.ID)
		}
		f := c.Facts
		if f == nil {
			t.add("without-facts", c.ID)
			continue
		}
		if closedIn {
			countClosed(t, c.ID, f)
		}
		countTerms(t, p, cal, c.ID, f, now)
		countEvents(t, c.ID, f)
		if open {
			oldest = countLoad(t, c, f, now, oldest)
		}
	}
	if oldest != nil {
		t.add("oldest", oldest.Case)
	}
	return &Counted{Figures: figures(p, t, now, oldest), cases: t.cases}
}

// received is when the melding came in: the facts' receipt, else the start.
func received(c Case) time.Time {
	if c.Facts != nil && !c.Facts.Received.IsZero() {
		return c.Facts.Received
	}
	return c.Start
}

func in(p Period, t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

// countClosed counts a closed case: its doorlooptijd, time per step, result.
func countClosed(t *tally, id string, f *workflows.Facts) {
	t.took("doorlooptijd", id, days(f.Received, f.Closed))
	t.add("result:"+string(f.Result), id)
	for _, s := range f.Steps {
		if !s.Left.IsZero() {
			t.took("step:"+string(s.Step), id, days(s.Entered, s.Left))
		}
	}
}

// termKey is the row a term counts in: its article, or its kind and step.
func termKey(tf workflows.TermFact) string {
	if tf.Kind == workflows.TermLegal {
		return "term:wet:" + string(tf.Article)
	}
	return "term:" + string(tf.Kind) + ":" + string(tf.Step)
}

// countTerms counts the terms that ended in the period (met, missed and by how much)
// and the open ones (past, at risk).
func countTerms(t *tally, p Period, cal, id string, f *workflows.Facts, now time.Time) {
	for _, tf := range f.Terms {
		k := termKey(tf)
		switch {
		case tf.Ended.IsZero() && !f.Closed.IsZero():
			continue // a term of a case closed without it (never happens)
		case tf.Ended.IsZero() && !now.Before(tf.Due):
			t.add(k+":open-late", id)
		case tf.Ended.IsZero():
			if workingDaysLeft(cal, now, tf.Due) <= RiskDays {
				t.add(k+":at-risk", id)
			} else {
				t.n[k+":at-risk"] += 0 // the row shows, with nothing at risk
			}
		case !in(p, tf.Ended):
			continue
		case tf.Ended.After(tf.Due):
			t.took(k+":missed", id, days(lastDay(tf.Due), tf.Ended))
		default:
			t.add(k+":met", id)
		}
		if tf.SuspendedDays > 0 {
			t.add(k+":suspended", id)
		}
		if tf.Extended {
			t.add(k+":extended", id)
		}
	}
}

// countEvents counts opschortingen, verlengingen, escalations, stalls, referrals.
func countEvents(t *tally, id string, f *workflows.Facts) {
	if f.Suspensions > 0 {
		t.add("suspensions", id)
		t.n["suspensions:count"] += f.Suspensions
		t.n["suspensions:days"] += f.SuspendedDays
	}
	for i := 0; i < f.Extensions; i++ {
		t.add("extensions", id)
	}
	for lvl, n := range f.Escalations {
		for range n {
			t.add("escalation:"+strconv.Itoa(lvl+1), id)
		}
	}
	for range f.Stalls {
		t.add("stalls", id)
	}
	for range f.Stuck {
		t.add("stuck", id)
	}
	for _, r := range f.Referrals {
		out := string(r.Outcome)
		if out == "" {
			out = "lopend"
		}
		t.add("referral:"+string(r.Kind)+":"+string(r.Provider)+":"+out, id)
	}
}

// countLoad counts an open case and its tasks by team and role, and keeps the oldest task.
func countLoad(t *tally, c Case, f *workflows.Facts, now time.Time, oldest *OldestTask) *OldestTask {
	team := string(f.Team)
	t.add("team:"+team+":cases", c.ID)
	for _, task := range f.Tasks {
		t.add("team:"+team+":tasks", c.ID)
		for _, r := range task.Roles {
			t.add("role:"+string(r)+":tasks", c.ID)
		}
		if oldest == nil || task.Opened.Before(oldest.Opened) {
			oldest = &OldestTask{Case: c.ID, Task: string(task.Task), Step: string(task.Step), Opened: task.Opened, Days: days(task.Opened, now)}
		}
	}
	return oldest
}

// figures builds the figures from the tally.
func figures(p Period, t *tally, now time.Time, oldest *OldestTask) Figures {
	f := Figures{Gemeente: p.Gemeente, Process: p.Process, Team: p.Team, From: p.From, To: p.To, Now: now,
		Open: t.fig("open"), Closed: t.fig("closed"), WithoutFacts: t.fig("without-facts"),
		Doorlooptijd: t.spread("doorlooptijd"), Extensions: t.fig("extensions"),
		Stalls: t.fig("stalls"), Stuck: t.fig("stuck"), Oldest: oldest,
		Suspensions: Stretch{Figure: t.fig("suspensions"), Count: t.n["suspensions:count"], Days: t.n["suspensions:days"]},
	}
	for _, k := range t.keysWith("step:") {
		f.Steps = append(f.Steps, StepSpread{Step: strings.TrimPrefix(k, "step:"), Spread: t.spread(k)})
	}
	f.Terms = termRows(t)
	for _, k := range t.keysWith("escalation:") {
		lvl, _ := strconv.Atoi(strings.TrimPrefix(k, "escalation:"))
		f.Escalations = append(f.Escalations, Rung{Level: lvl, Figure: t.fig(k)})
	}
	for _, k := range t.keysWith("referral:") {
		parts := strings.SplitN(strings.TrimPrefix(k, "referral:"), ":", 3)
		f.Referrals = append(f.Referrals, Referral{Kind: parts[0], Provider: parts[1], Outcome: parts[2], Figure: t.fig(k)})
	}
	for _, k := range t.keysWith("result:") {
		f.Results = append(f.Results, Result{Result: strings.TrimPrefix(k, "result:"), Figure: t.fig(k)})
	}
	f.Weeks = weeks(p, t)
	for _, k := range t.keysWith("team:") {
		if team, ok := strings.CutSuffix(strings.TrimPrefix(k, "team:"), ":cases"); ok {
			f.Teams = append(f.Teams, TeamLoad{Team: team, Cases: t.fig(k), Tasks: t.fig("team:" + team + ":tasks")})
		}
	}
	for _, k := range t.keysWith("role:") {
		f.Roles = append(f.Roles, RoleLoad{Role: strings.TrimSuffix(strings.TrimPrefix(k, "role:"), ":tasks"), Tasks: t.fig(k)})
	}
	return f
}

// termRows are the terms: the legal ones first, by article, then internal terms and
// norms by step.
func termRows(t *tally) []TermRow {
	seen := map[string]bool{}
	var rows []TermRow
	for _, k := range t.keysWith("term:") {
		row := k[:strings.LastIndex(k, ":")]
		if seen[row] {
			continue
		}
		seen[row] = true
		kind, rest, _ := strings.Cut(strings.TrimPrefix(row, "term:"), ":")
		r := TermRow{Kind: kind, Met: t.fig(row + ":met"), Missed: t.fig(row + ":missed"), MissedDays: t.spread(row + ":missed"),
			OpenLate: t.fig(row + ":open-late"), AtRisk: t.fig(row + ":at-risk"),
			Suspended: t.fig(row + ":suspended"), Extended: t.fig(row + ":extended")}
		if kind == KindLegal {
			r.Article = rest
		} else {
			r.Step = rest
		}
		rows = append(rows, r)
	}
	order := map[string]int{KindLegal: 0, KindInternal: 1, KindNorm: 2}
	slices.SortStableFunc(rows, func(a, b TermRow) int { return order[a.Kind] - order[b.Kind] })
	return rows
}

// weeks are the ISO weeks of the period with cases received and closed in each.
func weeks(p Period, t *tally) []Week {
	var out []Week
	last := ""
	for d := p.From; d.Before(p.To); d = d.AddDate(0, 0, 1) {
		if w := isoWeek(d); w != last {
			last = w
			out = append(out, Week{Week: w, Opened: t.fig("week:" + w + ":opened"), Closed: t.fig("week:" + w + ":closed")})
		}
		if len(out) > 120 { // a period of more than two years shows its first 120 weeks
			break
		}
	}
	return out
}
