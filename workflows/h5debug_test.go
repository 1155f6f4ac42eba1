//go:build h5wip && h5debug

package workflows

import (
	"context"
	"fmt"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
)

func TestH5DebugEvents(t *testing.T) {
	own, related := liveShipped(t, "dalfsen", "wijkteam")
	live := startLive(t, formsOf(own))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, lc := range []liveCase{dalfsenCase("dbg-i", own, related), dalfsenHandwritten("dbg-h", own)} {
		runID, err := lc.run(ctx, live.c)
		if err != nil {
			t.Fatal(err)
		}
		it := live.c.GetWorkflowHistory(ctx, lc.opts.ID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		out := ""
		for it.HasNext() {
			ev, _ := it.Next()
			out += fmt.Sprintf("%d %s\n", ev.EventId, ev.EventType)
		}
		t.Logf("%s\n%s", lc.workflow, out)
	}
}
