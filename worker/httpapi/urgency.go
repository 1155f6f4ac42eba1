package httpapi

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/worker/caselist"
)

// urgent is one task a caller may list (the i-th of case c's), with what orders it by
// urgency; small, as a team's list holds thousands.
type urgent struct {
	c   *caselist.Case
	i   int
	key UrgencyKey
}

// UrgencyKey orders tasks the most urgent first: past their term, then by deadline
// (tasks without one last), then the longest open, then by case and task id. The web's
// lists order their rows by it too (NewUrgencyKey, Compare).
type UrgencyKey struct {
	late     bool
	deadline int64 // Unix nanoseconds; math.MaxInt64 without a deadline
	opened   int64
	caseID   string
	taskID   string
}

// NewUrgencyKey is the key of a task: late is past its term, deadline nil for none.
func NewUrgencyKey(late bool, deadline *time.Time, opened time.Time, caseID, taskID string) UrgencyKey {
	k := UrgencyKey{late: late, deadline: math.MaxInt64, opened: opened.UnixNano(), caseID: caseID, taskID: taskID}
	if deadline != nil {
		k.deadline = deadline.UnixNano()
	}
	return k
}

// Compare is negative when k is the more urgent, positive when o is.
func (k UrgencyKey) Compare(o UrgencyKey) int {
	if k.late != o.late {
		if k.late {
			return -1
		}
		return 1
	}
	return cmp.Or(cmp.Compare(k.deadline, o.deadline), cmp.Compare(k.opened, o.opened),
		strings.Compare(k.caseID, o.caseID), strings.Compare(k.taskID, o.taskID))
}

// token is the page token of a page that ends with k: 'u', the flag, both times, and
// the ids.
func (k UrgencyKey) token() []byte {
	b := []byte{'u', 0}
	if k.late {
		b[1] = 1
	}
	b = binary.BigEndian.AppendUint64(b, uint64(k.deadline))
	b = binary.BigEndian.AppendUint64(b, uint64(k.opened))
	return append(append(append(b, k.caseID...), 0), k.taskID...)
}

// urgencyAfter reads a page token of UrgencyKey.token; none is the first page.
func urgencyAfter(token []byte) (*UrgencyKey, error) {
	if len(token) == 0 {
		return nil, nil
	}
	var caseID, taskID []byte
	ok := len(token) >= 19 && token[0] == 'u' && token[1] <= 1
	if ok {
		caseID, taskID, ok = bytes.Cut(token[18:], []byte{0})
	}
	if !ok {
		return nil, errorf(http.StatusBadRequest, "pageToken is not a token of this order; pass nextPageToken unchanged, with the same order")
	}
	return &UrgencyKey{late: token[1] == 1, deadline: int64(binary.BigEndian.Uint64(token[2:10])),
		opened: int64(binary.BigEndian.Uint64(token[10:18])), caseID: string(caseID), taskID: string(taskID)}, nil
}

// listByUrgency answers GET /tasks?order=urgency: every task the caller may list among
// the gemeente's open cases, the most urgent first, pageSize tasks a page. The order is
// worked out once per shared list and caller (caselist.List.Memo: a team's list holds
// thousands of tasks, its ten readers share one list for seconds) and at most a minute
// old, for a term that runs out meanwhile; a page ends at a task's key, so the next one
// begins after it however the list changed in between.
func (a *api) listByUrgency(w http.ResponseWriter, r *http.Request, u *auth.User, p page, mine bool) error {
	after, err := urgencyAfter(p.token)
	if err != nil {
		return err
	}
	l, err := a.cases.Open(r.Context(), u.Gemeente)
	if err != nil {
		return err
	}
	now := time.Now()
	minute := now.Truncate(time.Minute)
	key := fmt.Sprintf("urgency\x00%s\x00%t\x00%d", u.ID, mine, minute.Unix())
	all := l.Memo(key, func() any { return a.byUrgency(l, u, mine, minute) }).([]urgent)
	if after != nil {
		i, found := slices.BinarySearchFunc(all, *after, func(x urgent, k UrgencyKey) int { return x.key.Compare(k) })
		if found {
			i++
		}
		all = all[i:]
	}
	out := TaskList{Tasks: []TaskItem{}}
	if len(all) > p.size {
		all = all[:p.size]
		out.NextPageToken = encodeToken(all[len(all)-1].key.token())
	}
	forms := map[string]map[string]definitions.Form{} // per case, for versions not in memory
	for _, x := range all {
		f := forms[x.c.ID]
		out.Tasks = append(out.Tasks, a.item(r.Context(), x.c, x.c.Tasks()[x.i], a.defs().ByVersion(x.c.Version), now, &f))
		forms[x.c.ID] = f
		a.gemeenten.put(x.c.ID, x.c.Gemeente)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// byUrgency is every task of l that u may list, the most urgent at now first.
func (a *api) byUrgency(l *caselist.List, u *auth.User, mine bool, now time.Time) []urgent {
	anyLead := a.isLead(u)
	all := make([]urgent, 0, len(l.Cases))
	for _, c := range l.Cases {
		if !u.InTeam(c.Team) {
			continue
		}
		lead := leadOf(u, a.defs().ByVersion(c.Version), anyLead)
		for i, t := range c.Tasks() {
			if !mayList(u, t, lead, mine) {
				continue
			}
			all = append(all, urgent{c: c, i: i, key: NewUrgencyKey(overdue(c, t, now), t.Deadline, t.Opened, c.ID, t.ID)})
		}
	}
	slices.SortFunc(all, func(x, y urgent) int { return x.key.Compare(y.key) })
	return all
}
