package web

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wijkflow/wijkflow/definitions"
	"github.com/wijkflow/wijkflow/definitions/law"
	"github.com/wijkflow/wijkflow/internal/words"
	"github.com/wijkflow/wijkflow/worker/auth"
	"github.com/wijkflow/wijkflow/workflows"
)

// defYAML is a small process with a resident and a form of every field type.
// defHead is the test definitions' name, team and roles.
const defHead = `gemeente: testgem
process: wijkteam
title: Test wijkteam
teams: [noord]
roles: {wijkcoach: Wijkcoach, teamleider: Teamleider}
lead: teamleider
`

const defYAML = defHead + `intake:
  naam: {type: text, label: Naam}
  geboortedatum: {type: date}
resident: {name: naam, birthdate: geboortedatum}
start: melding
steps:
  melding:
    kind: task
    title: Melding
    role: wijkcoach
    deadline: {within: 6w, from: case, law: "Wmo 2015 art. 2.3.2"}
    form:
      verslag: {type: text, required: true, rules: "min=5,max=4000"}
      uren: {type: number, rules: "gte=0,lte=40"}
      datum: {type: date}
      akkoord: {type: bool, required: true}
      risico: {type: choice, options: [laag, hoog], required: true}
      gebieden: {type: choices, options: [werk, zorg], rules: min=1}
      bsn: {type: text, rules: "len=9,numeric"}
    next: [{goto: klaar}]
  klaar: {kind: end, result: afgerond}
`

type set struct{ d *definitions.Definition }

func (s set) Lookup(g, p string) *definitions.Definition {
	if g == s.d.Gemeente && p == s.d.Process {
		return s.d
	}
	return nil
}
func (s set) ByVersion(v string) *definitions.Definition {
	if v == s.d.Version {
		return s.d
	}
	return nil
}
func (s set) CurrentOf(g string) []*definitions.Definition {
	if g == s.d.Gemeente {
		return []*definitions.Definition{s.d}
	}
	return nil
}

// fakeAPI answers as the task API would, from canned case views and a (stale) task
// list, and records the calls.
type fakeAPI struct {
	mu     sync.Mutex
	listed []string // case ids GET /tasks answers, with their views' tasks
	// unnamed are listed cases whose memo lacks the resident's name (started before it).
	unnamed map[string]bool
	views   map[string]workflows.CaseView
	calls   []string
	answer  func(r *http.Request) (int, any) // for POSTs
	next    string                           // nextPageToken of GET /tasks
	asked   []url.Values                     // the queries of GET /tasks
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	f.calls = append(f.calls, r.Method+" "+r.URL.Path+" "+r.Header.Get("Authorization")+" "+string(body))
	write := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	switch {
	case r.Method == "GET" && r.URL.Path == "/api/v1/tasks":
		// As the API answers from its shared list: the listed cases' tasks with the
		// resident's name from the memo (current for this worker's own changes).
		tasks := []map[string]any{}
		for _, id := range f.listed {
			v := f.views[id]
			for _, t := range v.Tasks {
				if r.URL.Query().Get("assignee") == "me" && t.Assignee != "coach-1" {
					continue
				}
				item := map[string]any{"caseId": id, "id": t.ID, "step": t.Step, "title": t.Title,
					"roles": t.Roles, "team": t.Team, "assignee": t.Assignee, "deadline": t.Deadline, "overdue": t.Overdue,
					"escalationLevel": t.EscalationLevel, "extended": t.Extended, "clockStopped": t.ClockStopped,
					"process": v.Process, "definitionVersion": v.DefinitionVersion, "role": t.Role,
					"suspended": v.Suspended, "stalled": v.Stalled}
				if name, _ := v.Data["naam"].(string); !f.unnamed[id] {
					item["resident"] = name
				}
				tasks = append(tasks, item)
			}
		}
		f.asked = append(f.asked, r.URL.Query())
		write(200, map[string]any{"tasks": tasks, "nextPageToken": f.next})
	case r.Method == "GET" && strings.HasPrefix(r.URL.Path, "/api/v1/cases/"):
		v, ok := f.views[strings.TrimPrefix(r.URL.Path, "/api/v1/cases/")]
		if !ok {
			write(404, map[string]any{"error": "case not found"})
			return
		}
		write(200, v)
	default:
		write(f.answer(r))
	}
}

func (f *fakeAPI) lastCall() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[len(f.calls)-1]
}

type fixture struct {
	t   *testing.T
	srv *httptest.Server
	api *fakeAPI
	def *definitions.Definition
	c   *http.Client
}

func newFixture(t *testing.T) *fixture { return newFixtureWith(t, defYAML) }

// newFixtureWith serves the web app on a fake API with the definition given as YAML.
func newFixtureWith(t *testing.T, yaml string) *fixture {
	d, issues := definitions.Parse("t.yaml", []byte(yaml))
	if errs := issues.Errors(); len(errs) > 0 { // a warning (a field asked under two labels) is the point of some pages
		t.Fatal(errs)
	}
	users := []auth.User{
		{Token: "tok-coach", ID: "coach-1", Name: "Coach", Gemeente: "testgem", Teams: []string{"noord"}, Roles: []string{"wijkcoach"}},
		{Token: "tok-lead", ID: "lead-1", Name: "Lead", Gemeente: "testgem", Teams: []string{"noord"}, Roles: []string{"teamleider"}},
	}
	tokens, err := auth.NewTokens(users)
	if err != nil {
		t.Fatal(err)
	}
	api := &fakeAPI{views: map[string]workflows.CaseView{}, answer: func(*http.Request) (int, any) { return 200, map[string]any{} }}
	h, err := New(Config{API: api, Auth: tokens, Definitions: func() DefinitionSet { return set{d} }, DemoUsers: users})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	jar := &cookieJar{cookies: map[string]*http.Cookie{}}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &fixture{t: t, srv: srv, api: api, def: d, c: c}
}

// cookieJar keeps the cookies of the test server, whatever their path.
type cookieJar struct {
	mu      sync.Mutex
	cookies map[string]*http.Cookie
}

func (j *cookieJar) SetCookies(_ *url.URL, cs []*http.Cookie) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, c := range cs {
		j.cookies[c.Name] = c
	}
}

func (j *cookieJar) Cookies(*url.URL) []*http.Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []*http.Cookie
	for _, c := range j.cookies {
		out = append(out, c)
	}
	return out
}

func (f *fixture) get(path string) (int, string, http.Header) {
	f.t.Helper()
	resp, err := f.c.Get(f.srv.URL + path)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (f *fixture) post(path string, form url.Values) (int, string, http.Header) {
	f.t.Helper()
	resp, err := f.c.PostForm(f.srv.URL+path, form)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the CSRF secret from a page.
func (f *fixture) csrf(page string) string {
	f.t.Helper()
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		f.t.Fatalf("no csrf field in %s", page)
	}
	return m[1]
}

// signIn signs in as a demo user and returns the CSRF secret of the session.
func (f *fixture) signIn(id string) string {
	f.t.Helper()
	_, page, _ := f.get("/aanmelden")
	st, _, h := f.post("/aanmelden", url.Values{"csrf": {f.csrf(page)}, "gebruiker": {id}, "terug": {"/taken"}})
	if st != http.StatusSeeOther || h.Get("Location") != "/taken" {
		f.t.Fatalf("sign-in: %d to %q", st, h.Get("Location"))
	}
	_, page, _ = f.get("/taken")
	return f.csrf(page)
}

func view(id string, tasks ...workflows.TaskView) workflows.CaseView {
	return workflows.CaseView{CaseHeader: workflows.CaseHeader{ID: id, Gemeente: "testgem", Process: "wijkteam", Team: "noord", Status: workflows.StatusOpen},
		Tasks: tasks, Data: map[string]any{"naam": "Inwoner " + id}}
}

func task(caseID, id, step, assignee string) workflows.TaskView {
	d := time.Now().Add(48 * time.Hour)
	return workflows.TaskView{CaseID: caseID, ID: id, Step: step, Title: "Titel " + id, Role: "wijkcoach",
		Roles: []string{"wijkcoach"}, Team: "noord", Assignee: assignee, Deadline: &d, Law: "Wmo 2015 art. 2.3.2"}
}

func TestSignInRequired(t *testing.T) {
	f := newFixture(t)
	st, _, h := f.get("/taken?lijst=team")
	if st != http.StatusSeeOther || h.Get("Location") != "/aanmelden?terug=%2Ftaken%3Flijst%3Dteam" {
		t.Fatalf("without a session: %d to %q", st, h.Get("Location"))
	}
	_, page, _ := f.get("/aanmelden")
	st, body, _ := f.post("/aanmelden", url.Values{"csrf": {f.csrf(page)}, "gebruiker": {"nobody"}})
	if st != http.StatusUnauthorized || !strings.Contains(body, "Kies een gebruiker") {
		t.Errorf("unknown user: %d", st)
	}
	st, _, _ = f.post("/aanmelden", url.Values{"csrf": {"forged"}, "gebruiker": {"coach-1"}})
	if st != http.StatusForbidden {
		t.Errorf("sign-in with a forged CSRF secret: %d, want 403", st)
	}
}

func TestCSRFOnEveryPost(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	n := len(f.api.calls)
	for _, path := range []string{"/zaken/case-a/taken/melding-1/claimen", "/zaken/case-a/taken/melding-1", "/zaken/case-a/opschorten", "/melding"} {
		st, body, _ := f.post(path, url.Values{"csrf": {secret + "x"}, "proces": {"wijkteam"}})
		if st != http.StatusForbidden || !strings.Contains(body, "verlopen") {
			t.Errorf("POST %s with a wrong secret: %d", path, st)
		}
	}
	if len(f.api.calls) != n {
		t.Errorf("a rejected form reached the API: %v", f.api.calls[n:])
	}
	st, _, h := f.post("/zaken/case-a/taken/melding-1/claimen", url.Values{"csrf": {secret}, "terug": {"https://evil.example/"}})
	if st != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/zaken/case-a/taken/melding-1?") {
		t.Errorf("claim: %d to %q (an outside return address must not be followed; the task's form is next)", st, h.Get("Location"))
	}
	if c := f.api.lastCall(); c != "POST /api/v1/cases/case-a/tasks/melding-1/claim Bearer tok-coach {}" {
		t.Errorf("claim sent %q", c)
	}
}

// TestInboxReadsItsWrites: visibility still lists case a (whose task was completed)
// and does not yet list case b (whose task just opened); the inbox shows neither the
// stale task nor hides the new one.
func TestInboxReadsItsWrites(t *testing.T) {
	f := newFixture(t)
	f.signIn("coach-1")
	f.api.listed = []string{"case-a"}
	f.api.views["case-a"] = view("case-a", task("case-a", "plan-1", "plan", ""))       // melding-1 is done
	f.api.views["case-b"] = view("case-b", task("case-b", "melding-1", "melding", "")) // not listed yet
	_, body, _ := f.get("/taken?lijst=team&bijgewerkt=case-b")
	for _, want := range []string{`/zaken/case-a/taken/plan-1"`, `/zaken/case-b/taken/melding-1"`, "Inwoner case-b", "Wmo 2015 art. 2.3.2"} {
		if !strings.Contains(body, want) {
			t.Errorf("inbox lacks %s", want)
		}
	}
	if strings.Contains(body, "case-a/taken/melding-1") {
		t.Error("inbox shows the task just completed")
	}
	// My tasks: only what I claimed, and a lead's task of another role is not mine.
	f.api.views["case-a"] = view("case-a", task("case-a", "plan-1", "plan", "coach-1"), task("case-a", "x-1", "x", "lead-1"))
	_, body, _ = f.get("/taken")
	if !strings.Contains(body, "case-a/taken/plan-1") || strings.Contains(body, "case-a/taken/x-1") {
		t.Errorf("my tasks wrong:\n%s", body)
	}
}

// TestInboxAsksOnlyWhatTheListLacks: the team list is drawn from GET /tasks alone — no
// case is asked for its view — but the case just changed, and a case whose memo does not
// hold the resident's name yet (started before it did), whose name then still shows.
func TestInboxAsksOnlyWhatTheListLacks(t *testing.T) {
	f := newFixture(t)
	f.signIn("coach-1")
	f.api.listed = []string{"case-a", "case-b", "case-c"}
	for _, id := range f.api.listed {
		f.api.views[id] = view(id, task(id, "plan-1", "plan", ""))
	}
	f.api.unnamed = map[string]bool{"case-c": true}
	n := len(f.api.calls)
	_, body, _ := f.get("/taken?lijst=team&bijgewerkt=case-b")
	var asked []string
	for _, c := range f.api.calls[n:] {
		if strings.HasPrefix(c, "GET /api/v1/cases/") {
			asked = append(asked, strings.Fields(c)[1])
		}
	}
	slices.Sort(asked)
	if fmt.Sprint(asked) != "[/api/v1/cases/case-b /api/v1/cases/case-c]" {
		t.Errorf("the team list asked %v; want only the changed case-b and the unnamed case-c", asked)
	}
	for _, want := range []string{"Inwoner case-a", "Inwoner case-b", "Inwoner case-c", "case-a/taken/plan-1", "case-c/taken/plan-1"} {
		if !strings.Contains(body, want) {
			t.Errorf("team list lacks %s", want)
		}
	}
	if strings.Count(body, "case-b/taken/plan-1\"") != 1 {
		t.Errorf("the changed case shows %d times; want once", strings.Count(body, "case-b/taken/plan-1\""))
	}
}

// TestFormErrorsAtTheirFields: a 422 redraws the form with what was sent, each message
// in Dutch at its field and in the summary; the nonce becomes the Idempotency-Key.
func TestFormErrorsAtTheirFields(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	tk := task("case-a", "melding-1", "melding", "coach-1")
	tk.Form = f.def.Steps.Step("melding").Form
	f.api.views["case-a"] = view("case-a", tk)
	_, page, _ := f.get("/zaken/case-a/taken/melding-1")
	for _, want := range []string{`minlength="5"`, `maxlength="4000"`, `min="0"`, `max="40"`, `type="date"`, `pattern="[0-9]*"`, `name="f_risico" value="laag" required`, `name="f_gebieden" value="werk">`, "kies er minstens 1", "Wmo 2015 art. 2.3.2", "Inwoner case-a"} {
		if !strings.Contains(page, want) {
			t.Errorf("task page lacks %s", want)
		}
	}
	var sent string
	f.api.answer = func(r *http.Request) (int, any) {
		sent = r.Header.Get("Idempotency-Key")
		return 422, map[string]any{"error": "invalid", "errors": []workflows.FieldError{
			problem("verslag", definitions.RuleMessage("min", "5", reflect.String)),
			problem("akkoord", words.Msg(words.RuleRequired)),
		}}
	}
	st, body, _ := f.post("/zaken/case-a/taken/melding-1", url.Values{"csrf": {secret}, "nonce": {"n-1"},
		"f_verslag": {"kort"}, "f_uren": {"12,5"}, "f_gebieden": {"zorg"}, "f_risico": {"hoog"}})
	if st != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", st)
	}
	if sent != "web-n-1" {
		t.Errorf("Idempotency-Key %q", sent)
	}
	var data map[string]any
	call := f.api.lastCall()
	json.Unmarshal([]byte(call[strings.Index(call, "{"):]), &struct{ Data *map[string]any }{&data})
	if data["verslag"] != "kort" || data["uren"] != 12.5 || data["risico"] != "hoog" || len(data["gebieden"].([]any)) != 1 || data["akkoord"] != nil {
		t.Errorf("data sent: %v", data)
	}
	for _, want := range []string{
		`id="veld-verslag-fout"><span class="vh">Fout: </span>moet tenminste 5 karakters lang zijn`,
		`id="veld-akkoord-fout"><span class="vh">Fout: </span>is verplicht`,
		`<a href="#veld-verslag">verslag: moet tenminste 5 karakters lang zijn</a>`,
		`aria-invalid="true" aria-describedby="veld-verslag-hint veld-verslag-fout"`,
		`>kort</textarea>`, `value="hoog" checked`, `value="zorg" checked`, `<title>Fout: Titel melding-1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("422 page lacks %s", want)
		}
	}
	f.api.answer = func(*http.Request) (int, any) { return 200, view("case-a") }
	st, _, h := f.post("/zaken/case-a/taken/melding-1", url.Values{"csrf": {secret}, "nonce": {"n-1"}, "f_verslag": {"lang genoeg"}})
	if st != http.StatusSeeOther || h.Get("Location") != "/taken?bericht=afgerond&bijgewerkt=case-a&lijst=team" {
		t.Errorf("after completing: %d to %q", st, h.Get("Location"))
	}
}

func TestOverviewOnlyForLeads(t *testing.T) {
	f := newFixture(t)
	f.signIn("coach-1")
	if st, _, _ := f.get("/overzicht"); st != http.StatusForbidden {
		t.Errorf("a wijkcoach gets the overview: %d", st)
	}
}

// TestDutchFromCodes: the API's problems and refusals read in Dutch from their codes;
// a message without a code shows as it is.
func TestDutchFromCodes(t *testing.T) {
	for _, tt := range []struct {
		m    words.Message
		want string
	}{
		{words.Msg(words.RuleRequired), "is verplicht"},
		{definitions.RuleMessage("max", "4000", reflect.String), "mag maximaal 4.000 karakters lang zijn"},
		{definitions.RuleMessage("min", "1", reflect.Slice), "moet tenminste 1 item bevatten"},
		{words.Msg(words.RuleNotNumber), "moet een getal zijn"},
		{words.Msg(words.RuleNotOption, "value", "rood", "options", "laag, hoog"), "„rood” is geen keuze; kies uit: laag, hoog"},
		{words.Msg(words.RefuseExtendedOnce, "task", "plan-1"), "de termijn van taak plan-1 is al eens verlengd (Awb 4:14: eenmaal)"},
		{words.Msg(words.RuleAtMost, "max", "2w"), "mag hoogstens 2 weken zijn"},
	} {
		if got := sayNL(tt.m.Code, tt.m.Args, tt.m.String()); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.m.Code, got, tt.want)
		}
	}
	if got := sayNL("", nil, "something new "); got != "something new" {
		t.Errorf("no code: %q", got)
	}
}

// problem is a field problem as the API answers it.
func problem(field string, m words.Message) workflows.FieldError {
	return workflows.FieldError{Field: field, Message: definitions.SayRule(m, words.EN), Code: m.Code, Args: m.Args}
}

func TestSessionSeal(t *testing.T) {
	s, err := newSealer(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	text := s.seal(session{Token: "tok", CSRF: "c", Expires: now.Add(time.Hour).Unix()})
	if strings.Contains(text, "tok") {
		t.Error("the token is readable in the cookie")
	}
	if got, ok := s.open(text, now); !ok || got.Token != "tok" {
		t.Errorf("open = %+v, %v", got, ok)
	}
	if _, ok := s.open(text, now.Add(2*time.Hour)); ok {
		t.Error("an expired session opens")
	}
	b := []byte(text)
	b[len(b)-2] ^= 1
	if _, ok := s.open(string(b), now); ok {
		t.Error("a tampered cookie opens")
	}
	if _, err := newSealer([]byte("short")); err == nil {
		t.Error("a short key is accepted")
	}
}

func TestSafeBack(t *testing.T) {
	for in, want := range map[string]string{
		"/zaken/case-a": "/zaken/case-a", "//evil.example": "/taken", "https://evil.example": "/taken",
		"/\\evil": "/taken", "": "/taken", "/a\r\nSet-Cookie: x": "/taken",
	} {
		if got := safeBack(in); got != want {
			t.Errorf("safeBack(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTokenSignIn: without demo users (wijkflow worker) the sign-in page asks for the
// API token, and only a token the API's authenticator knows starts a session.
func TestTokenSignIn(t *testing.T) {
	f := newFixture(t)
	d := f.def
	tokens, _ := auth.NewTokens([]auth.User{{Token: "tok-x", ID: "x-1", Name: "X", Gemeente: "testgem", Teams: []string{"noord"}, Roles: []string{"wijkcoach"}}})
	h, err := New(Config{API: f.api, Auth: tokens, Definitions: func() DefinitionSet { return set{d} }})
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Config.Handler = h
	_, page, _ := f.get("/aanmelden")
	if !strings.Contains(page, `type="password" id="token" name="token"`) || strings.Contains(page, `name="gebruiker"`) {
		t.Fatalf("sign-in page without demo users:\n%s", page)
	}
	if st, body, _ := f.post("/aanmelden", url.Values{"csrf": {f.csrf(page)}, "token": {"tok-wrong"}}); st != http.StatusUnauthorized || !strings.Contains(body, "onbekend") {
		t.Errorf("a wrong token: %d", st)
	}
	if st, _, _ := f.post("/aanmelden", url.Values{"csrf": {f.csrf(page)}, "gebruiker": {"coach-1"}}); st != http.StatusUnauthorized {
		t.Errorf("choosing a demo user where there are none: %d", st)
	}
	if st, _, h := f.post("/aanmelden", url.Values{"csrf": {f.csrf(page)}, "token": {"tok-x"}, "terug": {"/zaken/case-a"}}); st != http.StatusSeeOther || h.Get("Location") != "/zaken/case-a" {
		t.Errorf("the right token: %d to %q", st, h.Get("Location"))
	}
}

// TestCasePage: the resident, the clocks with their citation, the trail in Dutch, the
// data collected without the resident's fields, and a suspension's 422 at its field.
func TestCasePage(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	v := view("case-a", task("case-a", "melding-1", "melding", ""))
	v.Tasks[0].Suspendable = true
	v.DefinitionVersion = f.def.Version
	v.Data["geboortedatum"] = "1950-04-01"
	v.Data["verslag"] = "Gesprek gevoerd"
	v.Data["akkoord"] = true
	v.Trail = []workflows.TrailEntry{
		{At: time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC), Event: workflows.EventTaskCompleted, Step: "melding", Actor: "coach-1", Detail: "intern"},
		{At: time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC), Event: workflows.EventEscalated, Step: "melding", Task: "melding-1", Args: map[string]string{"role": "teamleider"}},
		{At: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC), Event: workflows.EventResumed, Args: map[string]string{"suspended": "3d"}, Actor: "oud-9"},
	}
	f.api.views["case-a"] = v
	_, body, _ := f.get("/zaken/case-a")
	// Who acted, by name and role; someone the app never met by the id the case keeps.
	for _, want := range []string{"door Coach (Wijkcoach)", "door medewerker oud-9", "team Noord"} {
		if !strings.Contains(body, want) {
			t.Errorf("case page lacks %q", want)
		}
	}
	for _, want := range []string{"<title>Zaak van Inwoner case-a", "<dd>1 april 1950</dd>", "Wmo 2015 art. 2.3.2",
		"1 december 2026, 10:30", "Taak afgerond</strong>: Melding",
		"Opgeschaald</strong>: Melding", "Opgeschaald naar Teamleider", "Hervat na 3 dagen opschorting", "<dt>Verslag</dt><dd>Gesprek gevoerd</dd>", "<dt>Akkoord</dt><dd>ja</dd>", `action="/zaken/case-a/opschorten"`} {
		if !strings.Contains(body, want) {
			t.Errorf("case page lacks %s", want)
		}
	}
	if strings.Contains(body, "<dt>naam</dt>") || strings.Contains(body, "intern") {
		t.Error("the resident's field under data collected, or a technical detail in the timeline")
	}
	f.api.answer = func(*http.Request) (int, any) {
		return 422, map[string]any{"error": "invalid", "errors": []workflows.FieldError{problem("reason", words.Msg(words.RuleRequired))}}
	}
	st, body, _ := f.post("/zaken/case-a/opschorten", url.Values{"csrf": {secret}, "reden": {" "}})
	if st != http.StatusUnprocessableEntity || !strings.Contains(body, `id="opschort-reden-fout"><span class="vh">Fout: </span>is verplicht`) {
		t.Errorf("suspend without a reason: %d", st)
	}
	if c := f.api.calls[len(f.api.calls)-2]; !strings.Contains(c, "POST /api/v1/cases/case-a/suspend") || !strings.Contains(c, `"reason":" "`) {
		t.Errorf("suspend sent %q", c)
	}
}

// TestInboxPages: a next page of visibility becomes a link, and the page token is passed
// on unchanged.
func TestInboxPages(t *testing.T) {
	f := newFixture(t)
	f.signIn("coach-1")
	f.api.listed = []string{"case-a"}
	f.api.views["case-a"] = view("case-a", task("case-a", "plan-1", "plan", ""))
	_, body, _ := f.get("/taken?lijst=team")
	if strings.Contains(body, "Volgende pagina") {
		t.Error("a next page without a token")
	}
	f.api.next = "tok/123"
	_, body, _ = f.get("/taken?lijst=team")
	if !strings.Contains(body, `<a href="/taken?lijst=team&amp;pagina=tok%2F123">Volgende pagina</a>`) {
		t.Errorf("no link to the next page:\n%s", body)
	}
	f.get("/taken?lijst=team&pagina=tok%2F123")
	q := f.api.asked[len(f.api.asked)-1]
	if q.Get("pageToken") != "tok/123" || q.Get("pageSize") != "100" || q.Get("order") != "urgency" || q.Has("assignee") {
		t.Errorf("GET /tasks asked with %v", q)
	}
	f.get("/taken")
	if q := f.api.asked[len(f.api.asked)-1]; q.Get("assignee") != "me" {
		t.Errorf("my tasks asked with %v", q)
	}
}

// TestExtend: an extendable task offers verlenging (Awb 4:14) up to the step's
// extendable; the request names the task, the term and the reason; a 422 on the term
// comes back at its field.
func TestExtend(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	d := f.def
	step := d.Steps.Step("melding")
	two, _ := law.ParseDuration("2w")
	step.Extendable = &two
	v := view("case-a", task("case-a", "melding-1", "melding", "coach-1"))
	v.DefinitionVersion = d.Version
	f.api.views["case-a"] = v
	_, body, _ := f.get("/zaken/case-a")
	if !strings.Contains(body, `action="/zaken/case-a/verlengen"`) || !strings.Contains(body, "Hoogstens 2 weken") {
		t.Fatalf("no extension form:\n%s", body)
	}
	v.Tasks[0].Extended = true
	f.api.views["case-a"] = v
	if _, body, _ := f.get("/zaken/case-a"); strings.Contains(body, "/verlengen") {
		t.Error("a task extended once is offered a second extension")
	}
	v.Tasks[0].Extended = false
	f.api.views["case-a"] = v
	f.api.answer = func(*http.Request) (int, any) {
		return 422, map[string]any{"error": "invalid", "errors": []workflows.FieldError{
			problem("by", words.Msg(words.RuleAtMost, "max", "2w")), problem("taskId", words.Msg(words.RuleWhichTask, "n", "2"))}}
	}
	st, body, _ := f.post("/zaken/case-a/verlengen", url.Values{"csrf": {secret}, "taak": {"melding-1"}, "duur": {"3w"}, "reden": {"Advies van de huisarts volgt"}})
	if st != http.StatusUnprocessableEntity || !strings.Contains(body, `<p class="error" id="duur-fout"><span class="vh">Fout: </span>mag hoogstens 2 weken zijn</p>`) {
		t.Errorf("extend too long: %d\n%s", st, body)
	}
	if !strings.Contains(body, "taskId: kies de taak: 2 open taken mogen worden verlengd") {
		t.Error("an error that names no field on the page is not shown")
	}
	sent := f.api.calls[len(f.api.calls)-2]
	if !strings.Contains(sent, "POST /api/v1/cases/case-a/extend") || !strings.Contains(sent, `"by":"3w"`) || !strings.Contains(sent, `"taskId":"melding-1"`) {
		t.Errorf("extend sent %q", sent)
	}
}

// TestForbiddenSaysWhy: a 403 of the API shows its reason when it has a Dutch one.
func TestForbiddenSaysWhy(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	tk := task("case-a", "melding-1", "melding", "lead-1")
	f.api.views["case-a"] = view("case-a", tk)
	f.api.answer = func(*http.Request) (int, any) {
		m := words.Msg(words.RefuseClaimed, "task", "melding-1")
		return 403, map[string]any{"error": m.String(), "code": m.Code, "args": m.Args}
	}
	st, body, _ := f.post("/zaken/case-a/taken/melding-1", url.Values{"csrf": {secret}, "nonce": {"n"}})
	if st != http.StatusForbidden || !strings.Contains(body, "U mag dit niet doen bij deze zaak: een collega heeft taak Melding opgepakt.") {
		t.Errorf("403: %d\n%s", st, body)
	}
}

// TestActionsCarryTheirFormsKey: claim and suspend send the form's nonce as the
// Idempotency-Key, so the same form sent twice acts once.
func TestActionsCarryTheirFormsKey(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	f.api.listed = []string{"case-a"}
	f.api.views["case-a"] = view("case-a", task("case-a", "melding-1", "melding", ""))
	_, body, _ := f.get("/taken?lijst=team")
	nonce := regexp.MustCompile(`claimen"><input type="hidden" name="csrf" value="[^"]+"><input type="hidden" name="nonce" value="([^"]+)"`).FindStringSubmatch(body)
	if nonce == nil {
		t.Fatalf("the claim form has no nonce:\n%s", body)
	}
	var keys []string
	f.api.answer = func(r *http.Request) (int, any) {
		keys = append(keys, r.Header.Get("Idempotency-Key"))
		return 200, map[string]any{}
	}
	for range 2 {
		f.post("/zaken/case-a/taken/melding-1/claimen", url.Values{"csrf": {secret}, "nonce": {nonce[1]}})
	}
	f.post("/zaken/case-a/opschorten", url.Values{"csrf": {secret}, "nonce": {"n-2"}, "reden": {"wacht"}})
	if want := []string{"web-" + nonce[1], "web-" + nonce[1], "web-n-2"}; strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("keys sent %v, want %v", keys, want)
	}
}

// TestRefusalNamesPeople: a refusal names the task by its step and the colleague by
// name, not by their ids.
func TestRefusalNamesPeople(t *testing.T) {
	f := newFixture(t)
	secret := f.signIn("coach-1")
	f.api.views["case-a"] = view("case-a", task("case-a", "melding-1", "melding", "lead-1"))
	f.api.answer = func(*http.Request) (int, any) {
		m := words.Msg(words.RefuseAlreadyAssigned, "task", "melding-1", "assignee", "lead-1")
		return 409, map[string]any{"error": m.String(), "code": m.Code, "args": m.Args}
	}
	st, body, _ := f.post("/zaken/case-a/taken/melding-1", url.Values{"csrf": {secret}, "nonce": {"n"}})
	if want := "Dit kan niet meer: taak Melding is al toegewezen aan Lead."; st != http.StatusConflict || !strings.Contains(body, want) {
		t.Errorf("409: %d, want %q in\n%s", st, want, body)
	}
}

// TestPersonFromTheTokensBesideAProvider: a user of the tokens file who has not signed in
// since the start is named from the file, also when an identity provider signs in others.
func TestPersonFromTheTokensBesideAProvider(t *testing.T) {
	tokens, err := auth.NewTokens([]auth.User{{Token: "t", ID: "u-7", Name: "Anna de Vries", Gemeente: "testgem", Teams: []string{"noord"}, Roles: []string{"wijkcoach"}}})
	if err != nil {
		t.Fatal(err)
	}
	a := &app{cfg: Config{Auth: auth.Either{&auth.OIDC{}, tokens}}, people: auth.NewDirectory()}
	def := &definitions.Definition{Roles: map[string]string{"wijkcoach": "Wijkcoach"}}
	if got := a.person("u-7", def); got != "Anna de Vries (Wijkcoach)" {
		t.Errorf("person(u-7) = %q", got)
	}
}

// TestInboxRowsAsTheLawCounts: a row's term shows its last day as the law counts it (a
// term ending at 00:00 ends the day before, law.LastDay, as on the case page), the
// article beside it, late or soon as its class, its marks, and the links and button
// of the task.
func TestInboxRowsAsTheLawCounts(t *testing.T) {
	f := newFixture(t)
	f.signIn("coach-1")
	f.api.listed = []string{"case-a", "case-b"}
	late := task("case-a", "melding-1", "melding", "")
	midnight := time.Date(2026, 3, 10, 0, 0, 0, 0, law.Amsterdam()) // ends at the start of 10 March
	late.Deadline, late.Overdue, late.EscalationLevel = &midnight, true, 2
	f.api.views["case-a"] = view("case-a", late)
	f.api.views["case-b"] = view("case-b", task("case-b", "plan-1", "plan", "coach-1")) // due in two days
	_, body, _ := f.get("/taken?lijst=team")
	rows := strings.Split(body, "<tr")
	if len(rows) != 4 { // the head's row, then the late task first
		t.Fatalf("%d rows, want a head and two tasks:\n%s", len(rows)-1, body)
	}
	for _, want := range []string{` class="row-late"`, `<span class="late">9 maart 2026</span> <span class="law">(Wmo 2015 art. 2.3.2)</span>`,
		"opgeschaald (niveau 2)", `href="/zaken/case-a"`, `href="/zaken/case-a/taken/melding-1"`,
		`action="/zaken/case-a/taken/melding-1/claimen"`, `Oppakken<span class="vh">: Titel melding-1, Inwoner case-a</span>`,
		`name="terug" value="/taken?lijst=team"`} {
		if !strings.Contains(rows[2], want) {
			t.Errorf("late row lacks %s:\n%s", want, rows[2])
		}
	}
	if strings.Contains(rows[2], "op tijd") {
		t.Errorf("a late row reads op tijd:\n%s", rows[2])
	}
	for _, want := range []string{`<span class="soon">`, `op tijd`, `Teruggeven<span class="vh">: Titel plan-1, Inwoner case-b</span>`,
		`action="/zaken/case-b/taken/plan-1/teruggeven"`} {
		if !strings.Contains(rows[3], want) {
			t.Errorf("row due soon lacks %s:\n%s", want, rows[3])
		}
	}
}
