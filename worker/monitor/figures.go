package monitor

import (
	"time"

	"github.com/wijkflow/wijkflow/workflows"
)

// Figure is one number with the key of the list of cases behind it (CasesOf).
type Figure struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// Spread is how long something took, in calendar days: how many, median, 80th and
// 95th percentile (nearest rank).
type Spread struct {
	Key    string `json:"key"`
	N      int    `json:"n"`
	Median int    `json:"median"`
	P80    int    `json:"p80"`
	P95    int    `json:"p95"`
}

// Figures are the monitor's figures for a gemeente (and process, team) and a period.
// Closed cases count when they closed in the period; open cases always (workload,
// terms at risk).
type Figures struct {
	Gemeente string    `json:"gemeente"`
	Process  string    `json:"process,omitempty"`
	Team     string    `json:"team,omitempty"`
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Now      time.Time `json:"now"`

	Open   Figure `json:"open"`
	Closed Figure `json:"closed"`
	// WithoutFacts are cases that publish no facts record (started before it was
	// kept): they count in Open, Closed and Weeks only.
	WithoutFacts Figure `json:"withoutFacts"`

	// Doorlooptijd is from the receipt (received) to the close, per closed case.
	Doorlooptijd Spread       `json:"doorlooptijd"`
	Steps        []StepSpread `json:"steps"`
	Terms        []TermRow    `json:"terms"`
	Suspensions  Stretch      `json:"suspensions"`
	Extensions   Figure       `json:"extensions"`
	Escalations  []Rung       `json:"escalations"`
	Stalls       Figure       `json:"stalls"`
	Stuck        Figure       `json:"stuck"`
	Referrals    []Referral   `json:"referrals"`
	Results      []Result     `json:"results"`
	Weeks        []Week       `json:"weeks"`
	Teams        []TeamLoad   `json:"teams"`
	Roles        []RoleLoad   `json:"roles"`
	Oldest       *OldestTask  `json:"oldestTask,omitempty"`
}

// StepSpread is the time spent in one step of closed cases, per visit.
type StepSpread struct {
	Step string `json:"step"`
	Spread
}

// Term kinds of TermRow.Kind: the facts record's own.
const (
	KindLegal    = string(workflows.TermLegal)
	KindInternal = string(workflows.TermInternal)
	KindNorm     = string(workflows.TermNorm)
)

// TermRow is one term: a cited article (kind "wet"), or all internal terms or service
// norms of a step (kind "intern", "norm").
type TermRow struct {
	Kind    string `json:"kind"`
	Article string `json:"article,omitempty"`
	Step    string `json:"step,omitempty"`
	// Met and Missed count terms ended in the period; MissedDays is by how many
	// calendar days the missed ones were late.
	Met        Figure `json:"met"`
	Missed     Figure `json:"missed"`
	MissedDays Spread `json:"missedDays"`
	// OpenLate are open terms already past; AtRisk open terms that end within
	// RiskDays working days.
	OpenLate Figure `json:"openLate"`
	AtRisk   Figure `json:"atRisk"`
	// Suspended and Extended count the terms whose clock stood still or was extended.
	Suspended Figure `json:"suspended"`
	Extended  Figure `json:"extended"`
}

// RiskDays is how many working days before its end an open term counts as at risk.
const RiskDays = 5

// Stretch counts cases with something, how often and how many calendar days.
type Stretch struct {
	Figure
	Count int `json:"count"`
	Days  int `json:"days"`
}

// Rung is how many escalations reached an escalation level.
type Rung struct {
	Level int `json:"level"`
	Figure
}

// Referral counts referrals to a process or provider with one outcome.
type Referral struct {
	Kind     string `json:"kind"`
	Provider string `json:"provider"`
	Outcome  string `json:"outcome"`
	Figure
}

// Result counts closed cases by how they ended.
type Result struct {
	Result string `json:"result"`
	Figure
}

// Week counts cases received and closed in an ISO week ("2026-W49").
type Week struct {
	Week   string `json:"week"`
	Opened Figure `json:"opened"`
	Closed Figure `json:"closed"`
}

// TeamLoad is the open cases and tasks of a team now.
type TeamLoad struct {
	Team  string `json:"team"`
	Cases Figure `json:"cases"`
	Tasks Figure `json:"tasks"`
}

// RoleLoad is the open tasks for a role now.
type RoleLoad struct {
	Role  string `json:"role"`
	Tasks Figure `json:"tasks"`
}

// OldestTask is the open task that waits longest.
type OldestTask struct {
	Case   string    `json:"case"`
	Task   string    `json:"task"`
	Step   string    `json:"step"`
	Opened time.Time `json:"opened"`
	Days   int       `json:"days"`
}
