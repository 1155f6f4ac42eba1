package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/internal/testutil"
	"github.com/wijkflow/wijkflow/workflows"
)

// BenchmarkListsAtScale measures the lists a team works from among many open cases, on
// the cluster (PostgreSQL, Temporal with its stock dynamic config, so
// frontend.namespaceRPS.visibility is 10, two workers) and on `wijkflow dev`, one after
// the other (WIJKFLOW_BENCH_ON=cluster or dev measures one of them). Each topology
// first gets WIJKFLOW_BENCH_OPEN open cases of testdorp/vier (default 10,000) through
// the task API, half in team noord and half in zuid, a third one task further and some
// claimed by the coach; seeding is logged and reported
// (seed-cases/s), not timed. Then four lists are read through HTTP only, as a user's
// client does, each listRequests times by one user reloading (paced: reloadEvery) and
// listRequests times by listUsers users at once: the coach's GET /api/v1/tasks
// (tasks-…) and ?assignee=me (mine-…), the web team list /taken?lijst=team
// (teamlist-…) and the teamleider's overview /overzicht (overview-…), as p50/p95/max in
// ms; teamlist-short-pages counts team lists that showed fewer tasks than the others (a
// case that did not answer in time is left out). After the lists it reports each
// process's resident memory and the RESOURCE_EXHAUSTED of the whole run: lines of
// Temporal's log (resource-exhausted: rejected polls; Temporal logs a rejected
// visibility call only with system.logAllReqErrors) and the SDK's count of rejected
// calls in the workers' GET /metrics (resource-exhausted-sdk). Any 5xx of a list fails
// it; every series is logged too, as a failed benchmark prints no metrics. Run:
//
//	WIJKFLOW_BENCH_OPEN=10000 go test ./internal/cluster -run '^$' -bench ListsAtScale -benchtime 1x -timeout 90m
//
// Each series stops after seriesBudget (with a tenth of its reads at least), so a run
// at 10,000 takes under an hour; WIJKFLOW_BENCH_OPEN=300 is a quick check of the
// benchmark itself (12 minutes on 2 shared cores). Seeding runs once per topology,
// whatever b.N.
func BenchmarkListsAtScale(b *testing.B) {
	open := testutil.BenchOpen(b, 10000, 10)

	on := os.Getenv("WIJKFLOW_BENCH_ON") // "cluster" or "dev" measures only that one
	if on != "" && on != "cluster" && on != "dev" {
		b.Fatalf(`WIJKFLOW_BENCH_ON=%q: want "cluster", "dev" or nothing for both`, on)
	}
	if on != "dev" {
		measureCluster(b, open)
	}
	if on != "cluster" {
		dev := startDev(b)
		local := scaleTarget{urls: []string{dev.URL}, pids: map[string]int{"dev": dev.Pid()},
			temporalLog: filepath.Join(dev.dir, "temporal.log")}
		local.open, local.seeded = open, seedOpen(b, "dev", local.urls, open)
		b.Run("dev", func(b *testing.B) { measureLists(b, local) })
	}
}

// measureCluster seeds and measures the production topology, and stops it.
func measureCluster(b *testing.B, open int) {
	c := startCluster(b)
	cluster := scaleTarget{urls: []string{c.Workers[0].URL, c.Workers[1].URL}, pids: c.Pids(),
		temporalLog: filepath.Join(c.Temporal.dir, "temporal.log")}
	cluster.open, cluster.seeded = open, seedOpen(b, "cluster", cluster.urls, open)
	b.Run("cluster", func(b *testing.B) { measureLists(b, cluster) })
	c.Stop() // a list that failed is a finding: dev is measured all the same
}

// scaleTarget is one seeded topology: its workers' URLs, its processes and the file its
// Temporal server logs to.
type scaleTarget struct {
	urls        []string
	pids        map[string]int
	temporalLog string
	open        int     // cases seeded
	seeded      float64 // cases/s
}

const (
	// seedInFlight is how many cases the seeding drives at once.
	seedInFlight = 32
	// listRequests is how many times each list is read, in each of the two series.
	listRequests = 200
	// listUsers read at once in the second series, each as fast as answered.
	listUsers = 10
	// reloadEvery paces the one user's reads, a reload at most every 200 ms: faster, the
	// series would measure Temporal's namespace limit on visibility calls (10 a second,
	// stock) rather than the list: at 60 reads a second one in ten waits ~450 ms for the
	// SDK's retry after RESOURCE_EXHAUSTED (p95 470 ms where p50 is 15 ms).
	reloadEvery = 200 * time.Millisecond
	// seriesBudget bounds a series: a list of seconds stops there after a tenth of its
	// requests, so a slow overview does not hold the run for half an hour.
	seriesBudget = 3 * time.Minute
)

// seedOpen starts n open cases through the task API of the workers at urls, spread over
// them in turn: even ones in team noord (by its coach), odd ones in zuid (by the
// teamleider, the user of both teams); every third has its first task completed, and
// every tenth of noord's has its open task claimed by the coach, so "mijn taken" lists
// some. Every call has its Idempotency-Key and is sent again on no answer, a 202 or a
// 5xx. It returns the cases per second.
func seedOpen(b *testing.B, name string, urls []string, n int) float64 {
	coach, leider := newAPIClient(coachToken, urls...), newAPIClient(leaderToken, urls...)
	coach.anyServerError, leider.anyServerError = true, true
	run := strconv.FormatInt(time.Now().UnixNano(), 36) // keys of this run only
	next := make(chan int)
	var done atomic.Int64
	var mu sync.Mutex
	var failed error
	start := time.Now()
	var wg sync.WaitGroup
	for range seedInFlight {
		wg.Go(func() {
			for i := range next {
				if err := seedCase(coach, leider, fmt.Sprintf("scale-%s-%d", run, i), i); err != nil {
					mu.Lock()
					failed = errors.Join(failed, err)
					mu.Unlock()
					continue
				}
				if d := done.Add(1); d%1000 == 0 {
					el := time.Since(start)
					b.Logf("%s: %d of %d open cases in %s (%.1f cases/s)", name, d, n, el.Round(time.Second), float64(d)/el.Seconds())
				}
			}
		})
	}
	for i := range n {
		mu.Lock()
		stop := failed != nil
		mu.Unlock()
		if stop {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if failed != nil {
		b.Fatalf("%s: seeding: %v", name, failed)
	}
	el := time.Since(start)
	rate := float64(n) / el.Seconds()
	b.Logf("%s: seeded %d open cases in %s: %.1f cases/s, %.0f s per 1,000; %d requests sent again, %d answered 202",
		name, n, el.Round(time.Second), rate, 1000/rate, coach.retries.Load()+leider.retries.Load(), coach.slow.Load()+leider.slow.Load())
	return rate
}

// seedCase makes open case i under key as seedOpen says.
func seedCase(coach, leider *apiClient, key string, i int) error {
	api, team := coach, "noord"
	if i%2 == 1 {
		api, team = leider, "zuid"
	}
	v, err := api.createIn(key, team)
	if err == nil && i%3 == 0 {
		v, err = api.complete(v, 0, key+"-0")
	}
	if err == nil && i%10 == 4 { // even: noord's
		err = coach.claim(v, key+"-claim")
	}
	return err
}

// claim assigns the case's first open task to the caller.
func (c *apiClient) claim(v workflows.CaseView, key string) error {
	if len(v.Tasks) == 0 {
		return fmt.Errorf("case %s has no open task to claim: %v", v.ID, v.ActiveSteps)
	}
	return c.do("POST", "/cases/"+v.ID+"/tasks/"+v.Tasks[0].ID+"/claim", key, map[string]any{}, http.StatusOK, nil)
}

// listPage is one list as a user's client reads it: get answers the status and body
// from the worker at base; check says what is wrong with a 200's body; rows, when set,
// counts the tasks a page shows.
type listPage struct {
	name  string
	get   func(base string) (int, []byte, error)
	check func(body []byte) error
	rows  func(body []byte) int
}

// measureLists reads the lists of a seeded topology and reports the figures of
// BenchmarkListsAtScale; only the reads are timed.
func measureLists(b *testing.B, t scaleTarget) {
	coach := newAPIClient(coachToken, t.urls...)
	apiList := func(path string) func(string) (int, []byte, error) {
		return func(base string) (int, []byte, error) { return coach.once(base, "GET", path, "", nil) }
	}
	coachWeb, err := signIn(t.urls[0], coachToken)
	if err != nil {
		b.Fatal(err)
	}
	leadWeb, err := signIn(t.urls[0], leaderToken)
	if err != nil {
		b.Fatal(err)
	}
	pages := []listPage{
		{"tasks", apiList("/tasks"), someTasks, nil},
		{"mine", apiList("/tasks?assignee=me"), someTasks, nil},
		{"teamlist", webPage(coachWeb, "/taken?lijst=team"), contains(`<table class="tasks">`), taskRows},
		{"overview", webPage(leadWeb, "/overzicht"), countsOpen(t.open), nil},
	}
	// Visibility follows the cases a moment later: wait until the claims are listed.
	mine := pages[1]
	if err := waitFor(context.Background(), 2*time.Minute, "the coach's claimed tasks listed", func() error {
		status, body, err := mine.get(t.urls[0])
		if err == nil && status != http.StatusOK {
			err = fmt.Errorf("%d %.200s", status, body)
		}
		if err == nil {
			err = mine.check(body)
		}
		return err
	}); err != nil {
		b.Fatal(err)
	}

	b.ResetTimer()
	var bad []string
	for _, p := range pages {
		for _, users := range []int{1, listUsers} {
			lat, wrong, s5xx, short := readSeries(p, t.urls, users)
			bad = append(bad, wrong...)
			name := p.name
			if users > 1 {
				name += "-" + strconv.Itoa(users) + "users"
			}
			p50, p95, most := ms(percentile(lat, 50)), ms(percentile(lat, 95)), ms(percentile(lat, 100))
			// Logged as well: a failed benchmark prints no metrics.
			shortPages := ""
			if p.rows != nil {
				shortPages = fmt.Sprintf("; %d pages short of tasks", short)
			}
			b.Logf("%s: %d reads, p50 %.1f ms, p95 %.1f ms, max %.0f ms; %d failed, %d of them 5xx%s",
				name, len(lat), p50, p95, most, len(wrong), s5xx, shortPages)
			b.ReportMetric(p50, name+"-p50-ms")
			b.ReportMetric(p95, name+"-p95-ms")
			// The slowest read: a list served from a short cache (the overview's scan)
			// pays its cost in few reads, under the p95.
			b.ReportMetric(most, name+"-max-ms")
			if p.rows != nil {
				b.ReportMetric(float64(short), name+"-short-pages")
			}
		}
	}
	b.StopTimer()

	b.ReportMetric(t.seeded, "seed-cases/s")
	var mem []string
	for name, pid := range t.pids {
		unit, mb := "-rss-MB", statusField(pid, "VmRSS")/1024
		if name == "postgres" { // its backends share its buffers: their own memory
			unit, mb = "-anon-MB", anonMemory(pid)
		}
		b.ReportMetric(mb, name+unit)
		mem = append(mem, fmt.Sprintf("%s %.0f MB", name, mb))
	}
	logged := logLines(t.temporalLog, "RESOURCE_EXHAUSTED", "namespace rate limit")
	sdk := sdkResourceExhausted(b, t.urls)
	b.ReportMetric(float64(logged), "resource-exhausted")
	b.ReportMetric(sdk, "resource-exhausted-sdk")
	slices.Sort(mem)
	b.Logf("memory after the lists: %s; RESOURCE_EXHAUSTED: %d lines in Temporal's log, %.0f calls by the SDK's count",
		strings.Join(mem, ", "), logged, sdk)
	if len(bad) > 0 {
		b.Errorf("%d list requests failed, e.g.:\n%s", len(bad), strings.Join(bad[:min(5, len(bad))], "\n"))
	}
}

// readSeries reads p listRequests times over users at once, each user's reads one after
// the other (one user's paced by reloadEvery) and spread over the workers in turn. It returns the latencies (the whole
// body read), what went wrong, how many reads answered a 5xx, and how many pages showed
// fewer tasks than the fullest of the series: the web app leaves out a case that did
// not answer in time, with a 200.
func readSeries(p listPage, urls []string, users int) (lat []time.Duration, bad []string, serverErrors, short int) {
	var rows []int
	var mu sync.Mutex
	deadline := time.Now().Add(seriesBudget)
	var wg sync.WaitGroup
	for u := range users {
		wg.Go(func() {
			for i := range listRequests / users {
				if i >= listRequests/users/10 && time.Now().After(deadline) {
					return
				}
				base := urls[(u+i)%len(urls)]
				start := time.Now()
				status, body, err := p.get(base)
				took := time.Since(start)
				if err == nil && status != http.StatusOK {
					err = fmt.Errorf("%d %.200s", status, strings.TrimSpace(string(body)))
				}
				if err == nil {
					err = p.check(body)
				}
				mu.Lock()
				if err == nil && p.rows != nil {
					rows = append(rows, p.rows(body))
				}
				lat = append(lat, took)
				if err != nil {
					bad = append(bad, fmt.Sprintf("%s on %s: %v", p.name, base, err))
				}
				if status >= 500 {
					serverErrors++
				}
				mu.Unlock()
				if users == 1 && took < reloadEvery {
					time.Sleep(reloadEvery - took) // a pace, not a wait for an outcome
				}
			}
		})
	}
	wg.Wait()
	fullest := slices.Max(append(rows, 0))
	for _, n := range rows {
		if n < fullest {
			short++
		}
	}
	return lat, bad, serverErrors, short
}

// taskRow is the link of a row of the web app's task list.
var taskRow = regexp.MustCompile(`<a href="/zaken/[^/"]+/taken/[^/"]+">`)

// taskRows counts the tasks a page of the task list shows.
func taskRows(body []byte) int { return len(taskRow.FindAllIndex(body, -1)) }

// someTasks checks a GET /tasks answer lists tasks.
func someTasks(body []byte) error {
	var l struct {
		Tasks []json.RawMessage `json:"tasks"`
	}
	if err := json.Unmarshal(body, &l); err != nil {
		return err
	}
	if len(l.Tasks) == 0 {
		return errors.New("no tasks listed")
	}
	return nil
}

// contains checks a page holds want.
func contains(want string) func([]byte) error {
	return func(body []byte) error {
		if !strings.Contains(string(body), want) {
			return fmt.Errorf("no %s in the page", want)
		}
		return nil
	}
}

// teamTotal is the number of open cases in a team's row "alle stappen" of the overview.
var teamTotal = regexp.MustCompile(`<th scope="row">alle stappen</th>\s*<td>(?:<a [^>]*>|<span class="count">)(\d+)<`)

// countsOpen checks the overview's team totals add up to open: a scan that stopped at a
// page limit would show fewer.
func countsOpen(open int) func([]byte) error {
	return func(body []byte) error {
		sum := 0
		for _, m := range teamTotal.FindAllSubmatch(body, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			sum += n
		}
		if sum != open {
			return fmt.Errorf("the overview's teams add up to %d open cases, want %d", sum, open)
		}
		return nil
	}
}

// signIn signs in to the web app at base with token, as the sign-in form does, and
// returns a browser with the session cookie. The cookie opens every worker of the
// topology (they share the session key, and cookies go by host, not port).
func signIn(base, token string) (*http.Client, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	browser := &http.Client{Jar: jar, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	_, form, err := webPage(browser, "/aanmelden")(base)
	if err != nil {
		return nil, err
	}
	m := csrfField.FindSubmatch(form)
	if m == nil {
		return nil, fmt.Errorf("no csrf field on %s/aanmelden", base)
	}
	resp, err := browser.PostForm(base+"/aanmelden", url.Values{"csrf": {string(m[1])}, "token": {token}, "terug": {"/taken"}})
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("sign-in on %s: %d", base, resp.StatusCode)
	}
	return browser, nil
}

// webPage is a GET of path with browser; a redirect (to the sign-in page) is a 303, not
// followed.
func webPage(browser *http.Client, path string) func(string) (int, []byte, error) {
	return func(base string) (int, []byte, error) {
		resp, err := browser.Get(base + path)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		return resp.StatusCode, body, err
	}
}

// logLines counts the lines of the file at path that hold any of words.
func logLines(path string, words ...string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n := 0
	for line := range strings.Lines(string(b)) {
		for _, w := range words {
			if strings.Contains(line, w) {
				n++
				break
			}
		}
	}
	return n
}

// sdkResourceExhausted sums, over the workers at urls, the SDK's count of calls to
// Temporal answered RESOURCE_EXHAUSTED since they started
// (temporal_request_failure_attempt and its long-poll twin, by status_code).
func sdkResourceExhausted(b *testing.B, urls []string) float64 {
	total := 0.0
	for _, base := range urls {
		resp, err := http.Get(base + "/metrics")
		if err != nil {
			b.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("%s/metrics: %d %v", base, resp.StatusCode, err)
		}
		for line := range strings.Lines(string(body)) {
			name, _, _ := strings.Cut(line, "{")
			// Every attempt, retried or not (temporal_request_resource_exhausted counts
			// some twice: the SDK records it around its retries and inside them).
			if !strings.HasSuffix(name, "request_failure_attempt_total") || !strings.Contains(line, `status_code="RESOURCE_EXHAUSTED"`) {
				continue
			}
			f := strings.Fields(line)
			v, err := strconv.ParseFloat(f[len(f)-1], 64)
			if err != nil {
				b.Fatalf("%s/metrics: %q: %v", base, line, err)
			}
			total += v
		}
	}
	return total
}
