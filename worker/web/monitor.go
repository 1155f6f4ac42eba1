package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/wijkflow/wijkflow/worker/monitor"
)

// monitorAnswer is what the page reads of GET /api/v1/monitor.
type monitorAnswer struct {
	Gemeente string            `json:"gemeente"`
	Sections []monitor.Section `json:"sections"`
}

// chartBar is one bar of a section's chart, drawn on the server.
type chartBar struct {
	Label    string
	N, Width int
	Y        int
}

// chartSection is a section with its bars and the chart's height.
type chartSection struct {
	monitor.Section
	Bars   []chartBar
	Height int
	// Hrefs are, per row, the list of cases behind its figure.
	Hrefs []string
}

type monitorData struct {
	Sections      []chartSection
	From, To      string
	Process, Team string
	CSV, OCEL     string
}

// monitorFilters are the filters the page passes on to the API.
var monitorFilters = []string{"process", "team", "from", "to"}

// monitorPage shows the effects figures (issue 17) to a teamleider or beheerder: per
// section a bar chart drawn as SVG with the same figures in a table, each figure a
// link to the cases behind it.
func (a *app) monitorPage(w http.ResponseWriter, r *http.Request, rq *request) {
	q := url.Values{}
	for _, k := range monitorFilters {
		if v := r.URL.Query().Get(k); v != "" {
			q.Set(k, v)
		}
	}
	var ans monitorAnswer
	if err := a.call(r.Context(), rq.sess.Token, "GET", "/monitor", q, nil, "", &ans); err != nil {
		a.apiFailure(w, r, rq, err)
		return
	}
	d := monitorData{From: q.Get("from"), To: q.Get("to"), Process: q.Get("process"), Team: q.Get("team")}
	csv := url.Values{"format": {"csv"}}
	xes := url.Values{}
	for k, v := range q {
		csv[k], xes[k] = v, v
	}
	d.CSV, d.OCEL = "/api/v1/monitor?"+csv.Encode(), "/api/v1/eventlog?"+xes.Encode()
	for _, s := range ans.Sections {
		c := chart(s)
		for _, row := range s.Rows {
			fq := url.Values{"figure": {row.Key}}
			for k, v := range q {
				fq[k] = v
			}
			c.Hrefs = append(c.Hrefs, "/monitor/zaken?"+fq.Encode())
		}
		d.Sections = append(d.Sections, c)
	}
	a.render(w, http.StatusOK, "monitor", rq, page{Title: "Monitor: hoe doen we het?", Nav: "monitor", Data: d})
}

// chart lays out a section's bars: a row of 34 pixels, its label above its bar, the
// widest bar 600 pixels.
func chart(s monitor.Section) chartSection {
	c := chartSection{Section: s}
	most := 1
	for _, r := range s.Rows {
		most = max(most, value(s, r))
	}
	for i, r := range s.Rows {
		c.Bars = append(c.Bars, chartBar{Label: r.Label, N: value(s, r), Width: value(s, r) * 600 / most, Y: i * 34})
	}
	c.Height = max(len(s.Rows)*34, 34)
	return c
}

// value is what a row's bar shows: the median of a duration, else the count.
func value(s monitor.Section, r monitor.Row) int {
	if s.Spread {
		return r.Median
	}
	return r.N
}

// monitorCases lists the cases behind one figure of the monitor, each a link to its
// case page.
func (a *app) monitorCases(w http.ResponseWriter, r *http.Request, rq *request) {
	q := url.Values{}
	for _, k := range append(monitorFilters, "figure") {
		if v := r.URL.Query().Get(k); v != "" {
			q.Set(k, v)
		}
	}
	var ans struct {
		Figure string   `json:"figure"`
		Cases  []string `json:"cases"`
	}
	if err := a.call(r.Context(), rq.sess.Token, "GET", "/monitor", q, nil, "", &ans); err != nil {
		a.apiFailure(w, r, rq, err)
		return
	}
	q.Del("figure")
	a.render(w, http.StatusOK, "monitorcases", rq, page{Title: "Zaken achter het cijfer (" + strconv.Itoa(len(ans.Cases)) + ")", Nav: "monitor",
		Data: map[string]any{"Figure": ans.Figure, "Cases": ans.Cases, "Back": "/monitor?" + q.Encode()}})
}
