package workflows

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/workflow"

	"github.com/wijkflow/wijkflow/definitions"
)

// The interpreter against a hand-written workflow of the same Dalfsen path (baseline_test.go):
//
//	go test ./workflows -run '^$' -bench DalfsenPath -benchtime 20x
//
// BenchmarkDalfsenPath runs whole cases on a real in-memory server and reports history
// events per case and the process's CPU per case (server, worker and client together, as
// they share the process). BenchmarkDalfsenPathReplay replays one recorded case of each:
// that is the worker's own CPU for the workflow code, without server or network.

// benchSetup loads the definition and starts a server with both workflows.
func benchSetup(b *testing.B) (*liveServer, definitions.Definition, []definitions.Definition) {
	b.Helper()
	own, related := shipped(b, "dalfsen", "wijkteam")
	return startLive(b, hwForms(own)), own, related
}

// benchCases are the two ways to run the path, by sub-benchmark name.
func benchCases(own definitions.Definition, related []definitions.Definition) map[string]func(id string) liveCase {
	return map[string]func(id string) liveCase{
		"interpreter": func(id string) liveCase { return dalfsenCase(id, own, related) },
		"handwritten": func(id string) liveCase { return dalfsenHandwritten(id, own) },
	}
}

func BenchmarkDalfsenPath(b *testing.B) {
	live, own, related := benchSetup(b)
	cases := benchCases(own, related)
	seq := 0
	for _, name := range []string{"interpreter", "handwritten"} {
		b.Run(name, func(b *testing.B) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			events := 0
			var counting int64 // CPU spent counting events, not running the case
			cpu := benchCPU()
			b.ResetTimer()
			for range b.N {
				seq++
				lc := cases[name](fmt.Sprintf("bench-%s-%d", name, seq))
				runID, err := lc.run(ctx, live.c)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				c0 := benchCPU()
				n, err := liveEventCount(ctx, live.c, lc.opts.ID, runID)
				if err != nil {
					b.Fatal(err)
				}
				events += n
				counting += benchCPU() - c0
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(events)/float64(b.N), "events/case")
			b.ReportMetric(float64(benchCPU()-cpu-counting)/float64(b.N)/1e6, "cpu-ms/case")
		})
	}
}

func BenchmarkDalfsenPathReplay(b *testing.B) {
	live, own, related := benchSetup(b)
	cases := benchCases(own, related)
	names := []string{"interpreter", "handwritten"}
	hists := map[string]*historypb.History{}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, name := range names {
		lc := cases[name]("replay-" + name)
		runID, err := lc.run(ctx, live.c)
		if err != nil {
			b.Fatal(err)
		}
		hist := &historypb.History{}
		it := live.c.GetWorkflowHistory(ctx, lc.opts.ID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		for it.HasNext() {
			ev, err := it.Next()
			if err != nil {
				b.Fatal(err)
			}
			hist.Events = append(hist.Events, ev)
		}
		hists[name] = hist
	}
	live.stop() // its background work would count as the replay's CPU
	forms := hwForms(own)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			r := newReplayer(b)
			r.RegisterWorkflowWithOptions((&hwWorkflow{forms: forms}).run, workflow.RegisterOptions{Name: hwName})
			b.ResetTimer()
			cpu := benchCPU()
			for range b.N {
				if err := r.ReplayWorkflowHistory(replayLogger(), hists[name]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(benchCPU()-cpu)/float64(b.N)/1e3, "cpu-µs/case")
			b.ReportMetric(float64(len(hists[name].Events)), "events/case")
		})
	}
}

// benchCPU is the process's user and system CPU time so far, in nanoseconds.
func benchCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// hwForms maps a definition's step ids to their forms, for the baseline.
func hwForms(d definitions.Definition) map[string]definitions.Form {
	forms := map[string]definitions.Form{}
	for _, s := range d.Steps {
		forms[s.ID] = s.Form
	}
	return forms
}
