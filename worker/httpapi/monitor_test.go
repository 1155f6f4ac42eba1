package httpapi

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/worker/monitor"
	"github.com/wijkflow/wijkflow/workflows"
)

// monitorCase drives one dalfsen case received days ago: the melding, the
// persoonlijk plan unless its term already moved the case on, at (when set), then the
// keukentafelgesprek done with eigen kracht (close: the case closes) or left open.
func (e *env) monitorCase(daysAgo int, at func(v workflows.CaseView) workflows.CaseView, close bool) workflows.CaseView {
	e.t.Helper()
	received := time.Now().In(law.Amsterdam()).AddDate(0, 0, -daysAgo).Format(time.DateOnly)
	var v workflows.CaseView
	e.must(201, "coach", "POST", "/cases", map[string]any{"gemeente": "dalfsen", "process": "wijkteam", "received": received, "data": dalfsenIntake()}).decode(e.t, &v)
	e.must(200, "coach", "POST", completePathOf(e.t, v, "melding"), meldingData()).decode(e.t, &v)
	if daysAgo < 7 { // later, its term of 7 days has passed and moved the case on
		e.eventually("an open persoonlijk plan", func() bool {
			v = e.view("coach", v.ID)
			return slices.ContainsFunc(v.Tasks, func(t workflows.TaskView) bool { return t.Step == "persoonlijk-plan" })
		})
		e.must(200, "coach", "POST", completePathOf(e.t, v, "persoonlijk-plan"),
			map[string]any{"data": map[string]any{"persoonlijk_plan": "ontvangen"}}).decode(e.t, &v)
	}
	e.eventually("an open keukentafelgesprek", func() bool {
		v = e.view("coach", v.ID)
		return slices.ContainsFunc(v.Tasks, func(t workflows.TaskView) bool { return t.Step == "keukentafelgesprek" })
	})
	if at != nil {
		v = at(v)
	}
	if close {
		e.must(200, "coach", "POST", completePathOf(e.t, v, "keukentafelgesprek"), map[string]any{"data": map[string]any{
			"verslag": "Gesprek gevoerd.", "eigen_kracht_toereikend": true, "veiligheidsrisico": "geen", "verslag_verstrekt": true}}).decode(e.t, &v)
	}
	return v
}

// toAanvraag completes the open keukentafelgesprek without eigen kracht and the plan
// with an aanvraag received today, and returns the case at its open aanvraag.
func (e *env) toAanvraag(v workflows.CaseView) workflows.CaseView {
	e.t.Helper()
	e.must(200, "coach", "POST", completePathOf(e.t, v, "keukentafelgesprek"), map[string]any{"data": map[string]any{
		"verslag": "Gesprek gevoerd.", "eigen_kracht_toereikend": false, "veiligheidsrisico": "geen", "verslag_verstrekt": true}}).decode(e.t, &v)
	today := time.Now().In(law.Amsterdam()).Format(time.DateOnly)
	e.must(200, "coach", "POST", completePathOf(e.t, v, "plan"), map[string]any{"data": map[string]any{
		"doelen": "Zelfstandig wonen.", "evaluatiedatum": time.Now().AddDate(0, 3, 0).Format(time.DateOnly),
		"aanvraag_maatwerk": true, "aanvraag_ontvangen_op": today}}).decode(e.t, &v)
	e.eventually("an open aanvraag", func() bool {
		v = e.view("coach", v.ID)
		return slices.ContainsFunc(v.Tasks, func(t workflows.TaskView) bool { return t.Step == "aanvraag" })
	})
	return v
}

// lateBy is how many calendar days after the last day of a term of d from received
// (daysAgo) a task done today is.
func lateBy(daysAgo int, d law.Duration) int {
	now := time.Now().In(law.Amsterdam())
	y, m, dd := now.AddDate(0, 0, -daysAgo).Date()
	due := law.Due("nl", time.Date(y, m, dd, 0, 0, 0, 0, law.Amsterdam()), d)
	last, _ := time.ParseInLocation(time.DateOnly, law.LastDay(due), law.Amsterdam())
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, law.Amsterdam())
	return int(today.Sub(last).Hours()+12) / 24
}

// TestMonitorCountsDrivenCases drives five cases with known receipt dates on the real
// server and asserts the monitor's figures, the CSV and the event logs exactly.
func TestMonitorCountsDrivenCases(t *testing.T) {
	e := newEnv(t)
	e.api.monitor.MaxAge = time.Nanosecond // each read lists again
	onTime := e.monitorCase(0, nil, true)
	late := e.monitorCase(50, nil, true) // every term of the path passed
	// Awb 4:14 and 4:15 govern the beslistermijn on the aanvraag, not the onderzoek: the
	// extended and the suspended case go on to the aanvraag, where the wmo-consulent
	// extends or suspends it; both stay open.
	extended := e.monitorCase(0, func(v workflows.CaseView) workflows.CaseView {
		v = e.toAanvraag(v)
		e.must(200, "wmo", "POST", "/cases/"+v.ID+"/extend", map[string]any{"taskId": task(t, v, "aanvraag").ID, "reason": "complex", "by": "2w"}).decode(t, &v)
		return v
	}, false)
	suspended := e.monitorCase(0, func(v workflows.CaseView) workflows.CaseView {
		v = e.toAanvraag(v)
		e.must(200, "wmo", "POST", "/cases/"+v.ID+"/suspend", map[string]any{"reason": "wacht op stukken"})
		e.must(200, "wmo", "POST", "/cases/"+v.ID+"/resume", map[string]any{}).decode(t, &v)
		return v
	}, false)
	// Received 40 days ago: the six weeks end in two days (at risk), the norm of three
	// weeks has passed.
	atRisk := e.monitorCase(40, nil, false)

	from := time.Now().In(law.Amsterdam()).AddDate(0, 0, -60).Format(time.DateOnly)
	var f struct {
		monitor.Figures
		Sections []monitor.Section `json:"sections"`
	}
	want := fmt.Sprintf("open 3 closed 2 without 0 | doorloop n2 0/50/50 | "+
		"wet Wmo 2015 art. 2.3.2 lid 1 met 3 missed 1 (by %d) late 0 risk 1 susp 0 ext 0 | "+
		"wet Wmo 2015 art. 2.3.2 lid 2 met 3 missed 2 (by %d) late 0 risk 0 susp 0 ext 0 | "+
		"wet Wmo 2015 art. 2.3.5 met 0 missed 0 (by 0) late 0 risk 0 susp 0 ext 1 | "+
		"intern melding met 5 missed 0 (by 0) late 0 risk 0 susp 0 ext 0 | "+
		"intern plan met 2 missed 0 (by 0) late 0 risk 0 susp 0 ext 0 | "+
		"norm keukentafelgesprek met 3 missed 1 (by %d) late 1 risk 0 susp 0 ext 0 | "+
		"suspensions 1x1 0d | extensions 1 | escalations [{1 1}] stalls 1 stuck 0 | results [eigen_kracht 2] | "+
		"teams [dalfsen 3/3] roles [wijkcoach 1 wmo_consulent 2]",
		lateBy(50, law.Duration{N: 6, Unit: law.Week}), lateBy(50, law.Duration{N: 7, Unit: law.Day}),
		lateBy(50, law.Duration{N: 3, Unit: law.Week}))
	var got string
	e.eventually("the figures of the driven cases", func() bool {
		e.must(200, "lead", "GET", "/monitor?from="+from, nil).decode(t, &f)
		if s := summary(f.Figures); s != got {
			got = s
			if got != want {
				t.Logf("figures now:\n%s\nwant:\n%s", got, want)
			}
		}
		return got == want
	})

	// The persoonlijk plan of the late cases: 50 and 40 days ago.
	if d := f.Terms[1].MissedDays; d.N != 2 || d.P95 != lateBy(50, law.Duration{N: 7, Unit: law.Day}) || d.Median != lateBy(40, law.Duration{N: 7, Unit: law.Day}) {
		t.Errorf("persoonlijk plan missed by %+v", d)
	}
	// Every figure lists its cases.
	for key, ids := range map[string][]string{
		f.Terms[0].AtRisk.Key: {atRisk.ID},
		f.Suspensions.Key:     {suspended.ID},
		f.Extensions.Key:      {extended.ID},
		f.Terms[0].Missed.Key: {late.ID},
		f.Doorlooptijd.Key:    {onTime.ID, late.ID},
		f.Escalations[0].Key:  {late.ID},
	} {
		var ans struct{ Cases []string }
		e.must(200, "lead", "GET", "/monitor?from="+from+"&figure="+url.QueryEscape(key), nil).decode(t, &ans)
		slices.Sort(ans.Cases)
		slices.Sort(ids)
		if !slices.Equal(ans.Cases, ids) {
			t.Errorf("cases of %s = %v, want %v", key, ans.Cases, ids)
		}
	}
	// CSV: a header and a row per figure of the sections.
	r := e.must(200, "lead", "GET", "/monitor?format=csv&from="+from, nil)
	rows := bytes.Count(r.body, []byte("\n"))
	n := 1
	for _, s := range f.Sections {
		n += len(s.Rows)
	}
	if rows != n || !bytes.HasPrefix(r.body, []byte("onderdeel,cijfer,aantal")) {
		t.Errorf("csv has %d lines, want %d:\n%s", rows, n, r.body)
	}
	// Only a lead or beheerder, only their own gemeente.
	e.must(403, "coach", "GET", "/monitor", nil)
	e.must(403, "lead", "GET", "/monitor?gemeente=dordrecht", nil)

	checkEventLog(t, e, from, onTime, late)
}

// checkEventLog checks the OCEL log of the closed cases against the OCEL 2.0 schema and
// the XES log against the IEEE 1849 schema, and counts their events and objects against
// the cases' trails.
func checkEventLog(t *testing.T, e *env, from string, closed ...workflows.CaseView) {
	// A notification may report into a trail after its case closed; the case publishes
	// its events again then, so wait until visibility shows the last of them.
	var r, x reply
	testutil.Eventually(t, time.Minute, func() error {
		events, tasks := 0, map[string]bool{}
		for _, v := range closed {
			v = e.view("lead", v.ID)
			events += len(v.Trail)
			for _, tr := range v.Trail {
				if tr.Task != "" {
					tasks[v.ID+"/"+tr.Task] = true
				}
			}
		}
		r = e.must(200, "lead", "GET", "/eventlog?from="+from, nil)
		x = e.must(200, "lead", "GET", "/eventlog?format=xes&from="+from, nil)
		var log struct {
			Events  []struct{ Type string }
			Objects []struct{ Type string }
		}
		r.decode(t, &log)
		types := map[string]int{}
		for _, o := range log.Objects {
			types[o.Type]++
		}
		got := fmt.Sprintf("OCEL %d events, %d cases, %d tasks; XES %d traces, %d events", len(log.Events), types["case"], types["task"],
			bytes.Count(x.body, []byte("<trace>")), bytes.Count(x.body, []byte("<event>")))
		want := fmt.Sprintf("OCEL %d events, %d cases, %d tasks; XES %d traces, %d events", events, len(closed), len(tasks), len(closed), events)
		if got != want {
			return fmt.Errorf("%s; want %s", got, want)
		}
		return nil
	})
	testutil.CheckOCEL(t, r.body)
	testutil.CheckXES(t, x.body)
	for _, personal := range []string{"Gesprek gevoerd", "u-coach", "wacht op stukken", "complex"} {
		if bytes.Contains(r.body, []byte(personal)) || bytes.Contains(x.body, []byte(personal)) {
			t.Errorf("the event log holds %q", personal)
		}
	}
}

// summary writes the figures the test asserts in one comparable line.
func summary(f monitor.Figures) string {
	s := fmt.Sprintf("open %d closed %d without %d | doorloop n%d %d/%d/%d | ", f.Open.N, f.Closed.N, f.WithoutFacts.N,
		f.Doorlooptijd.N, f.Doorlooptijd.Median, f.Doorlooptijd.P80, f.Doorlooptijd.P95)
	for _, r := range f.Terms {
		name := r.Article
		if name == "" {
			name = r.Step
		}
		s += fmt.Sprintf("%s %s met %d missed %d (by %d) late %d risk %d susp %d ext %d | ", r.Kind, name, r.Met.N, r.Missed.N,
			r.MissedDays.P95, r.OpenLate.N, r.AtRisk.N, r.Suspended.N, r.Extended.N)
	}
	var esc, res, teams, roles []string
	for _, x := range f.Escalations {
		esc = append(esc, fmt.Sprintf("{%d %d}", x.Level, x.N))
	}
	for _, x := range f.Results {
		res = append(res, fmt.Sprintf("%s %d", x.Result, x.N))
	}
	for _, x := range f.Teams {
		teams = append(teams, fmt.Sprintf("%s %d/%d", x.Team, x.Cases.N, x.Tasks.N))
	}
	for _, x := range f.Roles {
		roles = append(roles, fmt.Sprintf("%s %d", x.Role, x.Tasks.N))
	}
	return s + fmt.Sprintf("suspensions %dx%d %dd | extensions %d | escalations %v stalls %d stuck %d | results %v | teams %v roles %v",
		f.Suspensions.N, f.Suspensions.Count, f.Suspensions.Days, f.Extensions.N, esc, f.Stalls.N, f.Stuck.N, res, teams, roles)
}

// XES is XML, which the spec check does not read: it checks the status and the type.
func init() { openapi3filter.RegisterBodyDecoder("application/xml", openapi3filter.FileBodyDecoder) }
