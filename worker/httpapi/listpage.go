package httpapi

import (
	"encoding/binary"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/wijkflow/wijkflow/worker/caselist"
)

// position is where a page of a shared list ends: the last case it showed, by start
// time and id (the list's order). The next page begins after it, however the list
// changed in between: a case that closed is simply gone, a new one is on page one.
type position struct {
	started time.Time
	id      string
}

// positionOf is the page token of the page that ends with case c.
func positionOf(c *caselist.Case) []byte {
	b := binary.BigEndian.AppendUint64([]byte{'p'}, uint64(c.Started.UnixNano()))
	return append(b, c.ID...)
}

// listPosition reads a page token of positionOf; none is the first page.
func listPosition(token []byte) (*position, error) {
	if len(token) == 0 {
		return nil, nil
	}
	if len(token) < 10 || token[0] != 'p' {
		return nil, errorf(http.StatusBadRequest, "pageToken is not a token of this list; pass nextPageToken unchanged")
	}
	return &position{started: time.Unix(0, int64(binary.BigEndian.Uint64(token[1:9]))), id: string(token[9:])}, nil
}

// index is the first case of cases after p (cases newest first).
func (p *position) index(cases []*caselist.Case) int {
	if p == nil {
		return 0
	}
	i, found := slices.BinarySearchFunc(cases, p, func(c *caselist.Case, p *position) int {
		if d := p.started.Compare(c.Started); d != 0 {
			return d
		}
		return strings.Compare(c.ID, p.id)
	})
	if found {
		i++
	}
	return i
}
